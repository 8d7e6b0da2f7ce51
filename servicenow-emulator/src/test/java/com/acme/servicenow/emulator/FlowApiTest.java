package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The flow API of docs/flow-api.md, REST triggers and sys_flow_context progression (reference A5). */
class FlowApiTest {

  static final String API = "/api/x_acme_camunda/flow/v1";

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b
      .clock(EmulatorClock.fixed(Instant.parse("2026-06-01T08:00:00Z")))
      .user("viewer", "pw").tableAccess("viewer", "x_acme_camunda_flow", true, false)
      .flow(FlowDefinition.named("global.provision_vm").completesAfter(Duration.ofSeconds(10))
          .queuedFor(Duration.ofSeconds(2)).withOutputs(Map.of("ip", "10.0.0.7", "cpus", 4)))
      .flow(FlowDefinition.named("global.always_fails").failsAfter(Duration.ofSeconds(5), "Backend unreachable"))
      .flow(FlowDefinition.named("global.approve").waitsFor("ASK_FOR_APPROVAL"))
      .flow(FlowDefinition.named("global.lookup").type(FlowType.SUBFLOW).completesAfter(Duration.ZERO)
          .withOutputs(Map.of("found", true)))
      .flow(FlowDefinition.named("global.broken").failsToStart("Flow designer engine is not available"))
      .flow(FlowDefinition.named("x_acme.notify").completesAfter(Duration.ofSeconds(1))
          .restTrigger("POST", "/api/x_acme/notify")));

  private Http http;

  @BeforeEach
  void setUp() {
    sn.emulator().reset();
    sn.emulator().clock().set(Instant.parse("2026-06-01T08:00:00Z"));
    http = new Http(sn.baseUrl());
  }

  private String start(String json) {
    Http.Response r = http.post(API + "/start", json);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.result().get("contextId").asText();
  }

  private JsonNode status(String id) {
    Http.Response r = http.get(API + "/status/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.result();
  }

  @Test
  void asyncStartThenStateAdvancesOnTheClock() throws Exception {
    Http.Response r = http.post(API + "/start",
        "{\"type\":\"flow\",\"name\":\"global.provision_vm\",\"inputs\":{\"size\":\"L\"}}");
    assertThat(r.status()).isEqualTo(201);
    String id = r.result().get("contextId").asText();
    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(r.result().toString()).isEqualTo("{\"contextId\":\"" + id + "\",\"type\":\"flow\","
        + "\"name\":\"global.provision_vm\",\"state\":\"QUEUED\",\"outputs\":{}}");

    assertThat(status(id).toString()).isEqualTo("{\"contextId\":\"" + id + "\",\"state\":\"QUEUED\","
        + "\"errorMessage\":\"\",\"outputs\":{},\"waitingOn\":[]}");
    sn.emulator().clock().advance(Duration.ofSeconds(3));
    assertThat(status(id).get("state").asText()).isEqualTo("IN_PROGRESS");
    Map<String, String> row = sn.emulator().records().get("sys_flow_context", id).orElseThrow();
    assertThat(row.get("state")).isEqualTo("IN_PROGRESS");
    assertThat(row.get("name")).isEqualTo("global.provision_vm");
    assertThat(row.get("started")).isEqualTo("2026-06-01 08:00:00");
    assertThat(row.get("inputs")).contains("\"size\":\"L\"");

    sn.emulator().clock().advance(Duration.ofSeconds(7));
    JsonNode done = status(id);
    assertThat(done.get("state").asText()).isEqualTo("COMPLETE");
    assertThat(done.get("outputs")).isEqualTo(Http.MAPPER.readTree("{\"ip\":\"10.0.0.7\",\"cpus\":4}"));

    // the Table API sees the same progression (evaluated lazily when read)
    JsonNode ctx = http.get("/api/now/table/sys_flow_context/" + id + "?sysparm_fields=state,started,ended,error_message")
        .result();
    assertThat(ctx.toString()).isEqualTo("{\"state\":\"COMPLETE\",\"started\":\"2026-06-01 08:00:00\","
        + "\"ended\":\"2026-06-01 08:00:10\",\"error_message\":\"\"}");
    JsonNode display = http.get("/api/now/table/sys_flow_context/" + id + "?sysparm_fields=state&sysparm_display_value=true")
        .result();
    assertThat(display.get("state").asText()).isEqualTo("Completed");

    JsonNode logs = http.get("/api/now/table/sys_flow_log?sysparm_query=context%3D" + id
        + "&sysparm_fields=message,sys_created_on").result();
    assertThat(logs.findValuesAsText("message"))
        .containsExactly("Flow state changed from QUEUED to IN_PROGRESS", "Flow completed");
    assertThat(logs.get(1).get("sys_created_on").asText()).isEqualTo("2026-06-01 08:00:10");
  }

  @Test
  void failingFlowEndsInErrorWithItsMessage() {
    String id = start("{\"type\":\"flow\",\"name\":\"global.always_fails\"}");
    assertThat(status(id).get("state").asText()).isEqualTo("IN_PROGRESS");
    sn.emulator().clock().advance(Duration.ofSeconds(5));
    JsonNode s = status(id);
    assertThat(s.get("state").asText()).isEqualTo("ERROR");
    assertThat(s.get("errorMessage").asText()).isEqualTo("Backend unreachable");
    assertThat(s.get("outputs").size()).isZero();
    assertThat(sn.emulator().records().get("sys_flow_context", id).orElseThrow().get("error_message"))
        .isEqualTo("Backend unreachable");
  }

  @Test
  void syncModeReturnsTheEndStateOrTheStateAtTimeout() {
    Http.Response done = http.post(API + "/start", "{\"type\":\"flow\",\"name\":\"global.provision_vm\",\"mode\":\"sync\"}");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.result().get("state").asText()).isEqualTo("COMPLETE");
    assertThat(done.result().get("outputs").get("ip").asText()).isEqualTo("10.0.0.7");

    Http.Response timedOut = http.post(API + "/start",
        "{\"type\":\"flow\",\"name\":\"global.provision_vm\",\"mode\":\"sync\",\"timeout\":5000}");
    assertThat(timedOut.result().get("state").asText()).isEqualTo("IN_PROGRESS");
    String id = timedOut.result().get("contextId").asText();
    sn.emulator().clock().advance(Duration.ofSeconds(5));
    assertThat(status(id).get("state").asText()).isEqualTo("COMPLETE");

    Http.Response failed = http.post(API + "/start", "{\"type\":\"flow\",\"name\":\"global.always_fails\",\"mode\":\"sync\"}");
    assertThat(failed.result().toString()).contains("\"state\":\"ERROR\"")
        .endsWith("\"outputs\":{},\"errorMessage\":\"Backend unreachable\"}");
  }

  @Test
  void waitingFlowAndCancel() {
    String id = start("{\"type\":\"flow\",\"name\":\"global.approve\"}");
    JsonNode s = status(id);
    assertThat(s.get("state").asText()).isEqualTo("WAITING");
    assertThat(s.get("waitingOn").get(0).get("stepType").asText()).isEqualTo("ASK_FOR_APPROVAL");

    Http.Response cancelled = http.post(API + "/cancel/" + id, "{\"reason\":\"no longer needed\"}");
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body()).isEqualTo("{\"result\":{\"contextId\":\"" + id + "\",\"state\":\"CANCELLED\"}}");
    JsonNode after = status(id);
    assertThat(after.get("state").asText()).isEqualTo("CANCELLED");
    assertThat(after.get("errorMessage").asText()).isEqualTo("no longer needed");

    Http.Response again = http.post(API + "/cancel/" + id, "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).isEqualTo(ErrorEnvelopeTest.envelope("Flow context already finished",
        "Context " + id + " is in state CANCELLED"));
  }

  @Test
  void cancelWithoutBodyUsesTheDefaultReason() {
    String id = start("{\"type\":\"flow\",\"name\":\"global.approve\"}");
    assertThat(http.post(API + "/cancel/" + id, "").status()).isEqualTo(200);
    assertThat(status(id).get("errorMessage").asText()).isEqualTo("Cancelled through the x_acme_camunda flow API");
  }

  @Test
  void subflowsAndActionsAreMatchedByType() {
    Http.Response sub = http.post(API + "/start", "{\"type\":\"subflow\",\"name\":\"global.lookup\"}");
    assertThat(sub.status()).isEqualTo(201);
    assertThat(status(sub.result().get("contextId").asText()).get("outputs").get("found").asBoolean()).isTrue();
    Http.Response asFlow = http.post(API + "/start", "{\"type\":\"flow\",\"name\":\"global.lookup\"}");
    assertThat(asFlow.status()).isEqualTo(404);
    assertThat(asFlow.body()).isEqualTo(ErrorEnvelopeTest.envelope("Flow not found",
        "No active flow named 'global.lookup' was found"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"name\":\"global.x\"}                                        | 'type' is required",
      "{\"type\":\"workflow\",\"name\":\"global.x\"}                  | 'type' must be one of flow, subflow, action",
      "{\"type\":\"flow\"}                                            | 'name' is required",
      "{\"type\":\"flow\",\"name\":\"noscope\"}                       | 'name' must be a scoped internal name like global.notify_team (pattern ^[A-Za-z0-9_]+\\.[A-Za-z0-9_]+$)",
      "{\"type\":\"flow\",\"name\":\"global.x\",\"inputs\":[1]}       | 'inputs' must be a JSON object",
      "{\"type\":\"flow\",\"name\":\"global.x\",\"mode\":\"later\"}   | 'mode' must be one of async, sync",
      "{\"type\":\"flow\",\"name\":\"global.x\",\"timeout\":0}        | 'timeout' must be an integer between 1 and 300000",
      "{\"type\":\"flow\",\"name\":\"global.x\",\"timeout\":300001}   | 'timeout' must be an integer between 1 and 300000",
      "{\"type\":\"flow\",\"name\":\"global.x\",\"timeout\":1.5}      | 'timeout' must be an integer between 1 and 300000",
      "{not json                                                      | Request body is not valid JSON",
      "[1,2]                                                          | Request body must be a JSON object"})
  void invalidStartRequests(String body, String detail) {
    Http.Response r = http.post(API + "/start", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").get("message").asText()).isEqualTo("Invalid request");
    assertThat(r.json().get("error").get("detail").asText()).isEqualTo(detail);
  }

  @Test
  void notFoundStartFailureAndBadContextIds() {
    Http.Response missing = http.post(API + "/start", "{\"type\":\"flow\",\"name\":\"global.x\"}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo(ErrorEnvelopeTest.envelope("Flow not found",
        "No active flow named 'global.x' was found"));
    Http.Response broken = http.post(API + "/start", "{\"type\":\"flow\",\"name\":\"global.broken\"}");
    assertThat(broken.status()).isEqualTo(500);
    assertThat(broken.body()).isEqualTo(ErrorEnvelopeTest.envelope("Flow could not be started",
        "Flow designer engine is not available"));

    Http.Response badId = http.get(API + "/status/not-a-sys-id");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.body()).isEqualTo(ErrorEnvelopeTest.envelope("Invalid request",
        "'contextId' must be a 32 character hexadecimal sys_id"));
    String unknown = "0123456789abcdef0123456789abcdef";
    Http.Response notFound = http.get(API + "/status/" + unknown);
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.body()).isEqualTo(ErrorEnvelopeTest.envelope("Flow context not found",
        "No flow context with sys_id '" + unknown + "' exists (contexts are deleted 2 weeks after completion)"));
    assertThat(http.post(API + "/cancel/" + unknown, "").status()).isEqualTo(404);
  }

  @Test
  void contextsAreDeletedTwoWeeksAfterCompletion() {
    String id = start("{\"type\":\"flow\",\"name\":\"global.provision_vm\"}");
    sn.emulator().clock().advance(Duration.ofSeconds(10).plus(Duration.ofDays(13)));
    assertThat(status(id).get("state").asText()).isEqualTo("COMPLETE");
    sn.emulator().clock().advance(Duration.ofDays(1));
    assertThat(http.get(API + "/status/" + id).status()).isEqualTo(404);
    assertThat(sn.emulator().records().get("sys_flow_context", id)).isEmpty();
  }

  @Test
  void restTriggerReturnsExecutionIdFindableInSysFlowContext() {
    Http.Response r = http.post("/api/x_acme/notify", "{\"team\":\"network\"}");
    assertThat(r.status()).isEqualTo(200);
    String executionId = r.result().get("executionId").asText();
    assertThat(r.result().size()).isEqualTo(1);
    assertThat(executionId).matches("[A-Za-z]{32}");
    JsonNode ctx = http.get("/api/now/table/sys_flow_context?sysparm_query=execution_id%3D" + executionId
        + "&sysparm_fields=sys_id,state,error_message,started,ended&sysparm_limit=1").result();
    assertThat(ctx).hasSize(1);
    assertThat(ctx.get(0).get("state").asText()).isEqualTo("IN_PROGRESS");
    sn.emulator().clock().advance(Duration.ofSeconds(1));
    JsonNode later = http.get("/api/now/table/sys_flow_context?sysparm_query=execution_id%3D" + executionId
        + "&sysparm_fields=state").result();
    assertThat(later.get(0).get("state").asText()).isEqualTo("COMPLETE");
    assertThat(http.get("/api/x_acme/notify").status()).isEqualTo(405);
    assertThat(new Http(sn.baseUrl()).anonymous().post("/api/x_acme/notify", "{}").status()).isEqualTo(401);
  }

  @Test
  void pseudoTablePermissionGuardsTheApi() {
    Http viewer = new Http(sn.baseUrl()).basic("viewer", "pw");
    Http.Response r = viewer.post(API + "/start", "{\"type\":\"flow\",\"name\":\"global.provision_vm\"}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).isEqualTo(ErrorEnvelopeTest.envelope("User Not Authorized", "Failed API level ACL Validation"));
    String id = start("{\"type\":\"flow\",\"name\":\"global.provision_vm\"}");
    assertThat(viewer.get(API + "/status/" + id).status()).isEqualTo(200);
  }

  @Test
  void demoSeedDefinesFlows() {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().seed("demo").start()) {
      Http h = new Http(e.baseUrl());
      for (String name : new String[] {"global.provision_vm", "global.always_fails", "global.notify_team"}) {
        assertThat(h.post(API + "/start", "{\"type\":\"flow\",\"name\":\"" + name + "\"}").status()).as(name)
            .isEqualTo(201);
      }
      assertThat(h.post("/api/x_acme/notify", "{}").status()).isEqualTo(200);
    }
  }
}
