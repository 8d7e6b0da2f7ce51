package com.acme.servicenow.connector.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.JobOutcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input fails the job at once (retries 0) and never reaches ServiceNow — for every operation. */
class BadInputTest {

  @RegisterExtension static ServiceNowEmulatorExtension ext = IncidentFixture.emulator();

  static Stream<Arguments> badInputs() {
    String inc = IncidentFixture.SEED_INCIDENT_3;
    return Stream.of(
        Arguments.of("create", Map.of("shortDescription", " "), "shortDescription"),
        Arguments.of("createFromError", Map.of("operateUrl", "ftp://operate"), "operateUrl"),
        Arguments.of("createFromError", Map.of("correlationPrefix", "camunda prod"), "correlationPrefix"),
        Arguments.of("get", Map.of("incident", "INC0000001; DROP"), "incident"),
        Arguments.of("get", Map.of(), "incident"),
        Arguments.of("find", Map.of("limit", 0), "limit"),
        Arguments.of("find", Map.of("conditions", List.of(Map.of("field", "caller_id.name", "operator", "like", "value", "javascript:gs.getUser()"))), "javascript"),
        Arguments.of("find", Map.of("conditions", List.of(Map.of("field", "priority", "operator", "sounds like", "value", 1))), "operator"),
        Arguments.of("update", Map.of("incident", inc, "state", "SOLVED"), "state"),
        Arguments.of("addComment", Map.of("incident", inc, "comment", ""), "comment"),
        Arguments.of("addWorkNote", Map.of("incident", inc), "workNote"),
        Arguments.of("assign", Map.of("incident", inc, "assignedTo", "abel\nNQactive=true"), "assignedTo"),
        Arguments.of("hold", Map.of("incident", inc, "holdReason", "AWAITING_GODOT"), "hold reason"),
        Arguments.of("resume", Map.of("incident", "not a number!"), "incident"),
        Arguments.of("resolve", Map.of("incident", inc, "closeNotes", "n"), "closeCode"),
        Arguments.of("close", Map.of(), "incident"),
        Arguments.of("reopen", Map.of("incident", ""), "incident"),
        Arguments.of("cancel", Map.of("incident", "x".repeat(41)), "incident"),
        Arguments.of("delete", Map.of("incident", inc), "operation"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badInputs")
  void failsAtOnceWithoutARequest(String operation, Map<String, Object> inputs, String mentioned) {
    ServiceNowEmulator sn = ext.emulator();
    JobOutcome.Failed failed = IncidentFixture.run(sn, operation, inputs).asFailed();
    assertThat(failed.retries()).isZero();
    assertThat(failed.errorMessage()).containsIgnoringCase(mentioned).doesNotContain(IncidentFixture.PASSWORD);
    assertThat(sn.journal().all()).isEmpty();
  }
}
