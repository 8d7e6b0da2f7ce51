package com.acme.servicenow.connector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.harness.JobOutcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IntegrationHub REST API triggers, and waiting for them through sys_flow_context. */
class RestTriggerTest extends FlowConnectorTestSupport {

  private static Map<String, Object> trigger(String method, String path, boolean wait, int timeoutSeconds) {
    return Map.of("type", "callRestTrigger", "method", method, "path", path, "waitForCompletion", wait,
        "waitTimeoutSeconds", timeoutSeconds);
  }

  @Test
  void callsTheTriggerThroughTheTemplateAndReturnsTheExecutionId() {
    JobOutcome outcome = run(invocation()
        .set("operation.type", "callRestTrigger")
        .set("operation.restTriggerPath", "/api/x_acme_it/notify")
        .set("operation.restTriggerHeaders", "={\"X-Request-Source\": \"camunda\"}")
        .set("operation.restTriggerQueryParameters", "={team: \"network ops\"}")
        .set("operation.restTriggerBody", "={correlationValue: camId, message: \"VPN down\"}")
        .processVariable("camId", "cam-7")
        .set("resultExpression", "={executionId: response.executionId}")
        .toJobRequest());

    Map<String, Object> variables = outcome.asCompleted().variables();
    String executionId = (String) variables.get("executionId");
    assertThat(executionId).matches("[A-Za-z]{32}");
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) variables.get("serviceNowFlow");
    assertThat(result).containsEntry("httpStatus", 200)
        .containsEntry("response", Map.of("result", Map.of("executionId", executionId)))
        .doesNotContainKeys("contextId", "state");

