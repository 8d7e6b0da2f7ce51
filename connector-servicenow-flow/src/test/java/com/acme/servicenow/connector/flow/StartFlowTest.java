package com.acme.servicenow.connector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.harness.JobOutcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start a flow / subflow / action through the companion flow API, with and without waiting. */
class StartFlowTest extends FlowConnectorTestSupport {

  static final String START = "/api/x_acme_camunda/flow/v1/start";
  static final String STATUS = "/api/x_acme_camunda/flow/v1/status/";

  private static Map<String, Object> start(String name, boolean wait, int timeoutSeconds) {
    return Map.of("type", "startFlow", "flowType", "flow", "name", name, "waitForCompletion", wait,
        "waitTimeoutSeconds", timeoutSeconds);
  }

  @Test
  void startsInTheBackgroundThroughTheTemplateAndReturnsTheContextId() {
    JobOutcome outcome = run(invocation()
        .set("operation.type", "startFlow")
        .set("operation.startFlowName", "x_acme_it.provision_vm")
        .set("operation.startFlowInputs", "={correlation_key: camId, cpu: 4}")
        .processVariable("camId", "cam-42")
        .set("resultExpression", "={provisionContext: response.contextId}")
        .toJobRequest());

    Map<String, Object> variables = outcome.asCompleted().variables();
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) variables.get("serviceNowFlow");
    String contextId = (String) result.get("contextId");
    assertThat(contextId).matches("[0-9a-f]{32}").isEqualTo(variables.get("provisionContext"));
    assertThat(result)
        .containsEntry("type", "flow")
        .containsEntry("name", "x_acme_it.provision_vm")
        .containsEntry("state", "QUEUED")
        .doesNotContainKey("outputs");

    RecordedRequest sent = emulator().journal().all().get(0);
    assertThat(sent.path()).isEqualTo(START);
    assertThat(sent.status()).isEqualTo(201);
    assertThat(sent.body()).contains("\"mode\":\"async\"", "\"correlation_key\":\"cam-42\"", "\"cpu\":4");
    assertThat(emulator().journal().all()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
    assertThat(emulator().records().get("sys_flow_context", contextId).orElseThrow().get("inputs"))
        .contains("cam-42");
  }

