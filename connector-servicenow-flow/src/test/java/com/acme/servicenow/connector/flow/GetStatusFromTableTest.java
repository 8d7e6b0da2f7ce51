package com.acme.servicenow.connector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.harness.JobOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Get status through sys_flow_context (no companion app needed): by context id and by execution id. */
class GetStatusFromTableTest extends FlowConnectorTestSupport {

  private String context(String executionId, String state, String errorMessage) {
    return emulator().records().insert("sys_flow_context", Map.of(
        "name", "Provision laptop", "execution_id", executionId, "state", state, "error_message", errorMessage,
        "started", "2026-12-04 09:00:00", "ended", state.equals("IN_PROGRESS") ? "" : "2026-12-04 09:00:07"))
        .get("sys_id");
  }

  @Test
  void byContextIdThroughTheTemplate() {
    String contextId = context("exec-a1", "ERROR", "Step 3: no CI found");

    JobOutcome outcome = run(invocation()
        .set("operation.type", "getStatus")
        .set("operation.statusSource", "table")
        .set("operation.statusContextId", "=ctx")
        .processVariable("ctx", contextId)
        .toJobRequest());

    Map<String, Object> result = outcome.asCompleted().variables();
    @SuppressWarnings("unchecked")
    Map<String, Object> status = (Map<String, Object>) result.get("serviceNowFlow");
    assertThat(status)
        .containsEntry("contextId", contextId)
        .containsEntry("state", "ERROR")
        .containsEntry("finished", true)
        .containsEntry("errorMessage", "Step 3: no CI found")
        .containsEntry("source", "table")
        .containsEntry("started", "2026-12-04 09:00:00")
        .doesNotContainKey("outputs");
    assertThat(emulator().journal().all()).singleElement()
        .satisfies(r -> assertThat(r.path()).isEqualTo("/api/now/table/sys_flow_context/" + contextId));
  }

  @Test
  void byExecutionIdWithAResultExpression() {
    String contextId = context("exec-b2", "IN_PROGRESS", "");

    JobOutcome outcome = run(invocation()
        .set("operation.type", "getStatus")
        .set("operation.statusSource", "executionId")
        .set("operation.statusExecutionId", "exec-b2")
        .set("resultExpression", "={flowState: response.state, flowDone: response.finished}")
        .toJobRequest());

    assertThat(outcome.asCompleted().variables())
        .containsEntry("flowState", "IN_PROGRESS")
        .containsEntry("flowDone", false);
    assertThat(emulator().journal().last().rawQuery()).contains("execution_id%3Dexec-b2");
    assertThat(contextId).hasSize(32);
  }

  @Test
  void unknownExecutionIdIsNotFound() {
    JobOutcome.Failed failed = run(job(Map.of("type", "getStatus", "source", "executionId", "executionId", "nope-404"))
        .build()).asFailed();
    assertThat(error(failed)).containsEntry("code", "SERVICENOW_NOT_FOUND");
    assertThat(failed.retries()).isEqualTo(2);
  }

  @Test
  void unknownContextIdIsNotFoundAndCanBecomeABpmnError() {
    JobOutcome outcome = run(job(Map.of("type", "getStatus", "source", "table", "contextId", "f".repeat(32)))
        .errorExpression("=if error.code = \"SERVICENOW_NOT_FOUND\" then bpmnError(\"FLOW_GONE\", error.message) else null")
        .build());
    assertThat(outcome.asBpmnError().errorCode()).isEqualTo("FLOW_GONE");
  }
}
