package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Point 3: encoded-query grammar and operators over the demo incidents. */
class EncodedQueryTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b.seed("demo"));

  private static Http http;

  @BeforeAll
  static void setUp() {
    http = new Http(sn.baseUrl());
  }

  static List<String> numbers(String query) {
    Http.Response r = http.get("/api/now/table/incident?sysparm_fields=number&sysparm_query=" + Http.q(query));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.result().findValuesAsText("number").stream().map(n -> n.substring(n.length() - 1)).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "priority=1                                  | 1,5",
      "state!=2                                    | 2,4,5,6,8",
      "priority<3                                  | 1,2,3,5",
      "priority<=2                                 | 1,2,3,5",
      "priority>3                                  | 6,7,8",
      "priority>=4                                 | 6,7,8",
      "short_descriptionLIKEserver                 | 1",
      "short_descriptionNOT LIKEdown               | 2,4,5,6,7,8",
      "short_descriptionSTARTSWITHNetwork          | 2",
      "short_descriptionENDSWITHdown               | 1",
      "short_descriptionENDSWITHdown in my area    | 3",
      "numberININC0000001,INC0000004               | 1,4",
      "stateNOT IN1,2                              | 4,5,6",
      "assigned_toISEMPTY                          | 2,7,8",
      "assigned_toISNOTEMPTY                       | 1,3,4,5,6",
      "numberANYTHING                              | 1,2,3,4,5,6,7,8",
      "priorityBETWEEN2@3                          | 2,3,4",
      "priority=1^ORpriority=5                     | 1,5,7,8",
      "state=2^priority=1^ORpriority=5             | 1,7",
      "priority=1^NQstate=1                        | 1,5,2,8",
      "caller_id.name=Abel Tuter                   | 1,3,7",
      "assignment_group.nameSTARTSWITHNet          | 2,3",
      "assignment_group.manager.user_name=beth.anglin | 4,6,7,8",
      "nosuchfield=1^priority=1                    | 1,5",
      "short_description=email server is down      | 1",
      "sys_class_nameINSTANCEOFtask^priority=1     | 1,5",
      "priority=1^EQ^priority=2                    | 1,5",
      "opened_at>javascript:gs.daysAgo(8)          | 3,4,7,8",
      "short_description=x^NQactive=true           | 1,2,3,4,5,7,8"})
  void operators(String query, String expected) {
    List<String> want = List.of(expected.split(","));
    List<String> got = numbers(query);
    if (query.startsWith("priority=1^NQ")) {
      assertThat(got).containsExactlyInAnyOrderElementsOf(want);
    } else {
      assertThat(got).containsExactlyElementsOf(want);
    }
  }

  @Test
  void orderByAndOrderByDesc() {
    assertThat(numbers("ORDERBYpriority^ORDERBYDESCnumber")).containsExactly("5", "1", "3", "2", "4", "6", "8", "7");
    assertThat(numbers("active=true^ORDERBYDESCpriority^ORDERBYnumber")).containsExactly("7", "8", "4", "2", "3", "1",
        "5");
  }

  @Test
  void javascriptWhitelist() {
    assertThat(numbers("caller_id=javascript:gs.getUserID()")).isEmpty();
    String id = sn.emulator().records().insert("incident", Map.of("number", "INC0000009", "caller_id",
        "6816f79cc0a8016401c5a33be04be441")).get("sys_id");
    try {
      assertThat(numbers("caller_id=javascript:gs.getUserID()")).containsExactly("9");
      assertThat(numbers("opened_atBETWEENjavascript:gs.dateGenerate('2000-01-01','start')@javascript:gs.endOfToday()"))
          .hasSize(9);
    } finally {
      sn.emulator().records().delete("incident", id);
    }
    Http.Response bad = http.get("/api/now/table/incident?sysparm_query=" + Http.q("caller_id=javascript:gs.eval()"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").get("message").asText()).isEqualTo("Invalid query");
  }

  @Test
  void unknownFieldsReturnNoRowsWhenThePropertyIsOn() {
    try (ServiceNowEmulator strict = ServiceNowEmulator.builder().seed("demo").invalidQueryFieldsReturnNoRows(true)
        .start()) {
      Http h = new Http(strict.baseUrl());
      Http.Response r = h.get("/api/now/table/incident?sysparm_query=" + Http.q("nosuchfield=1^priority=1"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.result()).isEmpty();
      assertThat(h.get("/api/now/table/incident?sysparm_query=priority%3D1").result()).hasSize(2);
    }
  }

  @Test
  void caseSensitiveModeIsConfigurable() {
    try (ServiceNowEmulator strict = ServiceNowEmulator.builder().seed("demo").caseSensitiveQueries(true).start()) {
      Http h = new Http(strict.baseUrl());
      assertThat(h.get("/api/now/table/incident?sysparm_query=" + Http.q("short_description=email server is down"))
          .result()).isEmpty();
    }
  }
}