    RecordedRequest sent = emulator().journal().all().get(0);
    assertThat(emulator().journal().all()).hasSize(1);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/api/x_acme_it/notify");
    assertThat(sent.rawQuery()).isEqualTo("team=network%20ops");
    assertThat(sent.header("X-Request-Source")).isEqualTo("camunda");
    assertThat(sent.body()).contains("\"correlationValue\":\"cam-7\"");
    assertThat(emulator().records().find("sys_flow_context", "execution_id=" + executionId))
        .singleElement().satisfies(row -> assertThat(row.get("inputs")).contains("cam-7"));
  }

  @Test
  void waitsForCompletionThroughSysFlowContext() {
    JobOutcome outcome = run(invocation()
        .set("operation.type", "callRestTrigger")
        .set("operation.restTriggerPath", "/api/x_acme_it/notify")
        .set("operation.restTriggerBody", "={message: \"hello\"}")
        .set("operation.restTriggerWait", true)
        .toJobRequest());

    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) outcome.asCompleted().variables().get("serviceNowFlow");
    assertThat(result).containsEntry("state", "COMPLETE").doesNotContainKey("outputs");
    assertThat((String) result.get("contextId")).matches("[0-9a-f]{32}");
    assertThat((String) result.get("ended")).isNotBlank();
    // completes 4 s after the trigger: lookup at 0, polls after 1, 2 and 4 s of backoff
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(emulator().journal().all()).allSatisfy(r -> assertThat(r.path())
        .isIn("/api/x_acme_it/notify", "/api/now/table/sys_flow_context", "/api/now/table/sys_flow_context/" + result.get("contextId")));
  }

  @Test
  void getTriggerWithoutBodyAlsoWaits() {
    JobOutcome outcome = run(job(trigger("GET", "/api/x_acme_it/lookup", true, 10)).build());

    assertThat(result(outcome)).containsEntry("state", "COMPLETE");
    assertThat(emulator().journal().all().get(0).body()).isEmpty();
  }

  /** The context row can appear after the trigger answered; the lookup backs off until it exists. */
  @Test
  void contextThatShowsUpLateIsFoundWithBackoff() {
    emulator().faults().add(FaultRule.on("GET", "/api/now/table/sys_flow_context").times(2)
        .respond(200, "{\"result\":[]}", Map.of("Content-Type", "application/json")));

    JobOutcome outcome = run(job(trigger("POST", "/api/x_acme_it/notify", true, 60)).build());

    assertThat(result(outcome)).containsEntry("state", "COMPLETE");
    assertThat(time.sleeps()).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void flowErrorFailsWithTheFlowsMessage() {
    JobOutcome.Failed failed = run(job(trigger("POST", "/api/x_acme_it/fails", true, 60)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_FLOW_ERROR");
    assertThat(failed.errorMessage()).contains("/api/x_acme_it/fails", "No CI matched");
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) error(failed).get("variables");
    assertThat((String) vars.get("executionId")).matches("[A-Za-z]{32}");
    assertThat(vars).containsEntry("flowErrorMessage", "No CI matched").containsEntry("state", "ERROR");
  }

  @Test
  void cancelledFlowFailsWithTheCancelReason() {
    time.at(Duration.ofSeconds(1), () -> cancel(
        emulator().records().find("sys_flow_context", "name=x_acme_it.rest_approval^state=WAITING").getLast()
            .get("sys_id"),
        "Duplicate request"));

    JobOutcome.Failed failed = run(job(trigger("POST", "/api/x_acme_it/approval", true, 60)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_FLOW_CANCELLED");
    assertThat(failed.errorMessage()).contains("cancelled", "Duplicate request");
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) error(failed).get("variables");
    assertThat(vars).containsEntry("state", "CANCELLED").containsEntry("flowErrorMessage", "Duplicate request");
  }

  @Test
  void timeoutReturnsWithinItsBound() {
    long startedAt = time.millis();

    JobOutcome.Failed failed = run(job(trigger("PUT", "/api/x_acme_it/slow", true, 10)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_FLOW_TIMEOUT");
    assertThat(time.millis() - startedAt).isLessThanOrEqualTo(10_000);
    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(10));
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) error(failed).get("variables");
    assertThat(vars).containsEntry("state", "IN_PROGRESS");
    assertThat((String) vars.get("contextId")).matches("[0-9a-f]{32}");
  }

  @Test
  void executionThatNeverShowsUpTimesOut() {
    emulator().faults().add(FaultRule.on("GET", "/api/now/table/sys_flow_context")
        .respond(200, "{\"result\":[]}", Map.of("Content-Type", "application/json")));

    JobOutcome.Failed failed = run(job(trigger("POST", "/api/x_acme_it/notify", true, 5)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_FLOW_TIMEOUT");
    assertThat(failed.errorMessage()).contains("did not show up in sys_flow_context within 5 s");
    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(5));
  }

  /** A synchronous trigger or a scripted REST API answers without executionId: nothing to wait for. */
  @Test
  void waitingNeedsAnExecutionId() {
    emulator().faults().add(FaultRule.on("POST", "/api/x_acme_it/notify")
        .respond(200, "{\"result\":{\"status\":\"accepted\"}}", Map.of("Content-Type", "application/json")));

    JobOutcome.Failed failed = run(job(trigger("POST", "/api/x_acme_it/notify", true, 60)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_INVALID_RESPONSE");
    assertThat(failed.errorMessage()).contains("without result.executionId");
    assertThat(emulator().journal().all()).hasSize(1);

    // without waiting the same answer is a success, passed through as it came
    Map<String, Object> result = result(run(job(trigger("POST", "/api/x_acme_it/notify", false, 60)).build()));
    assertThat(result).doesNotContainKey("executionId")
        .containsEntry("response", Map.of("result", Map.of("status", "accepted")));
  }

  @Test
  void unknownTriggerPathFailsWithServiceNowsError() {
    JobOutcome.Failed failed = run(job(trigger("POST", "/api/x_acme_it/nothing_here", false, 60)).build()).asFailed();

    assertThat((String) error(failed).get("code")).startsWith("SERVICENOW_");
    assertThat(failed.retries()).isEqualTo(2);
    assertThat(emulator().journal().count("POST", "/api/x_acme_it/nothing_here")).isEqualTo(1);
  }

  @Test
  void wrongMethodIsRejectedByTheTrigger() {
    JobOutcome.Failed failed = run(job(trigger("GET", "/api/x_acme_it/notify", false, 60)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_BAD_REQUEST");
    assertThat(failed.errorMessage()).contains("405");
  }

  /** The trigger is not repeated on a 503 (it may have started the flow); the engine decides. */
  @Test
  void serverErrorOnTheTriggerIsNotRepeated() {
    emulator().faults().add(FaultRule.on("POST", "/api/x_acme_it/notify").serverError(503));

    JobOutcome.Failed failed = run(job(trigger("POST", "/api/x_acme_it/notify", true, 60)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_SERVER_ERROR");
    assertThat(emulator().journal().count("POST", "/api/x_acme_it/notify")).isEqualTo(1);
  }
}
