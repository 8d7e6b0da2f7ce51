package com.acme.servicenow.connector.incident;

import static com.acme.servicenow.connector.incident.IncidentFixture.SEED_INCIDENT_2;
import static com.acme.servicenow.connector.incident.IncidentFixture.SEED_INCIDENT_3;
import static com.acme.servicenow.connector.incident.IncidentFixture.harness;
import static com.acme.servicenow.connector.incident.IncidentFixture.incidentByNumber;
import static com.acme.servicenow.connector.incident.IncidentFixture.job;
import static com.acme.servicenow.connector.incident.IncidentFixture.record;
import static com.acme.servicenow.connector.incident.IncidentFixture.result;
import static com.acme.servicenow.connector.incident.IncidentFixture.run;
import static com.acme.servicenow.connector.incident.IncidentFixture.writes;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.JobOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LifecycleTest {

  @RegisterExtension static ServiceNowEmulatorExtension ext = IncidentFixture.emulator();

  private ServiceNowEmulator sn;

  @BeforeEach
  void freshSeed() {
    sn = ext.emulator();
    sn.reset();
  }

  @Test
  void resolveByNumberWithAValidCloseCode() {
    Map<String, Object> incident =
        result(run(sn, "resolve", Map.of("incident", SEED_INCIDENT_3, "closeCode", "Solution provided",
            "closeNotes", "Replaced the access point", "comment", "Should work again")));
    assertThat(incident).containsEntry("number", SEED_INCIDENT_3).containsEntry("state", "6")
        .containsEntry("stateLabel", "Resolved");
    Map<String, String> stored = incidentByNumber(sn, SEED_INCIDENT_3);
    assertThat(stored).containsEntry("state", "6").containsEntry("close_code", "Solution provided")
        .containsEntry("close_notes", "Replaced the access point");
    assertThat(sn.records().journal("incident", stored.get("sys_id"), "comments")).contains("Should work again");
    // the code was checked against the instance's own choices first
    assertThat(sn.journal().count("GET", "/api/now/table/sys_choice")).isEqualTo(1);
  }

  @Test
  void closeCodeMatchesTheInstancesChoiceCaseInsensitively() {
    result(run(sn, "resolve", Map.of("incident", SEED_INCIDENT_3, "closeCode", "solution PROVIDED", "closeNotes", "n")));
    assertThat(incidentByNumber(sn, SEED_INCIDENT_3)).containsEntry("close_code", "Solution provided");
  }

  @Test
  void resolveWithAnInvalidCloseCodeNamesTheValidOnesAndWritesNothing() {
    Map<String, String> before = incidentByNumber(sn, SEED_INCIDENT_3);
    JobOutcome.Failed failed =
        run(sn, "resolve", Map.of("incident", SEED_INCIDENT_3, "closeCode", "Solved (Permanently)", "closeNotes", "n"))
            .asFailed();
    assertThat(failed.retries()).isZero();
    assertThat(failed.errorMessage())
        .contains("Solved (Permanently)")
        .contains("Solution provided", "Workaround provided", "Resolved by caller", "Duplicate");
    assertThat(writes(sn)).isEmpty();
    assertThat(sn.journal().count("*", "/api/now/table/incident")).isZero();
    assertThat(incidentByNumber(sn, SEED_INCIDENT_3)).isEqualTo(before);
  }

  @Test
  void closeCodesComeFromTheInstanceNotFromAList() {
    // an older release: its codes are valid there, the newer ones are not
    for (Map<String, String> row : sn.records().find("sys_choice", "name=incident^element=close_code")) {
      sn.records().update("sys_choice", row.get("sys_id"), Map.of("inactive", "true"));
    }
    sn.records().insert("sys_choice", Map.of("name", "incident", "element", "close_code",
        "value", "Solved (Permanently)", "label", "Solved (Permanently)", "inactive", "false", "language", "en"));

    result(run(sn, "resolve", Map.of("incident", SEED_INCIDENT_3, "closeCode", "Solved (Permanently)", "closeNotes", "n")));
    assertThat(incidentByNumber(sn, SEED_INCIDENT_3)).containsEntry("close_code", "Solved (Permanently)");

    JobOutcome.Failed failed =
        run(sn, "resolve", Map.of("incident", SEED_INCIDENT_2, "closeCode", "Solution provided", "closeNotes", "n"))
            .asFailed();
    assertThat(failed.errorMessage()).contains("valid codes are: Solved (Permanently)");
  }

  @Test
  void resolveWithoutNotesFailsAndLeavesTheIncidentUnchanged() {
    Map<String, String> before = incidentByNumber(sn, SEED_INCIDENT_3);
    for (Map<String, Object> inputs :
        List.<Map<String, Object>>of(
            Map.of("incident", SEED_INCIDENT_3, "closeCode", "Solution provided"),
            Map.of("incident", SEED_INCIDENT_3, "closeCode", "Solution provided", "closeNotes", "  "))) {
      JobOutcome.Failed failed = run(sn, "resolve", inputs).asFailed();
      assertThat(failed.retries()).isZero();
      assertThat(failed.errorMessage()).contains("closeNotes");
    }
    assertThat(sn.journal().all()).isEmpty();
    assertThat(incidentByNumber(sn, SEED_INCIDENT_3)).isEqualTo(before);
  }

  @Test
  void dataPolicyRejectionHasItsOwnCodeAndServiceNowsMessage() {
    // state Resolved without close fields, as a raw update: ServiceNow's data policy answers 403
    JobOutcome.BpmnError error =
        harness()
            .run(job(sn, "update", Map.of("incident", SEED_INCIDENT_3, "state", "RESOLVED"))
                .errorExpression("=bpmnError(error.code, error.message, {detail: error.variables.serviceNowDetail})")
                .build())
            .asBpmnError();
    assertThat(error.errorCode()).isEqualTo("SERVICENOW_DATA_POLICY");
    assertThat(error.errorMessage()).contains("Data Policy Exception").contains("Resolution code");
    assertThat(String.valueOf(error.variables().get("detail"))).contains("Resolution notes");
    assertThat(incidentByNumber(sn, SEED_INCIDENT_3)).containsEntry("state", "2");
  }

  @Test
  void workNoteIsVisibleInSysJournalFieldAndAsDisplayValue() {
    Map<String, Object> incident =
        result(run(sn, "addWorkNote", Map.of("incident", SEED_INCIDENT_2, "workNote", "Restarted the NAS head")));
    String sysId = (String) incident.get("sysId");

    // the row ServiceNow keeps for journal entries
    List<Map<String, String>> rows =
        sn.records().find("sys_journal_field", "element_id=" + sysId + "^element=work_notes");
    assertThat(rows).extracting(r -> r.get("value")).contains("Restarted the NAS head");
    assertThat(rows.get(0)).containsEntry("name", "incident");
    // the display value of the journal field, as returned by the connector
    assertThat((String) record(incident).get("work_notes")).contains("Restarted the NAS head").contains("Work notes");
    // customer-visible comments are untouched
    assertThat(sn.records().journal("incident", sysId, "comments")).isEmpty();

    // and get returns it through both routes
    Map<String, Object> read = result(run(sn, "get", Map.of("incident", sysId, "includeJournal", true)));
    assertThat((String) record(read).get("work_notes")).contains("Restarted the NAS head");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> journal = (List<Map<String, Object>>) read.get("journal");
    assertThat(journal).anySatisfy(e -> assertThat(e).containsEntry("element", "work_notes")
        .containsEntry("value", "Restarted the NAS head").containsEntry("createdBy", IncidentFixture.USER));
  }

  @Test
  void lostAnswerOfAJournalWriteIsNotAppendedTwice() {
    String sysId = incidentByNumber(sn, SEED_INCIDENT_3).get("sys_id");
    // applied by ServiceNow, answer cut off: the connector sees the change and succeeds
    sn.faults().add(com.acme.servicenow.emulator.FaultRule.on("PATCH", "/api/now/table/incident/").times(1).truncatedBody());
    Map<String, Object> resolved = result(run(sn, "resolve", Map.of("incident", SEED_INCIDENT_3,
        "closeCode", "Solution provided", "closeNotes", "Rebooted", "comment", "Fixed, please confirm")));
    assertThat(resolved).containsEntry("state", "6");
    assertThat(sn.records().journal("incident", sysId, "comments")).containsExactly("It started after the office move.",
        "Fixed, please confirm");
    assertThat(sn.journal().count("PATCH", "/api/now/table/incident/")).isEqualTo(1);

    // not applied (503 before ServiceNow wrote anything): a retryable failure, and the retry writes it once
    sn.faults().add(com.acme.servicenow.emulator.FaultRule.on("PATCH", "/api/now/table/incident/").times(1).serverError(503));
    JobOutcome.Failed failed =
        harness().run(job(sn, "addWorkNote", Map.of("incident", sysId, "workNote", "Checked the logs")).retries(3).build())
            .asFailed();
    assertThat(failed.retries()).isEqualTo(2);
    assertThat(failed.errorMessage()).contains("retrying is safe");
    assertThat(sn.records().journal("incident", sysId, "work_notes")).doesNotContain("Checked the logs");
    result(run(sn, "addWorkNote", Map.of("incident", sysId, "workNote", "Checked the logs")));
    assertThat(sn.records().journal("incident", sysId, "work_notes")).containsOnlyOnce("Checked the logs");
  }

  @Test
  void commentIsCustomerVisibleJournal() {
    Map<String, Object> incident =
        result(run(sn, "addComment", Map.of("incident", SEED_INCIDENT_2, "comment", "We are on it")));
    String sysId = (String) incident.get("sysId");
    assertThat(sn.records().journal("incident", sysId, "comments")).containsExactly("We are on it");
    assertThat(sn.records().journal("incident", sysId, "work_notes")).isEmpty();
    assertThat((String) record(incident).get("comments")).contains("We are on it");
  }

  @Test
  void holdNeedsACommentWhenAwaitingTheCallerThenResume() {
    JobOutcome.Failed failed =
        run(sn, "hold", Map.of("incident", SEED_INCIDENT_3, "holdReason", "AWAITING_CALLER")).asFailed();
    assertThat(failed.retries()).isZero();
    assertThat(failed.errorMessage()).contains("comment");
    assertThat(sn.journal().all()).isEmpty();

    Map<String, Object> held = result(run(sn, "hold", Map.of("incident", SEED_INCIDENT_3,
        "holdReason", "AWAITING_CALLER", "comment", "Which floor are you on?")));
    assertThat(held).containsEntry("state", "3").containsEntry("stateLabel", "On Hold");
    assertThat(record(held)).containsEntry("hold_reason", "1");

    Map<String, Object> vendor = result(run(sn, "hold", Map.of("incident", SEED_INCIDENT_3, "holdReason", "AWAITING_VENDOR")));
    assertThat(record(vendor)).containsEntry("hold_reason", "4");

    Map<String, Object> resumed = result(run(sn, "resume", Map.of("incident", SEED_INCIDENT_3, "workNote", "Vendor shipped")));
    assertThat(resumed).containsEntry("state", "2").containsEntry("stateLabel", "In Progress");
    assertThat(record(resumed)).containsEntry("hold_reason", "");
  }

  @Test
  void resolveCloseReopenAndCancel() {
    String sysId = incidentByNumber(sn, SEED_INCIDENT_2).get("sys_id");
    result(run(sn, "resolve", Map.of("incident", sysId, "closeCode", "Workaround provided", "closeNotes", "Failover")));
    Map<String, Object> reopened = result(run(sn, "reopen", Map.of("incident", sysId, "comment", "Broken again")));
    assertThat(reopened).containsEntry("state", "2");
    assertThat(record(reopened)).containsEntry("reopen_count", "1").containsEntry("active", "true");

    result(run(sn, "resolve", Map.of("incident", sysId, "closeCode", "Workaround provided", "closeNotes", "Failover")));
    Map<String, Object> closed = result(run(sn, "close", Map.of("incident", sysId)));
    assertThat(closed).containsEntry("state", "7").containsEntry("stateLabel", "Closed");
    assertThat(record(closed)).containsEntry("active", "false");

    Map<String, Object> canceled =
        result(run(sn, "cancel", Map.of("incident", SEED_INCIDENT_3, "workNote", "Raised by mistake")));
    assertThat(canceled).containsEntry("state", "8").containsEntry("stateLabel", "Canceled");
    assertThat(record(canceled)).containsEntry("active", "false");
  }

  @Test
  void closeWithoutCloseFieldsIsTheDataPolicysCall() {
    // INC0000003 was never resolved: no close code, no notes
    JobOutcome.Failed failed = run(sn, "close", Map.of("incident", SEED_INCIDENT_3)).asFailed();
    assertThat(failed.errorMessage()).contains("Data Policy Exception");
    assertThat(incidentByNumber(sn, SEED_INCIDENT_3)).containsEntry("state", "2");
  }

  @Test
  void assignByNameAndBySysId() {
    String networkId = sn.records().find("sys_user_group", "name=Network").get(0).get("sys_id");
    Map<String, Object> assigned =
        result(run(sn, "assign", Map.of("incident", SEED_INCIDENT_2, "assignmentGroup", networkId,
            "assignedTo", "david.loo", "workNote", "Network team takes it")));
    assertThat(record(assigned)).containsEntry("assignment_group", networkId);
    @SuppressWarnings("unchecked")
    Map<String, Object> display = (Map<String, Object>) assigned.get("displayValues");
    assertThat(display).containsEntry("assigned_to", "David Loo").containsEntry("assignment_group", "Network");

    result(run(sn, "assign", Map.of("incident", SEED_INCIDENT_2, "assignedTo", "fred.luddy@example.com")));
    assertThat(incidentByNumber(sn, SEED_INCIDENT_2).get("assigned_to"))
        .isEqualTo(sn.records().find("sys_user", "user_name=fred.luddy").get(0).get("sys_id"));

    JobOutcome.Failed nothing = run(sn, "assign", Map.of("incident", SEED_INCIDENT_2)).asFailed();
    assertThat(nothing.retries()).isZero();
  }

  @Test
  void ambiguousNameIsRejected() {
    sn.records().insert("sys_user", Map.of("user_name", "david.loo2", "name", "David Loo", "active", "true"));
    JobOutcome.BpmnError error =
        harness()
            .run(job(sn, "assign", Map.of("incident", SEED_INCIDENT_2, "assignedTo", "David Loo"))
                .errorExpression("=bpmnError(error.code, error.message)").build())
            .asBpmnError();
    assertThat(error.errorCode()).isEqualTo("INCIDENT_REFERENCE_AMBIGUOUS");
    assertThat(writes(sn)).isEmpty();

    // an inactive namesake does not count
    String second = sn.records().find("sys_user", "user_name=david.loo2").get(0).get("sys_id");
    sn.records().update("sys_user", second, Map.of("active", "false"));
    Map<String, Object> assigned =
        result(run(sn, "assign", Map.of("incident", SEED_INCIDENT_2, "assignedTo", "David Loo")));
    assertThat(record(assigned).get("assigned_to"))
        .isEqualTo(sn.records().find("sys_user", "user_name=david.loo").get(0).get("sys_id"));
  }

  @Test
  void updateWithStateImpactUrgencyByNameAndFields() {
    Map<String, Object> updated =
        result(run(sn, "update", Map.of("incident", SEED_INCIDENT_2, "impact", "LOW", "urgency", "LOW",
            "fields", Map.of("short_description", "Network storage slow"))));
    assertThat(record(updated)).containsEntry("impact", "3").containsEntry("urgency", "3")
        .containsEntry("short_description", "Network storage slow");
    assertThat(updated).containsEntry("priority", "5");

    Map<String, Object> inProgress = result(run(sn, "update", Map.of("incident", SEED_INCIDENT_2, "state", "IN_PROGRESS")));
    assertThat(inProgress).containsEntry("state", "2");

    sn.journal().clear();
    JobOutcome.Failed empty = run(sn, "update", Map.of("incident", SEED_INCIDENT_2)).asFailed();
    assertThat(empty.retries()).isZero();
    JobOutcome.Failed badField =
        run(sn, "update", Map.of("incident", SEED_INCIDENT_2, "fields", Map.of("state;drop", "1"))).asFailed();
    assertThat(badField.retries()).isZero();
    assertThat(sn.journal().all()).isEmpty();
  }

  @Test
  void getBySysIdAndByNumberAndNotFound() {
    String sysId = incidentByNumber(sn, SEED_INCIDENT_2).get("sys_id");
    Map<String, Object> bySysId = result(run(sn, "get", Map.of("incident", sysId)));
    Map<String, Object> byNumber = result(run(sn, "get", Map.of("incident", SEED_INCIDENT_2)));
    assertThat(bySysId.get("sysId")).isEqualTo(sysId).isEqualTo(byNumber.get("sysId"));
    assertThat(bySysId).containsEntry("number", SEED_INCIDENT_2).containsEntry("stateLabel", "New")
        .doesNotContainKey("journal").doesNotContainKey("created");

    for (String missing : List.of("INC9999999", "0123456789abcdef0123456789abcdef")) {
      JobOutcome.BpmnError error =
          harness().run(job(sn, "get", Map.of("incident", missing))
              .errorExpression("=if error.code = \"SERVICENOW_NOT_FOUND\" then bpmnError(\"NO_INCIDENT\", error.message) else null")
              .build()).asBpmnError();
      assertThat(error.errorCode()).isEqualTo("NO_INCIDENT");
    }
    JobOutcome.Failed bad = run(sn, "get", Map.of("incident", "INC 1^ORactive=true")).asFailed();
    assertThat(bad.retries()).isZero();
  }

  @Test
  void findByCorrelationIdAndConditions() {
    Map<String, Object> created = result(run(sn, "create", Map.of("shortDescription", "findme", "correlationId", "FIND-1")));
    @SuppressWarnings("unchecked")
    Map<String, Object> found = (Map<String, Object>) harness()
        .run(job(sn, "find", Map.of("correlationId", "FIND-1")).build()).asCompleted().variables().get("incident");
    assertThat(found).containsEntry("count", 1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> incidents = (List<Map<String, Object>>) found.get("incidents");
    assertThat(incidents.get(0)).containsEntry("sysId", created.get("sysId"));

    @SuppressWarnings("unchecked")
    Map<String, Object> highPriority = (Map<String, Object>) harness()
        .run(job(sn, "find", Map.of("conditions", List.of(Map.of("field", "priority", "operator", "<=", "value", 2)),
            "activeOnly", false, "limit", 50)).build())
        .asCompleted().variables().get("incident");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) highPriority.get("incidents");
    assertThat(list).isNotEmpty().allSatisfy(i -> assertThat(Integer.parseInt((String) i.get("priority"))).isLessThanOrEqualTo(2));
    assertThat(list).extracting(i -> i.get("number")).contains("INC0000005"); // resolved but not active-filtered

    sn.journal().clear();
    JobOutcome.Failed injection = harness().run(job(sn, "find",
        Map.of("conditions", List.of(Map.of("field", "short_description", "operator", "=", "value", "x^NQactive=true")))).build())
        .asFailed();
    assertThat(injection.retries()).isZero();
    assertThat(sn.journal().all()).isEmpty();
  }
}
