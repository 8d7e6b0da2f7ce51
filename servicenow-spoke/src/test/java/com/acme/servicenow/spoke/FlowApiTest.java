package com.acme.servicenow.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mozilla.javascript.Undefined;

/**
 * Runs the flow API's real resource scripts (which delegate to the CamundaFlowApi script include)
 * under Rhino with stand-ins for sn_fd.FlowAPI and the scripted REST request/response, and checks
 * the status and body the platform would send against docs/flow-api.md.
 */
class FlowApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private ServiceNowRuntime sn;

  @BeforeEach
  void setUp() {
    sn = new ServiceNowRuntime();
    sn.eval(
        "FlowStandIn.flows['global.notify_team'] = {type: 'flow', finalState: 'COMPLETE', outputs: {ticket: 'INC0010042', count: 3}};"
            + "FlowStandIn.flows['x_acme_camunda.provision_vm'] = {type: 'subflow', finalState: 'ERROR', errorMessage: 'Quota exceeded'};"
            + "FlowStandIn.flows['global.slow_action'] = {type: 'action', finalState: 'IN_PROGRESS'};"
            + "FlowStandIn.flows['global.broken'] = {type: 'flow', throwMessage: 'Inputs failed validation: user is mandatory'};");
  }

  @AfterEach
  void tearDown() {
    sn.close();
  }

  /** Calls a resource script the way the platform does and returns {status, body}. */
  private JsonNode invoke(String script, String body, String contextId) throws IOException {
    sn.eval(
        "var request = new FakeRequest("
            + (body == null ? "null" : JSON.writeValueAsString(body))
            + ", "
            + (contextId == null ? "{}" : "{contextId: " + JSON.writeValueAsString(contextId) + "}")
            + "); var response = new FakeResponse();");
    sn.eval("var returned = undefined;");
    Object returned = sn.evalFile("sys_ws_operation/" + script + ".js");
    sn.eval("var rendered = response.render(undefined);");
    // errors go through response.setError, so the process function itself returns nothing
    assertThat(Undefined.isUndefined(returned)).isTrue();
    return JSON.readTree(sn.eval("rendered").toString());
  }

  private JsonNode start(String body) throws IOException {
    return invoke("start", body, null);
  }

  private JsonNode lastRun() throws IOException {
    return JSON.readTree(sn.json("FlowStandIn.runs[FlowStandIn.runs.length - 1]"));
  }

  @Test
  void asyncStartRunsInBackgroundAndAnswers201Queued() throws IOException {
    JsonNode r = start("{\"type\":\"flow\",\"name\":\"global.notify_team\",\"inputs\":{\"short_description\":\"Disk full\",\"priority\":2}}");

    assertThat(r.get("status").asInt()).isEqualTo(201);
    JsonNode result = r.get("body").get("result");
    assertThat(result.get("contextId").asText()).matches("[0-9a-f]{32}");
    assertThat(result.get("type").asText()).isEqualTo("flow");
    assertThat(result.get("name").asText()).isEqualTo("global.notify_team");
    assertThat(result.get("state").asText()).isEqualTo("QUEUED");
    assertThat(result.get("outputs").size()).isZero();
    JsonNode run = lastRun();
    assertThat(run.get("mode").asText()).isEqualTo("background");
    assertThat(run.get("inputs").toString()).isEqualTo("{\"short_description\":\"Disk full\",\"priority\":2}");
    assertThat(run.get("timeout").isNull()).isTrue();
  }

  @Test
  void syncStartRunsInForegroundWithTimeoutAndReturnsOutputs() throws IOException {
    JsonNode r = start("{\"type\":\"flow\",\"name\":\"global.notify_team\",\"mode\":\"sync\",\"timeout\":5000}");

    assertThat(r.get("status").asInt()).isEqualTo(200);
    JsonNode result = r.get("body").get("result");
    assertThat(result.get("state").asText()).isEqualTo("COMPLETE");
    assertThat(result.get("outputs").toString()).isEqualTo("{\"ticket\":\"INC0010042\",\"count\":3}");
    assertThat(result.has("errorMessage")).isFalse();
    JsonNode run = lastRun();
    assertThat(run.get("mode").asText()).isEqualTo("foreground");
    assertThat(run.get("timeout").asInt()).isEqualTo(5000);
    assertThat(run.get("inputs").toString()).isEqualTo("{}");
  }

  @Test
  void syncStartDefaultsTimeoutTo30SecondsAndReportsFlowError() throws IOException {
    JsonNode r = start("{\"type\":\"subflow\",\"name\":\"x_acme_camunda.provision_vm\",\"mode\":\"sync\"}");

    assertThat(r.get("status").asInt()).isEqualTo(200);
    JsonNode result = r.get("body").get("result");
    assertThat(result.get("state").asText()).isEqualTo("ERROR");
    assertThat(result.get("errorMessage").asText()).isEqualTo("Quota exceeded");
    assertThat(result.get("outputs").size()).isZero();
    assertThat(lastRun().get("timeout").asInt()).isEqualTo(30000);
    assertThat(lastRun().get("type").asText()).isEqualTo("subflow");
  }

  @Test
  void syncStartThatTimesOutReportsRunningState() throws IOException {
    JsonNode r = start("{\"type\":\"action\",\"name\":\"global.slow_action\",\"mode\":\"sync\",\"timeout\":1}");

    assertThat(r.get("body").get("result").get("state").asText()).isEqualTo("IN_PROGRESS");
    assertThat(lastRun().get("type").asText()).isEqualTo("action");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\":\"global.notify_team\"}|'type' is required",
        "{\"type\":\"workflow\",\"name\":\"global.notify_team\"}|'type' must be one of flow, subflow, action",
        "{\"type\":\"flow\"}|'name' is required",
        "{\"type\":\"flow\",\"name\":\"notify_team\"}|'name' must be a scoped internal name like global.notify_team (pattern ^[A-Za-z0-9_]+\\.[A-Za-z0-9_]+$)",
        "{\"type\":\"flow\",\"name\":\"global.notify_team\",\"inputs\":[1]}|'inputs' must be a JSON object",
        "{\"type\":\"flow\",\"name\":\"global.notify_team\",\"inputs\":\"x\"}|'inputs' must be a JSON object",
        "{\"type\":\"flow\",\"name\":\"global.notify_team\",\"mode\":\"later\"}|'mode' must be one of async, sync",
        "{\"type\":\"flow\",\"name\":\"global.notify_team\",\"mode\":\"sync\",\"timeout\":0}|'timeout' must be an integer between 1 and 300000",
        "{\"type\":\"flow\",\"name\":\"global.notify_team\",\"mode\":\"sync\",\"timeout\":300001}|'timeout' must be an integer between 1 and 300000",
        "{\"type\":\"flow\",\"name\":\"global.notify_team\",\"mode\":\"sync\",\"timeout\":1.5}|'timeout' must be an integer between 1 and 300000",
        "{\"type\":\"flow\",\"name\":\"global.notify_team\",\"timeout\":\"100\"}|'timeout' must be an integer between 1 and 300000",
        "{not json|Request body is not valid JSON",
        "''|Request body is not valid JSON",
        "[]|Request body must be a JSON object"
      })
  void badInputAnswers400InServiceNowEnvelope(String body, String detail) throws IOException {
    JsonNode r = start(body);

    assertThat(r.get("status").asInt()).isEqualTo(400);
    assertThat(r.get("body").toString())
        .isEqualTo(
            JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                    "error", JSON.createObjectNode().put("message", "Invalid request").put("detail", detail))
                .put("status", "failure")
                .toString());
    assertThat(sn.json("FlowStandIn.runs.length")).isEqualTo("0");
  }

  @Test
  void unknownFlowAnswers404() throws IOException {
    JsonNode r = start("{\"type\":\"flow\",\"name\":\"global.x\"}");

    assertThat(r.get("status").asInt()).isEqualTo(404);
    assertThat(r.get("body").toString())
        .isEqualTo("{\"error\":{\"message\":\"Flow not found\",\"detail\":\"No active flow named 'global.x' was found\"},\"status\":\"failure\"}");
  }

  @Test
  void wrongKindOfObjectAlsoAnswers404() throws IOException {
    JsonNode r = start("{\"type\":\"subflow\",\"name\":\"global.notify_team\"}");

    assertThat(r.get("status").asInt()).isEqualTo(404);
    assertThat(r.get("body").get("error").get("detail").asText()).isEqualTo("No active subflow named 'global.notify_team' was found");
  }

  @Test
  void otherStartFailureAnswers500WithExceptionMessage() throws IOException {
    JsonNode r = start("{\"type\":\"flow\",\"name\":\"global.broken\"}");

    assertThat(r.get("status").asInt()).isEqualTo(500);
    assertThat(r.get("body").toString())
        .isEqualTo(
            "{\"error\":{\"message\":\"Flow could not be started\",\"detail\":\"Inputs failed validation: user is mandatory\"},\"status\":\"failure\"}");
  }

  @Test
  void statusFollowsTheContextThroughItsStates() throws IOException {
    String id = start("{\"type\":\"flow\",\"name\":\"global.notify_team\"}").get("body").get("result").get("contextId").asText();

    JsonNode queued = invoke("status", null, id);
    assertThat(queued.get("status").asInt()).isEqualTo(200);
    assertThat(queued.get("body").toString())
        .isEqualTo("{\"result\":{\"contextId\":\"" + id + "\",\"state\":\"QUEUED\",\"errorMessage\":\"\",\"outputs\":{},\"waitingOn\":[]}}");

    sn.eval(
        "FlowStandIn.contexts['" + id + "'].state = 'WAITING';"
            + "FlowStandIn.contexts['" + id + "'].waitingOn = [{order: 2, stepType: 'ASK_FOR_APPROVAL', table: 'sysapproval_approver'}];");
    JsonNode waiting = invoke("status", null, id).get("body").get("result");
    assertThat(waiting.get("state").asText()).isEqualTo("WAITING");
    assertThat(waiting.get("waitingOn").get(0).get("stepType").asText()).isEqualTo("ASK_FOR_APPROVAL");
    assertThat(waiting.get("outputs").size()).isZero();

    sn.eval("FlowStandIn.contexts['" + id + "'].state = 'COMPLETE';");
    JsonNode complete = invoke("status", null, id).get("body").get("result");
    assertThat(complete.get("outputs").toString()).isEqualTo("{\"ticket\":\"INC0010042\",\"count\":3}");

    sn.eval("FlowStandIn.contexts['" + id + "'].state = 'ERROR'; FlowStandIn.contexts['" + id + "'].errorMessage = 'Step 3 failed';");
    JsonNode error = invoke("status", null, id).get("body").get("result");
    assertThat(error.get("errorMessage").asText()).isEqualTo("Step 3 failed");
    assertThat(error.get("outputs").size()).isZero();
  }

  @Test
  void statusRejectsMalformedIdAndReportsUnknownContext() throws IOException {
    JsonNode bad = invoke("status", null, "not-a-sys-id");
    assertThat(bad.get("status").asInt()).isEqualTo(400);
    assertThat(bad.get("body").toString())
        .isEqualTo(
            "{\"error\":{\"message\":\"Invalid request\",\"detail\":\"'contextId' must be a 32 character hexadecimal sys_id\"},\"status\":\"failure\"}");

    String unknown = "0123456789abcdef0123456789abcdef";
    JsonNode missing = invoke("status", null, unknown);
    assertThat(missing.get("status").asInt()).isEqualTo(404);
    assertThat(missing.get("body").toString())
        .isEqualTo(
            "{\"error\":{\"message\":\"Flow context not found\",\"detail\":\"No flow context with sys_id '"
                + unknown
                + "' exists (contexts are deleted 2 weeks after completion)\"},\"status\":\"failure\"}");
  }

  @Test
  void cancelStopsRunningContextWithReasonAndRefusesFinishedOne() throws IOException {
    String id = start("{\"type\":\"flow\",\"name\":\"global.notify_team\"}").get("body").get("result").get("contextId").asText();

    JsonNode cancelled = invoke("cancel", "{\"reason\":\"Camunda process was cancelled\"}", id);
    assertThat(cancelled.get("status").asInt()).isEqualTo(200);
    assertThat(cancelled.get("body").toString()).isEqualTo("{\"result\":{\"contextId\":\"" + id + "\",\"state\":\"CANCELLED\"}}");
    assertThat(sn.json("FlowStandIn.cancels")).isEqualTo("[{\"id\":\"" + id + "\",\"reason\":\"Camunda process was cancelled\"}]");

    JsonNode status = invoke("status", null, id).get("body").get("result");
    assertThat(status.get("state").asText()).isEqualTo("CANCELLED");
    assertThat(status.get("errorMessage").asText()).isEqualTo("Camunda process was cancelled");

    JsonNode again = invoke("cancel", null, id);
    assertThat(again.get("status").asInt()).isEqualTo(409);
    assertThat(again.get("body").toString())
        .isEqualTo(
            "{\"error\":{\"message\":\"Flow context already finished\",\"detail\":\"Context "
                + id
                + " is in state CANCELLED\"},\"status\":\"failure\"}");
    assertThat(sn.json("FlowStandIn.cancels.length")).isEqualTo("1");
  }

  @Test
  void cancelWithoutBodyUsesDefaultReasonAndValidatesIdAndBody() throws IOException {
    String id = start("{\"type\":\"flow\",\"name\":\"global.notify_team\"}").get("body").get("result").get("contextId").asText();

    assertThat(invoke("cancel", "{\"reason\":5}", id).get("status").asInt()).isEqualTo(400);
    assertThat(invoke("cancel", "{oops", id).get("body").get("error").get("detail").asText()).isEqualTo("Request body is not valid JSON");
    assertThat(invoke("cancel", null, "ABC").get("status").asInt()).isEqualTo(400);
    assertThat(invoke("cancel", null, "fedcba9876543210fedcba9876543210").get("status").asInt()).isEqualTo(404);
    assertThat(sn.json("FlowStandIn.cancels.length")).isEqualTo("0");

    assertThat(invoke("cancel", null, id).get("status").asInt()).isEqualTo(200);
    assertThat(sn.json("FlowStandIn.cancels[0].reason")).isEqualTo("\"Cancelled through the x_acme_camunda flow API\"");
  }
}
