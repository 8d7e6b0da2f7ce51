package com.acme.servicenow.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.harness.JobOutcome;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every record operation, from the filled-in template through the real runtime to the emulator and back. */
class TableRecordOperationsTest extends TableConnectorTestSupport {

  private static String lastQuery() {
    RecordedRequest last = emulator().journal().last();
    return last.rawQuery() == null ? "" : URLDecoder.decode(last.rawQuery(), StandardCharsets.UTF_8);
  }

  @Test
  void createBuildsTheRecordFromAFeelContextAndReturnsSysIdAndRecord() {
    JobOutcome outcome =
        run(task("create")
            .set("operation.createFields", "={short_description: \"Disk full on \" + host, urgency: \"2\", impact: \"2\"}")
            .set("options.fields", "sys_id,number,short_description,urgency")
            .set("resultExpression", "={incidentSysId: response.sysId, incidentNumber: response.record.number}")
            .processVariable("host", "db-01"));

    Map<String, Object> variables = outcome.asCompleted().variables();
    Map<String, Object> result = map(variables.get("result"));
    String sysId = (String) result.get("sysId");
    assertThat(sysId).matches("[0-9a-f]{32}");
    assertThat(map(result.get("record")))
        .containsEntry("short_description", "Disk full on db-01")
        .containsEntry("urgency", "2")
        .containsOnlyKeys("sys_id", "number", "short_description", "urgency");
    assertThat(variables).containsEntry("incidentSysId", sysId);
    assertThat((String) variables.get("incidentNumber")).startsWith("INC");
    assertThat(emulator().records().get("incident", sysId)).get()
        .satisfies(row -> assertThat(row).containsEntry("short_description", "Disk full on db-01"));
    RecordedRequest request = emulator().journal().last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/now/table/incident");
    assertThat(request.user()).isEqualTo(USER);
  }

  @Test
  void getReadsOneRecordWithDisplayValues() {
    String sysId = insertIncident("Printer on fire");

    Map<String, Object> result =
        result(run(task("get")
            .set("operation.getSysId", "=id")
            .processVariable("id", sysId)
            .set("options.fields", "short_description,sys_id")
            .set("options.displayValue", "all")));

    assertThat(result).containsEntry("sysId", sysId);
    assertThat(map(result.get("record")).get("short_description"))
        .isEqualTo(Map.of("value", "Printer on fire", "display_value", "Printer on fire"));
    assertThat(lastQuery()).contains("sysparm_display_value=all").contains("sysparm_fields=short_description,sys_id");
  }

  @Test
  void queryReturnsOnePageWithCountAndNextOffset() {
    String m = marker();
    for (int i = 0; i < 3; i++) {
      insertIncident(m + " " + i);
    }

    Map<String, Object> result =
        result(run(task("query")
            .set("operation.queryConditions", "=[{field: \"short_description\", operator: \"starts with\", value: prefix}]")
            .processVariable("prefix", m)
            .set("operation.queryOrderBy", "-short_description")
            .set("operation.queryLimit", "2")));

    assertThat(list(result.get("records"))).extracting(r -> r.get("short_description"))
        .containsExactly(m + " 2", m + " 1");
    assertThat(result).containsEntry("totalCount", 3L).containsEntry("hasMore", true).containsEntry("nextOffset", 2);
    assertThat(lastQuery())
        .contains("sysparm_query=short_descriptionSTARTSWITH" + m + "^ORDERBYDESCshort_description")
        .contains("sysparm_limit=2")
        .contains("sysparm_offset=0");

    Map<String, Object> second =
        result(run(task("query")
            .set("operation.queryConditions", "=[{field: \"short_description\", operator: \"STARTSWITH\", value: \"" + m + "\"}]")
            .set("operation.queryOrderBy", "-short_description")
            .set("operation.queryLimit", "2")
            .set("operation.queryOffset", "=2")));
    assertThat(list(second.get("records"))).extracting(r -> r.get("short_description")).containsExactly(m + " 0");
    assertThat(second).containsEntry("hasMore", false).containsEntry("nextOffset", null);
  }