  @Test
  void waitsThroughTheTemplateWithBackoffAndReturnsOutputs() {
    JobOutcome outcome = run(invocation()
        .set("operation.type", "startFlow")
        .set("operation.startFlowName", "x_acme_it.provision_vm")
        .set("operation.startFlowWait", true)
        .set("operation.startFlowWaitTimeout", "60")
        .set("resultExpression", "={vmIp: response.outputs.ip}")
        .toJobRequest());

    Map<String, Object> variables = outcome.asCompleted().variables();
    assertThat(variables).containsEntry("vmIp", "10.0.0.7");
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) variables.get("serviceNowFlow");
    assertThat(result).containsEntry("state", "COMPLETE")
        .containsEntry("outputs", Map.of("ip", "10.0.0.7", "hostname", "vm-42"));
    // completes 5 s after the start: polls at 0, 1, 3 s (running) and 7 s (complete)
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(emulator().journal().count("POST", START)).isEqualTo(1);
    assertThat(emulator().journal().count("GET", STATUS)).isEqualTo(4);
  }

  @Test
  void anActionThatCompletesAtOnceNeedsNoSleep() {
    JobOutcome outcome = run(job(Map.of("type", "startFlow", "flowType", "action", "name", "x_acme_it.reset_password",
        "waitForCompletion", true)).build());

    assertThat(result(outcome)).containsEntry("type", "action").containsEntry("state", "COMPLETE")
        .containsEntry("outputs", Map.of("done", true));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void flowErrorFailsWithTheFlowsMessage() {
    JobOutcome.Failed failed = run(job(start("x_acme_it.always_fails", true, 60)).build()).asFailed();

    Map<String, Object> error = error(failed);
    assertThat(error).containsEntry("code", "SERVICENOW_FLOW_ERROR");
    assertThat(failed.errorMessage()).contains("x_acme_it.always_fails", "Backend unreachable");
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) error.get("variables");
    assertThat(vars)
        .containsEntry("state", "ERROR")
        .containsEntry("flowErrorMessage", "Backend unreachable")
        .containsEntry("name", "x_acme_it.always_fails");
    assertThat((String) vars.get("contextId")).matches("[0-9a-f]{32}");
    assertThat(failed.retries()).isEqualTo(2);
  }

  @Test
  void flowErrorBecomesABpmnErrorWithTheDocumentedExpression() {
    JobOutcome outcome = run(job(start("x_acme_it.always_fails", true, 60))
        .errorExpression("=if error.code = \"SERVICENOW_FLOW_ERROR\" then bpmnError(\"FLOW_FAILED\", error.message,"
            + " {flowError: error.variables.flowErrorMessage, contextId: error.variables.contextId}) else null")
        .build());

    JobOutcome.BpmnError bpmn = outcome.asBpmnError();
    assertThat(bpmn.errorCode()).isEqualTo("FLOW_FAILED");
    assertThat(bpmn.variables()).containsEntry("flowError", "Backend unreachable").containsKey("contextId");
  }

  @Test
  void cancelledFlowFailsWithTheCancelReason() {
    time.at(Duration.ofSeconds(2), () -> {
      String contextId = emulator().records().find("sys_flow_context", "name=x_acme_it.needs_approval^state=WAITING")
          .getLast().get("sys_id");
      cancel(contextId, "Request withdrawn by the requester");
    });

    JobOutcome.Failed failed = run(job(start("x_acme_it.needs_approval", true, 60)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_FLOW_CANCELLED");
    assertThat(failed.errorMessage()).contains("cancelled", "Request withdrawn by the requester");
    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(3)); // 1 s + 2 s, then it saw CANCELLED
  }

  @Test
  void timeoutReturnsWithinItsBoundWhileTheFlowKeepsRunning() {
    long startedAt = time.millis();

    JobOutcome.Failed failed = run(job(start("x_acme_it.never_ends", true, 30)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_FLOW_TIMEOUT");
    assertThat(failed.errorMessage()).contains("did not finish within 30 s", "IN_PROGRESS");
    // backoff 1, 2, 4, 8, then the 15 s step is cut to what is left of the 30 s
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(8), Duration.ofSeconds(15));
    assertThat(time.millis() - startedAt).isLessThanOrEqualTo(30_000);
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) error(failed).get("variables");
    String contextId = (String) vars.get("contextId");
    assertThat(vars).containsEntry("state", "IN_PROGRESS").containsEntry("waitTimeoutSeconds", 30);
    assertThat(emulator().records().get("sys_flow_context", contextId).orElseThrow().get("state"))
        .isEqualTo("IN_PROGRESS");
  }

  @Test
  void waitingFlowTimesOutInStateWaiting() {
    JobOutcome.Failed failed = run(job(start("x_acme_it.needs_approval", true, 5)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_FLOW_TIMEOUT");
    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(5));
    assertThat(failed.errorMessage()).contains("WAITING");
  }

  @Test
  void unknownFlowIsNotFoundWithServiceNowsDetail() {
    JobOutcome.Failed failed = run(job(start("x_acme_it.no_such_flow", false, 60)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_NOT_FOUND");
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) error(failed).get("variables");
    assertThat(vars).containsEntry("serviceNowMessage", "Flow not found")
        .containsEntry("serviceNowDetail", "No active flow named 'x_acme_it.no_such_flow' was found");
  }

  @Test
  void aFlowThatCannotStartIsAServerErrorAndIsNotRepeated() {
    JobOutcome.Failed failed = run(job(start("x_acme_it.broken", true, 60)).build()).asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_SERVER_ERROR");
    assertThat(failed.errorMessage()).contains("Script error in step 1");
    assertThat(emulator().journal().count("POST", START)).isEqualTo(1);
  }

  /** A failed poll after the start must not look like a failed start: it names the running context. */
  @Test
  void pollFailureAfterTheStartNamesTheContext() {
    emulator().faults().add(FaultRule.on("GET", STATUS).respond(403,
        "{\"error\":{\"message\":\"User Not Authorized\",\"detail\":\"Failed API level ACL Validation\"},\"status\":\"failure\"}",
        Map.of()));

    JobOutcome.Failed failed = run(job(start("x_acme_it.provision_vm", true, 60)).build()).asFailed();

    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) error(failed).get("variables");
    assertThat(error(failed)).containsEntry("code", "SERVICENOW_FORBIDDEN");
    assertThat(vars).containsEntry("flowStarted", true).containsEntry("httpStatus", 403);
    assertThat(failed.errorMessage()).contains("was started (context " + vars.get("contextId") + ")");
    assertThat(emulator().journal().count("POST", START)).isEqualTo(1);
  }

  @Test
  void statusThroughTheFlowApiShowsWaitingStepsAndLaterOutputs() {
    String waiting = (String) result(run(job(start("x_acme_it.needs_approval", false, 60)).build())).get("contextId");
    String vm = (String) result(run(job(start("x_acme_it.provision_vm", false, 60)).build())).get("contextId");
    emulator().clock().advance(Duration.ofSeconds(6));

    Map<String, Object> w = result(run(job(Map.of("type", "getStatus", "source", "flowApi", "contextId", waiting)).build()));
    assertThat(w).containsEntry("state", "WAITING").containsEntry("finished", false).containsEntry("source", "flowApi")
        .doesNotContainKey("outputs");
    assertThat(w.get("waitingOn")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .singleElement().satisfies(step -> assertThat(step.toString()).contains("ASK_FOR_APPROVAL"));

    JobOutcome done = run(invocation()
        .set("operation.type", "getStatus")
        .set("operation.statusContextId", vm)
        .toJobRequest());
    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) done.asCompleted().variables().get("serviceNowFlow");
    assertThat(v).containsEntry("state", "COMPLETE").containsEntry("finished", true)
        .containsEntry("outputs", Map.of("ip", "10.0.0.7", "hostname", "vm-42"));
    assertThat(emulator().journal().last().path()).isEqualTo(STATUS + vm);
  }
}
