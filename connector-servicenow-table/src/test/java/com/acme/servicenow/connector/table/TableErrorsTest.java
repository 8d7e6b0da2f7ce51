package com.acme.servicenow.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors as the engine sees them: BPMN errors from error expressions, retries with backoff, incidents. */
class TableErrorsTest extends TableConnectorTestSupport {

  private static final String MISSING = "0123456789abcdef0123456789abcdef";
  private static final String NOT_FOUND_RULE =
      "=if is defined(error) and error.code = \"SERVICENOW_NOT_FOUND\" then bpmnError(\"NOT_FOUND\", error.message,"
          + " {status: error.variables.httpStatus, snMessage: error.variables.serviceNowMessage}) else null";

  @Test
  void errorExpressionRaisesABpmnErrorOnA404FromServiceNow() {
    JobOutcome outcome =
        run(task("update")
            .set("operation.updateSysId", MISSING)
            .set("operation.updateFields", "={urgency: \"1\"}")
            .set("errorExpression", NOT_FOUND_RULE));

    JobOutcome.BpmnError error = outcome.asBpmnError();
    assertThat(error.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(error.variables()).containsEntry("status", 404).containsEntry("snMessage", "No Record found");
    assertThat(emulator().journal().last().status()).isEqualTo(404);
  }

  @Test
  void aMissingRecordOnGetIsTheSame404Error() {
    JobOutcome outcome = run(task("get").set("operation.getSysId", MISSING).set("errorExpression", NOT_FOUND_RULE));

    assertThat(outcome.asBpmnError().errorCode()).isEqualTo("NOT_FOUND");
    assertThat(outcome.asBpmnError().variables()).containsEntry("status", 404);
  }

  @Test
  void withoutAnErrorExpressionAServiceNowErrorUsesUpOneRetryAndCarriesTheCode() {
    JobOutcome.Failed failed = run(task("delete").set("operation.deleteSysId", MISSING)).asFailed();

    assertThat(failed.retries()).isEqualTo(2);
    Map<String, Object> error = map(failed.variables().get("error"));
    assertThat(error).containsEntry("code", "SERVICENOW_NOT_FOUND");
    assertThat(map(error.get("variables"))).containsEntry("httpStatus", 404);
  }

  @Test
  void rateLimitBecomesARetryWithTheServersBackoff() {
    emulator().faults().add(FaultRule.on("GET", "/api/now/table/incident").rateLimited(Duration.ofSeconds(37)));

    JobOutcome.Failed failed =
        run(task("query").set("operation.queryConditions", "=[{field: \"active\", value: true}]")).asFailed();

    assertThat(failed.retryBackoff()).isEqualTo(Duration.ofSeconds(37));
    assertThat(failed.retries()).isEqualTo(2);
    assertThat(map(failed.variables().get("error"))).containsEntry("code", "SERVICENOW_RATE_LIMITED");
    assertThat(emulator().journal().all()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(429));
  }

  @Test
  void secretsAreReplacedBeforeBindingAndNeverShowUpInResultsOrErrors() {
    String sysId = insertIncident("secret test");
    JobOutcome ok = run(task("get").set("operation.getSysId", sysId));
    assertThat(emulator().journal().last().user()).isEqualTo(USER);
    assertThat(ok.asCompleted().variables().toString()).doesNotContain(PASSWORD);

    // a wrong password (another secret) is rejected with 401; neither password appears in the failure
    var wrong =
        RUNTIME.run(
            task("get")
                .set("operation.getSysId", sysId)
                .set("authentication.basicPassword", "{{secrets.SN_PASSWORD}}-wrong")
                .toJobRequest());
    JobOutcome.Failed failed = wrong.asFailed();
    assertThat(map(failed.variables().get("error"))).containsEntry("code", "SERVICENOW_UNAUTHORIZED");
    assertThat(failed.errorMessage() + failed.variables()).doesNotContain(PASSWORD);
  }

  @Test
  void anUnknownSecretIsAnIncidentAtOnce() {
    JobOutcome.Failed failed =
        run(task("get")
            .set("operation.getSysId", MISSING)
            .set("authentication.basicPassword", "{{secrets.NOPE}}"))
            .asFailed();
    assertThat(failed.retries()).isZero();
    assertThat(emulator().journal().all()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"x^ORactive=true", "x^NQactive=true", "javascript:gs.getUserID()", "line\nbreak"})
  void hostileConditionValuesFailWithoutRetriesAndSendNothing(String hostile) {
    JobOutcome.Failed failed =
        run(task("query")
            .set("operation.queryConditions", "=[{field: \"short_description\", operator: \"=\", value: v}]")
            .processVariable("v", hostile))
            .asFailed();

    assertThat(failed.retries()).isZero();
    assertThat(failed.errorMessage()).contains("operation.conditions[0].value");
    assertThat(emulator().journal().all()).isEmpty();
  }

  @Test
  void hostileTableNameFailsWithoutRetriesAndSendsNothing() {
    JobOutcome.Failed failed =
        run(task("query").set("table", "custom").set("customTable", "=t").processVariable("t", "incident?x=1")).asFailed();

    assertThat(failed.retries()).isZero();
    assertThat(failed.errorMessage()).contains("customTable");
    assertThat(emulator().journal().all()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../sys_user/0123456789abcdef0123456789abcdef", "0123456789abcdef/0123456789abcdef", "INC0010001", ""})
  void hostileOrWrongSysIdsFailWithoutRetriesAndSendNothing(String sysId) {
    for (String operation : new String[] {"get", "delete"}) {
      JobOutcome.Failed failed =
          run(task(operation).set("operation." + operation + "SysId", "=id").processVariable("id", sysId)).asFailed();
      assertThat(failed.retries()).as(operation).isZero();
      assertThat(failed.errorMessage()).as(operation).contains("sysId");
    }
    assertThat(emulator().journal().all()).isEmpty();
  }

  @Test
  void hostileFieldNamesInConditionsOrderAndRecordFieldsFailWithoutRetries() {
    var cases =
        Map.of(
            "condition field", task("query").set("operation.queryConditions", "=[{field: \"active=true^ORpriority\", value: 1}]"),
            "order by", task("query").set("operation.queryOrderBy", "number^NQactive=true"),
            "record field", task("create").set("operation.createFields", "={\"short_description^x\": \"a\"}"),
            "returned fields", task("get").set("operation.getSysId", MISSING).set("options.fields", "number,sys_id&sysparm_x=1"),
            "operator", task("query").set("operation.queryConditions", "=[{field: \"active\", operator: \"=true^OR\", value: 1}]"),
            "value inside anyOf", task("count").set("operation.countConditions",
                "=[{anyOf: [{field: \"active\", value: true}, {field: \"number\", value: \"x^NQsys_id!=0\"}]}]"),
            "anyOf in upsert keys", task("upsert").set("operation.upsertFields", "={a: \"b\"}").set("operation.upsertKeyConditions",
                "=[{anyOf: [{field: \"number\", value: \"INC1\"}]}]"));
    cases.forEach(
        (what, invocation) -> {
          JobOutcome.Failed failed = run(invocation).asFailed();
          assertThat(failed.retries()).as(what).isZero();
        });
    assertThat(emulator().journal().all()).isEmpty();
  }

  @Test
  void upsertWithoutKeyConditionsIsRejected() {
    JobOutcome.Failed failed =
        run(task("upsert").set("operation.upsertKeyConditions", "=[]").set("operation.upsertFields", "={a: \"b\"}"))
            .asFailed();
    assertThat(failed.retries()).isZero();
    assertThat(failed.errorMessage()).contains("keyConditions");
    assertThat(emulator().journal().all()).isEmpty();
  }

  @Test
  void aJobWithoutAnOperationIsAnIncidentAtOnce() {
    JobOutcome.Failed failed =
        RUNTIME.run(
                JobRequest.builder()
                    .type(ServiceNowTableFunction.TYPE)
                    .variable("connection", Map.of("instance", SN.baseUrl()))
                    .variable("authentication", Map.of("type", "basic", "username", USER, "password", PASSWORD))
                    .variable("table", "incident")
                    .build())
            .asFailed();
    assertThat(failed.retries()).isZero();
    assertThat(failed.errorMessage()).contains("operation").doesNotContain(PASSWORD);
    assertThat(emulator().journal().all()).isEmpty();
  }
}