  @Test
  void queryAllCombinesConditionsWithTheRawEncodedQueryAndReadsEveryPage() {
    String m = marker();
    for (int i = 0; i < 7; i++) {
      emulator().records().insert("incident", Map.of("short_description", m + " " + i, "urgency", i % 2 == 0 ? "1" : "3"));
    }

    Map<String, Object> result =
        result(run(task("queryAll")
            .set("operation.queryAllConditions", "=[{field: \"short_description\", operator: \"LIKE\", value: \"" + m + "\"}]")
            .set("operation.queryAllEncodedQuery", "urgency=1")
            .set("operation.queryAllMaxRecords", "10")));

    assertThat(result).containsEntry("count", 4).containsEntry("totalCount", 4L);
    assertThat(list(result.get("records"))).allSatisfy(r -> assertThat(r).containsEntry("urgency", "1"));
    assertThat(lastQuery()).contains("sysparm_query=urgency=1^short_descriptionLIKE" + m + "^ORDERBYsys_id");
  }

  @Test
  void queryAllFailsInsteadOfExceedingMaxRecords() {
    String m = marker();
    for (int i = 0; i < 4; i++) {
      insertIncident(m + " " + i);
    }

    JobOutcome outcome =
        run(task("queryAll")
            .set("operation.queryAllConditions", "=[{field: \"short_description\", operator: \"LIKE\", value: \"" + m + "\"}]")
            .set("operation.queryAllMaxRecords", "3")
            .set("errorExpression", "=if error.code = \"SERVICENOW_RESULT_TOO_LARGE\" then bpmnError(\"TOO_MANY\", error.message) else null"));

    assertThat(outcome.asBpmnError().errorCode()).isEqualTo("TOO_MANY");
    assertThat(outcome.asBpmnError().errorMessage()).contains("more than 3 records");
  }

  @Test
  void everyOperatorKindIsEncodedAndFiltersAsServiceNowWould() {
    String m = marker();
    String a = emulator().records().insert("incident", Map.of("short_description", m + " a", "urgency", "1", "impact", "1")).get("sys_id");
    emulator().records().insert("incident", Map.of("short_description", m + " b", "urgency", "2", "impact", "3", "description", "x"));
    String c = emulator().records().insert("incident", Map.of("short_description", m + " c", "urgency", "3", "impact", "2")).get("sys_id");

    Map<String, Object> result =
        result(run(task("query")
            .set("operation.queryConditions",
                "=[{field: \"short_description\", operator: \"starts with\", value: \"" + m + "\"},"
                    + " {field: \"urgency\", operator: \"NOT IN\", value: [2]},"
                    + " {field: \"impact\", operator: \"BETWEEN\", value: [1, 2]},"
                    + " {field: \"description\", operator: \"is empty\"},"
                    + " {field: \"short_description\", operator: \"!=\", value: \"nothing\"}]")
            .set("operation.queryOrderBy", "number")
            .set("options.fields", "sys_id")));

    assertThat(list(result.get("records"))).extracting(r -> r.get("sys_id")).containsExactly(a, c);
    assertThat(lastQuery())
        .contains("sysparm_query=short_descriptionSTARTSWITH" + m + "^urgencyNOT IN2^impactBETWEEN1@2^descriptionISEMPTY"
            + "^short_description!=nothing^ORDERBYnumber");
  }

  @Test
  void anyOfGroupsAreOredAndAndedWithTheRest() {
    String m = marker();
    String a = emulator().records().insert("incident", Map.of("short_description", m + " a", "urgency", "1", "impact", "2")).get("sys_id");
    emulator().records().insert("incident", Map.of("short_description", m + " b", "urgency", "2", "impact", "2"));
    String c = emulator().records().insert("incident", Map.of("short_description", m + " c", "urgency", "3", "impact", "3")).get("sys_id");
    emulator().records().insert("incident", Map.of("short_description", "other", "urgency", "1", "impact", "3"));

    Map<String, Object> result =
        result(run(task("query")
            .set("operation.queryConditions",
                "=[{field: \"short_description\", operator: \"STARTSWITH\", value: prefix},"
                    + " {anyOf: [{field: \"urgency\", value: \"1\"}, {field: \"impact\", value: \"3\"}]}]")
            .processVariable("prefix", m)
            .set("operation.queryOrderBy", "number")
            .set("options.fields", "sys_id")));

    assertThat(list(result.get("records"))).extracting(r -> r.get("sys_id")).containsExactly(a, c);
    assertThat(lastQuery()).contains("sysparm_query=short_descriptionSTARTSWITH" + m + "^urgency=1^ORimpact=3^ORDERBYnumber");
  }

