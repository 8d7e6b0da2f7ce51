package com.acme.servicenow.connector.incident;

import static com.acme.servicenow.connector.incident.IncidentFixture.PASSWORD;
import static com.acme.servicenow.connector.incident.IncidentFixture.harness;
import static com.acme.servicenow.connector.incident.IncidentFixture.job;
import static com.acme.servicenow.connector.incident.IncidentFixture.record;
import static com.acme.servicenow.connector.incident.IncidentFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CreateIncidentTest {

  @RegisterExtension static ServiceNowEmulatorExtension ext = IncidentFixture.emulator();

  private static Map<String, Object> createInputs(String shortDescription) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("shortDescription", shortDescription);
    inputs.put("description", "Nightly export to the data warehouse failed");
    inputs.put("caller", "abel.tuter");
    inputs.put("category", "software");
    inputs.put("impact", "HIGH");
    inputs.put("urgency", "MEDIUM");
    inputs.put("assignmentGroup", "Database");
    inputs.put("assignedTo", "Don Goodliffe");
    inputs.put("configurationItem", "SAP-PROD-01");
    inputs.put("additionalFields", Map.of("contact_type", "email", "correlation_display", "Nightly ETL"));
    return inputs;
  }

  @Test
  void createsWithFriendlyInputsAndReturnsTheResultShape() {
    ServiceNowEmulator sn = ext.emulator();
    JobRequest job =
        job(sn, "create", createInputs("Export failed")).processInstanceKey(1001L).elementInstanceKey(2001L).build();

    Map<String, Object> incident = result(harness().run(job));

    assertThat(incident)
        .containsEntry("created", true)
        .containsEntry("correlationId", "camunda:1001:2001")
        .containsEntry("state", "1")
        .containsEntry("stateLabel", "New")
        .containsEntry("priority", "2"); // impact High x urgency Medium = 2 High (A6)
    String sysId = (String) incident.get("sysId");
    assertThat((String) incident.get("number")).startsWith("INC");
    assertThat(incident.get("link")).isEqualTo(sn.baseUrl() + "/nav_to.do?uri=incident.do%3Fsys_id%3D" + sysId);

    Map<String, String> stored = sn.records().get("incident", sysId).orElseThrow();
    assertThat(stored)
        .containsEntry("short_description", "Export failed")
        .containsEntry("impact", "1")
        .containsEntry("urgency", "2")
        .containsEntry("category", "software")
        .containsEntry("contact_type", "email")
        .containsEntry("correlation_id", "camunda:1001:2001")
        .containsEntry("correlation_display", "Nightly ETL");
    // names were looked up to sys_ids
    assertThat(stored.get("caller_id")).isEqualTo(idOf(sn, "sys_user", "user_name=abel.tuter"));
    assertThat(stored.get("assigned_to")).isEqualTo(idOf(sn, "sys_user", "name=Don Goodliffe"));
    assertThat(stored.get("assignment_group")).isEqualTo(idOf(sn, "sys_user_group", "name=Database"));
    assertThat(stored.get("cmdb_ci")).isEqualTo(idOf(sn, "cmdb_ci", "name=SAP-PROD-01"));
    assertThat(record(incident)).containsEntry("caller_id", stored.get("caller_id"));
    @SuppressWarnings("unchecked")
    Map<String, Object> display = (Map<String, Object>) incident.get("displayValues");
    assertThat(display).containsEntry("assignment_group", "Database").containsEntry("priority", "2 - High");
    assertThat(incident.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void theSameJobTwiceCreatesOneIncident() {
    ServiceNowEmulator sn = ext.emulator();
    JobRequest job =
        job(sn, "create", Map.of("shortDescription", "Disk full on db-01"))
            .processInstanceKey(1002L)
            .elementInstanceKey(2002L)
            .build();

    Map<String, Object> first = result(harness().run(job));
    sn.journal().clear();
    Map<String, Object> second = result(harness().run(job));

    assertThat(first).containsEntry("created", true);
    assertThat(second).containsEntry("created", false).containsEntry("sysId", first.get("sysId"));
    assertThat(sn.records().find("incident", "correlation_id=camunda:1002:2002")).hasSize(1);
    assertThat(sn.journal().count("POST", "/api/now/table/incident")).isZero();
  }

  @Test
  void anotherRunOfTheTaskCreatesAnotherIncidentUnlessScopedToTheProcessInstance() {
    ServiceNowEmulator sn = ext.emulator();
    harness().run(job(sn, "create", Map.of("shortDescription", "a")).processInstanceKey(1003L).elementInstanceKey(1L).build());
    harness().run(job(sn, "create", Map.of("shortDescription", "b")).processInstanceKey(1003L).elementInstanceKey(2L).build());
    assertThat(sn.records().find("incident", "correlation_idSTARTSWITHcamunda:1003:")).hasSize(2);

    Map<String, Object> scoped = Map.of("shortDescription", "c", "correlationScope", "PROCESS_INSTANCE");
    Map<String, Object> c1 = result(harness().run(job(sn, "create", scoped).processInstanceKey(1004L).elementInstanceKey(1L).build()));
    Map<String, Object> c2 = result(harness().run(job(sn, "create", scoped).processInstanceKey(1004L).elementInstanceKey(2L).build()));
    assertThat(c1).containsEntry("created", true).containsEntry("correlationId", "camunda:1004");
    assertThat(c2).containsEntry("created", false).containsEntry("sysId", c1.get("sysId"));
  }

  @Test
  void explicitCorrelationIdAndPrefix() {
    ServiceNowEmulator sn = ext.emulator();
    Map<String, Object> a = result(harness().run(job(sn, "create",
        Map.of("shortDescription", "order", "correlationId", "ORDER-4711")).build()));
    Map<String, Object> b = result(harness().run(job(sn, "create",
        Map.of("shortDescription", "order again", "correlationId", "ORDER-4711")).processInstanceKey(99L).build()));
    assertThat(a).containsEntry("created", true).containsEntry("correlationId", "ORDER-4711");
    assertThat(b).containsEntry("created", false).containsEntry("sysId", a.get("sysId"));

    Map<String, Object> prefixed = result(harness().run(job(sn, "create",
        Map.of("shortDescription", "p", "correlationPrefix", "camunda-prod")).processInstanceKey(5L).elementInstanceKey(6L).build()));
    assertThat(prefixed).containsEntry("correlationId", "camunda-prod:5:6");
  }

  @Test
  void scopeNoneAlwaysCreatesAndDoesNotLookUp() {
    ServiceNowEmulator sn = ext.emulator();
    Map<String, Object> inputs = Map.of("shortDescription", "no idempotency", "correlationScope", "NONE");
    JobRequest job = job(sn, "create", inputs).processInstanceKey(1005L).elementInstanceKey(1L).build();
    Map<String, Object> first = result(harness().run(job));
    Map<String, Object> second = result(harness().run(job));
    assertThat(first.get("sysId")).isNotEqualTo(second.get("sysId"));
    assertThat(first).doesNotContainKey("correlationId");
    assertThat(sn.journal().count("GET", "/api/now/table/incident")).isZero();
  }

  @Test
  void lostAnswerAfterTheIncidentWasStoredReturnsTheStoredIncident() {
    ServiceNowEmulator sn = ext.emulator();
    // ServiceNow stores the incident, then the answer is cut off: the client does not repeat the POST
    sn.faults().add(FaultRule.on("POST", "/api/now/table/incident").times(1).truncatedBody());
    JobRequest job = job(sn, "create", Map.of("shortDescription", "cut off")).processInstanceKey(1006L).elementInstanceKey(1L).build();

    Map<String, Object> incident = result(harness().run(job));

    assertThat(incident).containsEntry("created", true).containsEntry("correlationId", "camunda:1006:1");
    assertThat(sn.records().find("incident", "correlation_id=camunda:1006:1")).hasSize(1);
    assertThat(sn.journal().count("POST", "/api/now/table/incident")).isEqualTo(1);
  }

  @Test
  void serverErrorBeforeStoringFailsRetryablyAndTheRetryCreatesOnce() {
    ServiceNowEmulator sn = ext.emulator();
    sn.faults().add(FaultRule.on("POST", "/api/now/table/incident").times(1).serverError(503));
    JobRequest job = job(sn, "create", Map.of("shortDescription", "503")).processInstanceKey(1007L).elementInstanceKey(1L).retries(3).build();

    JobOutcome.Failed failed = harness().run(job).asFailed();
    assertThat(failed.retries()).isEqualTo(2);
    assertThat(failed.errorMessage()).contains("retrying is safe");
    assertThat(sn.records().find("incident", "correlation_id=camunda:1007:1")).isEmpty();

    Map<String, Object> incident = result(harness().run(job));
    assertThat(incident).containsEntry("created", true);
    assertThat(sn.records().find("incident", "correlation_id=camunda:1007:1")).hasSize(1);
  }

  @Test
  void timeoutWhileServiceNowIsStillWritingIsRetriedSafely() throws Exception {
    ServiceNowEmulator sn = ext.emulator();
    // the answer comes after the read timeout; the incident is stored only then
    sn.faults().add(FaultRule.on("POST", "/api/now/table/incident").times(1).delay(java.time.Duration.ofMillis(2500)));
    JobRequest job =
        job(sn, "create", Map.of("shortDescription", "slow instance"))
            .variable("connection", Map.of("instance", sn.baseUrl(), "readTimeoutSeconds", 1))
            .processInstanceKey(1008L)
            .elementInstanceKey(1L)
            .retries(3)
            .build();

    JobOutcome.Failed failed = harness().run(job).asFailed();
    assertThat(failed.retries()).isEqualTo(2);
    assertThat(failed.errorMessage()).contains("read timeout").contains("retrying is safe");

    // the engine retries after the back-off; by then ServiceNow has finished the first POST
    for (int i = 0; i < 50 && sn.records().find("incident", "correlation_id=camunda:1008:1").isEmpty(); i++) {
      Thread.sleep(100);
    }
    Map<String, Object> incident = result(harness().run(job));
    assertThat(incident).containsEntry("created", false);
    assertThat(sn.records().find("incident", "correlation_id=camunda:1008:1")).hasSize(1);
    assertThat(sn.journal().count("POST", "/api/now/table/incident")).isEqualTo(1);
  }

  @Test
  void unknownNameFailsWithItsOwnCodeAndCreatesNothing() {
    ServiceNowEmulator sn = ext.emulator();
    int before = sn.records().count("incident");
    JobOutcome outcome =
        harness()
            .run(
                job(sn, "create", Map.of("shortDescription", "x", "assignmentGroup", "No Such Group"))
                    .errorExpression("=bpmnError(error.code, error.message)")
                    .build());
    JobOutcome.BpmnError error = outcome.asBpmnError();
    assertThat(error.errorCode()).isEqualTo("INCIDENT_REFERENCE_NOT_FOUND");
    assertThat(error.errorMessage()).contains("No Such Group").contains("sys_user_group");
    assertThat(sn.records().count("incident")).isEqualTo(before);
  }

  @Test
  void badInputFailsWithoutAnyRequest() {
    ServiceNowEmulator sn = ext.emulator();
    for (Map<String, Object> inputs :
        java.util.List.<Map<String, Object>>of(
            Map.of("shortDescription", ""),
            Map.of("shortDescription", "x", "impact", "EXTREME"),
            Map.of("shortDescription", "x", "additionalFields", Map.of("Bad Field", "1")),
            Map.of("shortDescription", "x", "caller", "abel^NQactive=true"),
            Map.of("shortDescription", "x", "correlationId", "a^ORnumber!=x"),
            Map.of("shortDescription", "x".repeat(161)))) {
      sn.journal().clear();
      JobOutcome.Failed failed = harness().run(job(sn, "create", inputs).build()).asFailed();
      assertThat(failed.retries()).as("%s", inputs).isZero();
      assertThat(sn.journal().all()).as("%s", inputs).isEmpty();
    }
  }

  @Test
  void wrongCredentialsFailWithoutLeakingThem() {
    ServiceNowEmulator sn = ext.emulator();
    String wrong = "Wr0ng-Passw0rd-123";
    JobOutcome outcome =
        com.acme.servicenow.harness.ConnectorRuntimeHarness.forFunction(IncidentFixture.function())
            .secret("SN_USER", IncidentFixture.USER)
            .secret("SN_PASSWORD", wrong)
            .build()
            .run(job(sn, "get", Map.of("incident", "INC0000001")).build());
    JobOutcome.Failed failed = outcome.asFailed();
    assertThat(failed.errorMessage()).contains("401").doesNotContain(wrong);
    assertThat(failed.variables().toString()).doesNotContain(wrong).doesNotContain(PASSWORD);
  }

  private static String idOf(ServiceNowEmulator sn, String table, String query) {
    return sn.records().find(table, query).get(0).get("sys_id");
  }
}
