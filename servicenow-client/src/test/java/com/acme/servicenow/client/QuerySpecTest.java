package com.acme.servicenow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.http.LinkHeader;
import com.acme.servicenow.client.http.QueryString;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.Operator;
import com.acme.servicenow.client.query.QuerySpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuerySpecTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "=|EQUALS", "equals|EQUALS", "is|EQUALS", "!=|NOT_EQUALS", "not equals|NOT_EQUALS", "<|LESS_THAN",
      "<=|LESS_OR_EQUAL", ">|GREATER_THAN", ">=|GREATER_OR_EQUAL", "LIKE|CONTAINS", "contains|CONTAINS",
      "NOT LIKE|NOT_CONTAINS", "NOTLIKE|NOT_CONTAINS", "does not contain|NOT_CONTAINS", "STARTSWITH|STARTS_WITH",
      "starts with|STARTS_WITH", "ENDSWITH|ENDS_WITH", "ends_with|ENDS_WITH", "IN|IN", "is one of|IN",
      "NOT IN|NOT_IN", "not_in|NOT_IN", "ISEMPTY|IS_EMPTY", "is empty|IS_EMPTY", "ISNOTEMPTY|IS_NOT_EMPTY",
      "is not empty|IS_NOT_EMPTY", "ANYTHING|ANYTHING", "BETWEEN|BETWEEN", "between|BETWEEN", "GREATER_OR_EQUAL|GREATER_OR_EQUAL"})
  void operatorParsesSymbolsAndNames(String text, Operator expected) {
    assertThat(Operator.parse(text)).isEqualTo(expected);
  }

  @Test
  void unknownOperatorIsInputError() {
    assertThatThrownBy(() -> Operator.parse("SAMEAS")).isInstanceOfSatisfying(ServiceNowInputException.class, e -> {
      assertThat(e.field()).isEqualTo("operator");
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    });
  }

  @Test
  void encodesEveryOperator() {
    assertThat(Condition.of("a", Operator.NOT_EQUALS, "x").encode()).isEqualTo("a!=x");
    assertThat(Condition.of("a", Operator.STARTS_WITH, "x").encode()).isEqualTo("aSTARTSWITHx");
    assertThat(Condition.of("a", Operator.ENDS_WITH, "x").encode()).isEqualTo("aENDSWITHx");
    assertThat(Condition.of("a", Operator.NOT_IN, List.of("1", "2")).encode()).isEqualTo("aNOT IN1,2");
    assertThat(Condition.of("a", Operator.IS_NOT_EMPTY, null).encode()).isEqualTo("aISNOTEMPTY");
    assertThat(Condition.of("a", Operator.ANYTHING, "").encode()).isEqualTo("aANYTHING");
    assertThat(Condition.of("caller_id.email", Operator.EQUALS, "fred@example.com").encode())
        .isEqualTo("caller_id.email=fred@example.com");
    assertThat(Condition.of("a", Operator.GREATER_THAN, new java.math.BigDecimal("1E+3")).encode()).isEqualTo("a>1000");
  }

  @Test
  void stableOrderIsAddedOnlyWhenMissing() {
    assertThat(QuerySpec.all().encodeWithStableOrder()).isEqualTo("ORDERBYsys_id");
    assertThat(QuerySpec.where(Condition.eq("active", true)).encodeWithStableOrder()).isEqualTo("active=true^ORDERBYsys_id");
    assertThat(QuerySpec.all().orderBy("sys_id", true).encodeWithStableOrder()).isEqualTo("ORDERBYDESCsys_id");
    assertThat(QuerySpec.rawEncodedQuery("active=true^ORDERBYsys_id").encodeWithStableOrder()).isEqualTo("active=true^ORDERBYsys_id");
  }

  @Test
  void rawPartIsAndedWithStructuredConditions() {
    QuerySpec q = QuerySpec.builder().raw("active=true^ORpriority=1").and("state", "=", "2").build();
    assertThat(q.encode()).isEqualTo("active=true^ORpriority=1^state=2");
    assertThat(q.isRaw()).isTrue();
  }

  @Test
  void inputErrorsNameTheField() {
    assertThatThrownBy(() -> Condition.eq("short_description", "a^NQb"))
        .isInstanceOfSatisfying(ServiceNowInputException.class,
            e -> assertThat(e.field()).isEqualTo("condition(short_description).value"));
  }

  @Test
  void strictPercentEncoding() {
    assertThat(QueryString.encode("a b+c&d#e^f,g@h=i/j~k-l.m_n")).isEqualTo("a%20b%2Bc%26d%23e%5Ef%2Cg%40h%3Di%2Fj~k-l.m_n");
  }

  @Test
  void linkHeaderVariants() {
    LinkHeader a = LinkHeader.parse("<https://x/api/now/table/incident?sysparm_limit=1&sysparm_offset=0>;rel=\"first\","
        + "<https://x/api/now/table/incident?sysparm_limit=1&sysparm_offset=-1>;rel=\"prev\","
        + "<https://x/api/now/table/incident?sysparm_limit=1&sysparm_offset=1>;rel=\"next\","
        + "<https://x/api/now/table/incident?sysparm_limit=1&sysparm_offset=72>;rel=\"last\"");
    assertThat(a.offset("next")).hasValue(1);
    assertThat(a.offset("prev")).hasValue(-1);
    assertThat(a.offset("last")).hasValue(72);
    LinkHeader b = LinkHeader.parse("<https://x/api/now/table/incident?sysparm_query=a%3Db&sysparm_offset=20000&sysparm_limit=10000>; rel=last");
    assertThat(b.has("next")).isFalse();
    assertThat(b.offset("last")).hasValue(20000);
    assertThat(LinkHeader.parse(null).isEmpty()).isTrue();
  }
}