  @Test
  void updatePatchesOnlyTheGivenFields() {
    String sysId = emulator().records().insert("incident", Map.of("short_description", "before", "urgency", "3")).get("sys_id");

    Map<String, Object> result =
        result(run(task("update")
            .set("operation.updateSysId", sysId)
            .set("operation.updateFields", "={urgency: \"1\"}")));

    assertThat(result).containsEntry("sysId", sysId);
    assertThat(map(result.get("record"))).containsEntry("urgency", "1").containsEntry("short_description", "before");
    assertThat(emulator().journal().last().method()).isEqualTo("PATCH");
    assertThat(emulator().records().get("incident", sysId).orElseThrow()).containsEntry("urgency", "1");
  }

  @Test
  void replaceSendsAPut() {
    String sysId = insertIncident("before");

    Map<String, Object> result =
        result(run(task("replace")
            .set("operation.replaceSysId", sysId)
            .set("operation.replaceFields", "={short_description: \"after\", urgency: \"2\"}")));

    assertThat(map(result.get("record"))).containsEntry("short_description", "after").containsEntry("urgency", "2");
    RecordedRequest request = emulator().journal().last();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/api/now/table/incident/" + sysId);
  }

  @Test
  void deleteRemovesTheRecord() {
    String sysId = insertIncident("to delete");

    Map<String, Object> result = result(run(task("delete").set("operation.deleteSysId", sysId)));

    assertThat(result).isEqualTo(Map.of("sysId", sysId, "deleted", true));
    assertThat(emulator().records().get("incident", sysId)).isEmpty();
    assertThat(emulator().journal().last().method()).isEqualTo("DELETE");
  }

  @Test
  void upsertCreatesWhenNothingMatchesThenUpdatesTheSingleMatch() {
    String key = marker();
    var created =
        result(run(task("upsert")
            .set("operation.upsertKeyConditions", "=[{field: \"correlation_id\", value: key}]")
            .set("operation.upsertFields", "={correlation_id: key, short_description: \"first\"}")
            .processVariable("key", key)));
    assertThat(created).containsEntry("action", "created");
    String sysId = (String) created.get("sysId");

    var updated =
        result(run(task("upsert")
            .set("operation.upsertKeyConditions", "=[{field: \"correlation_id\", operator: \"=\", value: key}]")
            .set("operation.upsertFields", "={correlation_id: key, short_description: \"second\"}")
            .processVariable("key", key)));

    assertThat(updated).containsEntry("action", "updated").containsEntry("sysId", sysId);
    assertThat(emulator().records().find("incident", "correlation_id=" + key))
        .singleElement()
        .satisfies(row -> assertThat(row).containsEntry("short_description", "second"));
    assertThat(emulator().journal().all()).extracting(RecordedRequest::method).containsExactly("GET", "POST", "GET", "PATCH");
  }

  @Test
  void upsertWithSeveralMatchesFailsWithTheMatchingSysIds() {
    String key = marker();
    String a = emulator().records().insert("incident", Map.of("correlation_id", key)).get("sys_id");
    String b = emulator().records().insert("incident", Map.of("correlation_id", key)).get("sys_id");

    JobOutcome outcome =
        run(task("upsert")
            .set("operation.upsertKeyConditions", "=[{field: \"correlation_id\", value: \"" + key + "\"}]")
            .set("operation.upsertFields", "={short_description: \"x\"}")
            .set("errorExpression", "=if is defined(error) then bpmnError(error.code, error.message, error.variables) else null"));

    JobOutcome.BpmnError error = outcome.asBpmnError();
    assertThat(error.errorCode()).isEqualTo("SERVICENOW_UPSERT_AMBIGUOUS");
    assertThat(error.errorMessage()).contains(a).contains(b);
    assertThat(error.variables()).containsEntry("matchCount", 2);
    assertThat((List<?>) error.variables().get("sysIds")).map(Object::toString).containsExactlyInAnyOrder(a, b);
    assertThat(emulator().journal().all()).extracting(RecordedRequest::method).containsExactly("GET");
  }

  @Test
  void customTableNameIsUsed() {
    Map<String, Object> result =
        result(run(task("query")
            .set("table", "custom")
            .set("customTable", "sys_user")
            .set("operation.queryConditions", "=[{field: \"user_name\", value: \"" + USER + "\"}]")));

    assertThat(list(result.get("records"))).singleElement().satisfies(r -> assertThat(r).containsEntry("user_name", USER));
    assertThat(emulator().journal().last().path()).isEqualTo("/api/now/table/sys_user");
  }
}
