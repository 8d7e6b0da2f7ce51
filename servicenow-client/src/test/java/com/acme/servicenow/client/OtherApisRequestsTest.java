package com.acme.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.servicenow.client.aggregate.AggregateRequest;
import com.acme.servicenow.client.aggregate.AggregateResult;
import com.acme.servicenow.client.attachment.AttachmentMeta;
import com.acme.servicenow.client.attachment.Download;
import com.acme.servicenow.client.catalog.CatalogOrder;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.flow.FlowContext;
import com.acme.servicenow.client.flow.FlowStart;
import com.acme.servicenow.client.flow.FlowState;
import com.acme.servicenow.client.flow.FlowStatus;
import com.acme.servicenow.client.flow.FlowType;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.support.WireMockBase;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pins Aggregate, Attachment, Service Catalog, companion Flow API and raw requests on the wire. */
class OtherApisRequestsTest extends WireMockBase {

  private static final String CTX = "fedcba9876543210fedcba9876543210";

  @Test
  void countUsesStatsEndpoint() {
    wm.stubFor(get(urlEqualTo("/api/now/stats/incident?sysparm_query=active%3Dtrue&sysparm_count=true"))
        .willReturn(okJson("{\"result\":{\"stats\":{\"count\":\"42\"}}}")));
    assertThat(client().aggregate().count("incident", QuerySpec.where(Condition.eq("active", true)))).isEqualTo(42);
  }

  @Test
  void groupedAggregateParsesGroups() {
    wm.stubFor(get(urlEqualTo("/api/now/stats/incident?sysparm_count=true&sysparm_group_by=priority"
            + "&sysparm_sum_fields=reassignment_count&sysparm_avg_fields=reassignment_count&sysparm_min_fields=sys_mod_count"
            + "&sysparm_max_fields=sys_mod_count"))
        .willReturn(okJson("{\"result\":[{\"stats\":{\"count\":\"5\",\"avg\":{\"reassignment_count\":\"1.0000\"},"
            + "\"sum\":{\"reassignment_count\":\"5\"}},\"groupby_fields\":[{\"field\":\"priority\",\"value\":\"1\","
            + "\"display_value\":\"1 - Critical\"}]},{\"stats\":{\"count\":\"2\"},\"groupby_fields\":[{\"field\":\"priority\","
            + "\"value\":\"3\"}]}]}")));
    AggregateResult r = client().aggregate().aggregate("incident", null, List.of("priority"),
        List.of("reassignment_count"), List.of("reassignment_count"), List.of("sys_mod_count"), List.of("sys_mod_count"));
    assertThat(r.groups()).hasSize(2);
    AggregateResult.Group g = r.groups().get(0);
    assertThat(g.count()).isEqualTo(5);
    assertThat(g.groupBy()).containsEntry("priority", "1");
    assertThat(g.groupByDisplay()).containsEntry("priority", "1 - Critical");
    assertThat(g.aggregates().get("avg")).containsEntry("reassignment_count", "1.0000");
    assertThat(g.aggregates().get("sum")).containsEntry("reassignment_count", "5");
    assertThat(AggregateRequest.countBy("state").groupBy()).containsExactly("state");
  }

  @Test
  void uploadStreamsRawBodyWithContentTypeAndParameters() {
    wm.stubFor(post(urlEqualTo("/api/now/attachment/file?table_name=incident&table_sys_id=" + SYS_ID
            + "&file_name=r%C3%A9sum%C3%A9%20%231.txt"))
        .withHeader("Content-Type", equalTo("text/plain; charset=UTF-8"))
        .withRequestBody(equalTo("hello attachment"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"result\":{\"sys_id\":\"" + CTX + "\",\"file_name\":\"résumé #1.txt\",\"size_bytes\":\"16\","
                + "\"content_type\":\"text/plain\",\"table_name\":\"incident\",\"table_sys_id\":\"" + SYS_ID + "\"}}")));
    byte[] data = "hello attachment".getBytes(StandardCharsets.UTF_8);
    AttachmentMeta m = client().attachments().upload("incident", SYS_ID, "résumé #1.txt", "text/plain; charset=UTF-8",
        new ByteArrayInputStream(data), data.length);
    assertThat(m.sysId()).isEqualTo(CTX);
    assertThat(m.sizeBytes()).isEqualTo(16);
    assertThat(m.tableSysId()).isEqualTo(SYS_ID);
  }

  @Test
  void uploadIsNotRetriedOn503() {
    wm.stubFor(post(urlPathEqualTo("/api/now/attachment/file")).willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> client().attachments().upload("incident", SYS_ID, "a.txt", "text/plain",
        new ByteArrayInputStream(new byte[] {1}), 1)).isInstanceOf(ServiceNowException.class);
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/now/attachment/file")));
  }

  @Test
  void listByRecordUsesValidatedQuery() {
    wm.stubFor(get(urlEqualTo("/api/now/attachment?sysparm_query=table_name%3Dincident%5Etable_sys_id%3D" + SYS_ID
            + "&sysparm_limit=1000&sysparm_offset=0"))
        .willReturn(okJson("{\"result\":[{\"sys_id\":\"" + CTX + "\",\"file_name\":\"a.txt\",\"size_bytes\":\"3\"}]}")));
    List<AttachmentMeta> list = client().attachments().list("incident", SYS_ID);
    assertThat(list).extracting(AttachmentMeta::fileName).containsExactly("a.txt");
  }

  @Test
  void downloadStreamsContentWithMetadataHeader() throws Exception {
    wm.stubFor(get(urlEqualTo("/api/now/attachment/" + CTX + "/file")).withHeader("Accept", equalTo("*/*"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
            .withHeader("X-Attachment-Metadata", "{\"sys_id\":\"" + CTX + "\",\"file_name\":\"bin.dat\",\"size_bytes\":\"4\"}")
            .withBody(new byte[] {0, 1, 2, (byte) 255})));
    try (Download d = client().attachments().download(CTX)) {
      assertThat(d.meta().fileName()).isEqualTo("bin.dat");
      assertThat(d.contentType()).isEqualTo("application/octet-stream");
      try (InputStream in = d.content()) {
        assertThat(in.readAllBytes()).containsExactly(0, 1, 2, 255);
      }
    }
  }

  @Test
  void getAndDeleteAttachment() {
    wm.stubFor(get(urlEqualTo("/api/now/attachment/" + CTX)).willReturn(aResponse().withStatus(404)
        .withBody(errorBody("Record doesn't exist", null))));
    wm.stubFor(delete(urlEqualTo("/api/now/attachment/" + CTX)).willReturn(aResponse().withStatus(204)));
    assertThat(client().attachments().get(CTX)).isEmpty();
    client().attachments().delete(CTX);
    wm.verify(1, deleteRequestedFor(urlEqualTo("/api/now/attachment/" + CTX)));
  }

  @Test
  void orderNowPostsQuantityAndVariables() {
    wm.stubFor(post(urlEqualTo("/api/sn_sc/servicecatalog/items/" + SYS_ID + "/order_now"))
        .withRequestBody(equalToJson("{\"sysparm_quantity\":2,\"variables\":{\"replacement\":\"Yes\",\"count\":\"3\"}}"))
        .willReturn(okJson("{\"result\":{\"sys_id\":\"" + CTX + "\",\"number\":\"REQ0010012\",\"request_number\":\"REQ0010012\","
            + "\"request_id\":\"" + CTX + "\",\"table\":\"sc_request\"}}")));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("replacement", "Yes");
    vars.put("count", 3);
    CatalogOrder o = client().catalog().orderNow(SYS_ID, 2, vars);
    assertThat(o.number()).isEqualTo("REQ0010012");
    assertThat(o.table()).isEqualTo("sc_request");
  }

  @Test
  void flowStartStatusCancel() {
    wm.stubFor(post(urlEqualTo("/api/x_acme_camunda/flow/v1/start"))
        .withRequestBody(equalToJson("{\"type\":\"subflow\",\"name\":\"global.notify_team\",\"inputs\":{\"team\":\"ops\","
            + "\"n\":2},\"mode\":\"sync\",\"timeout\":5000}"))
        .willReturn(okJson("{\"result\":{\"contextId\":\"" + CTX + "\",\"type\":\"subflow\",\"name\":\"global.notify_team\","
            + "\"state\":\"COMPLETE\",\"outputs\":{\"ticket\":\"INC0010042\"}}}")));
    wm.stubFor(get(urlEqualTo("/api/x_acme_camunda/flow/v1/status/" + CTX))
        .willReturn(okJson("{\"result\":{\"contextId\":\"" + CTX + "\",\"state\":\"WAITING\",\"errorMessage\":\"\","
            + "\"outputs\":{},\"waitingOn\":[{\"stepType\":\"TIMER\"}]}}")));
    wm.stubFor(post(urlEqualTo("/api/x_acme_camunda/flow/v1/cancel/" + CTX))
        .withRequestBody(equalToJson("{\"reason\":\"process cancelled\"}"))
        .willReturn(okJson("{\"result\":{\"contextId\":\"" + CTX + "\",\"state\":\"CANCELLED\"}}")));
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("team", "ops");
    inputs.put("n", 2);
    ServiceNowClient c = client();
    FlowStart s = c.flows().start(FlowType.SUBFLOW, "global.notify_team", inputs, true, Duration.ofSeconds(5));
    assertThat(s.state()).isEqualTo(FlowState.COMPLETE);
    assertThat(s.outputs().get("ticket").asText()).isEqualTo("INC0010042");
    FlowStatus st = c.flows().status(CTX);
    assertThat(st.state()).isEqualTo(FlowState.WAITING);
    assertThat(st.waitingOn()).hasSize(1);
    assertThat(st.errorMessage()).isNull();
    assertThat(c.flows().cancel(CTX, "process cancelled").state()).isEqualTo(FlowState.CANCELLED);
  }

  @Test
  void asyncStartSendsNoTimeout() {
    wm.stubFor(post(urlEqualTo("/api/x_acme_camunda/flow/v1/start"))
        .withRequestBody(equalToJson("{\"type\":\"flow\",\"name\":\"x_acme_camunda.provision_vm\",\"inputs\":{},\"mode\":\"async\"}"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"result\":{\"contextId\":\"" + CTX + "\",\"state\":\"QUEUED\",\"outputs\":{}}}")));
    assertThat(client().flows().start(FlowType.FLOW, "x_acme_camunda.provision_vm", null, false, null).state())
        .isEqualTo(FlowState.QUEUED);
  }

  @Test
  void awaitCompletionPollsWithBackoffUntilTerminal() {
    String url = "/api/x_acme_camunda/flow/v1/status/" + CTX;
    String[] states = {"QUEUED", "IN_PROGRESS", "IN_PROGRESS"};
    String st = Scenario.STARTED;
    for (int i = 0; i < states.length; i++) {
      wm.stubFor(get(urlEqualTo(url)).inScenario("p").whenScenarioStateIs(st).willSetStateTo("s" + i)
          .willReturn(okJson("{\"result\":{\"contextId\":\"" + CTX + "\",\"state\":\"" + states[i] + "\"}}")));
      st = "s" + i;
    }
    wm.stubFor(get(urlEqualTo(url)).inScenario("p").whenScenarioStateIs(st)
        .willReturn(okJson("{\"result\":{\"contextId\":\"" + CTX + "\",\"state\":\"ERROR\",\"errorMessage\":\"boom\"}}")));
    FlowStatus s = client().flows().awaitCompletion(CTX, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(3));
    assertThat(s.state()).isEqualTo(FlowState.ERROR);
    assertThat(s.errorMessage()).isEqualTo("boom");
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
  }

  @Test
  void awaitCompletionReturnsLastStatusAtTimeout() {
    wm.stubFor(get(urlEqualTo("/api/x_acme_camunda/flow/v1/status/" + CTX))
        .willReturn(okJson("{\"result\":{\"contextId\":\"" + CTX + "\",\"state\":\"IN_PROGRESS\"}}")));
    FlowStatus s = client().flows().awaitCompletion(CTX, Duration.ofSeconds(10), Duration.ofSeconds(4), Duration.ofSeconds(4));
    assertThat(s.isTerminal()).isFalse();
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(2));
  }

  @Test
  void awaitOrThrowTimesOutWithWaitTimeout() {
    wm.stubFor(get(urlEqualTo("/api/x_acme_camunda/flow/v1/status/" + CTX))
        .willReturn(okJson("{\"result\":{\"contextId\":\"" + CTX + "\",\"state\":\"WAITING\"}}")));
    assertThatThrownBy(() -> client().flows().awaitCompletionOrThrow(CTX, Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_WAIT_TIMEOUT);
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("WAITING");
        });
  }

  @Test
  void interruptedWaitIsReported() {
    wm.stubFor(get(urlEqualTo("/api/x_acme_camunda/flow/v1/status/" + CTX))
        .willReturn(okJson("{\"result\":{\"contextId\":\"" + CTX + "\",\"state\":\"QUEUED\"}}")));
    ServiceNowClient c = ServiceNowClient.create(connection(com.acme.servicenow.client.auth.Auth.basic("a", "b")).build(),
        options().withSleeper(d -> {
          throw new InterruptedException("stop");
        }));
    try (c) {
      assertThatThrownBy(() -> c.flows().awaitCompletion(CTX, Duration.ofSeconds(5)))
          .isInstanceOfSatisfying(ServiceNowException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_INTERRUPTED));
      assertThat(Thread.interrupted()).isTrue(); // flag restored (and cleared here)
    }
  }

  @Test
  void redirectIsNotFollowedButReported() {
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "https://sso.example.com/login")));
    assertThatThrownBy(() -> client().table().query("incident", null, null, 1, 0))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_UNEXPECTED_STATUS);
          assertThat(e.httpStatus()).isEqualTo(302);
        });
  }

  @Test
  void contextByExecutionIdAndById() {
    wm.stubFor(get(urlEqualTo("/api/now/table/sys_flow_context?sysparm_query=execution_id%3DndoxeRhshDSezldeGfbYlviFSeFnBjCO"
            + "&sysparm_fields=sys_id%2Cstate%2Cerror_message%2Cstarted%2Cended&sysparm_limit=1&sysparm_offset=0"))
        .willReturn(okJson("{\"result\":[{\"sys_id\":\"" + CTX + "\",\"state\":\"COMPLETE\",\"error_message\":\"\","
            + "\"started\":\"2026-01-01 10:00:00\",\"ended\":\"2026-01-01 10:00:05\"}]}")));
    wm.stubFor(get(urlEqualTo("/api/now/table/sys_flow_context/" + CTX + "?sysparm_fields=sys_id%2Cstate%2Cerror_message%2Cstarted%2Cended"))
        .willReturn(okJson("{\"result\":{\"sys_id\":\"" + CTX + "\",\"state\":\"IN_PROGRESS\"}}")));
    Optional<FlowContext> ctx = client().flows().findContextByExecutionId("ndoxeRhshDSezldeGfbYlviFSeFnBjCO");
    assertThat(ctx).isPresent();
    assertThat(ctx.get().state()).isEqualTo(FlowState.COMPLETE);
    assertThat(ctx.get().ended()).isEqualTo("2026-01-01 10:00:05");
    assertThat(client().flows().getContext(CTX).state()).isEqualTo(FlowState.IN_PROGRESS);
  }

  @Test
  void rawSendForRestTrigger() {
    wm.stubFor(post(urlEqualTo("/api/snc/create_incident_from_event/group/abc?source=camunda"))
        .withHeader("X-Custom", equalTo("1"))
        .withRequestBody(equalToJson("{\"summary\":\"x\"}"))
        .willReturn(okJson("{\"result\":{\"executionId\":\"ndoxeRhshDSezldeGfbYlviFSeFnBjCO\"}}")
            .withHeader("X-Transaction-ID", "t1")));
    ApiResponse r = client().send(new ApiRequest("POST", "/api/snc/create_incident_from_event/group/abc",
        Map.of("source", "camunda"), Map.of("X-Custom", "1"),
        JsonNodeFactory.instance.objectNode().put("summary", "x"), null));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("result").path("executionId").asText()).isEqualTo("ndoxeRhshDSezldeGfbYlviFSeFnBjCO");
    assertThat(r.transactionId()).isEqualTo("t1");
    assertThat(r.header("x-transaction-id")).isEqualTo("t1");
  }

  @Test
  void rawSendKeepsQueryOrderAndEncodesStrictly() {
    wm.stubFor(get(urlEqualTo("/api/x_acme/q/v1/items?z=1&a=b%20c&m=x%5Ey%26z")).willReturn(okJson("{\"result\":[]}")));
    Map<String, String> q = new LinkedHashMap<>();
    q.put("z", "1");
    q.put("a", "b c");
    q.put("m", "x^y&z");
    assertThat(client().send(new ApiRequest("GET", "/api/x_acme/q/v1/items", q, null, null, null)).status()).isEqualTo(200);
  }

  @Test
  void rawSendAcceptsTextAndEmptyBodies() {
    wm.stubFor(get(urlEqualTo("/api/x_acme/ping/v1/text")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain").withBody("pong")));
    wm.stubFor(delete(urlEqualTo("/api/x_acme/ping/v1/thing")).willReturn(aResponse().withStatus(204)));
    assertThat(client().send(ApiRequest.of("GET", "/api/x_acme/ping/v1/text", null)).body().asText()).isEqualTo("pong");
    ApiResponse r = client().send(ApiRequest.of("DELETE", "/api/x_acme/ping/v1/thing", null));
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isNull();
  }

  @Test
  void rawPostIsNotRetriedUnlessDeclaredIdempotent() {
    wm.stubFor(post(urlEqualTo("/api/x_acme/ping/v1/op")).willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> client().send(ApiRequest.of("POST", "/api/x_acme/ping/v1/op", null)))
        .isInstanceOf(ServiceNowException.class);
    wm.verify(1, postRequestedFor(urlEqualTo("/api/x_acme/ping/v1/op")));
    wm.resetRequests();
    assertThatThrownBy(() -> client().send(new ApiRequest("POST", "/api/x_acme/ping/v1/op", null, null, null, true)))
        .isInstanceOf(ServiceNowException.class);
    wm.verify(4, postRequestedFor(urlEqualTo("/api/x_acme/ping/v1/op")));
  }

  @Test
  void rawSendMapsErrors() {
    wm.stubFor(get(urlPathEqualTo("/api/x/y")).willReturn(aResponse().withStatus(404).withBody(errorBody("Flow not found", "No active flow"))));
    assertThatThrownBy(() -> client().send(ApiRequest.of("GET", "/api/x/y", null)))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_NOT_FOUND);
          assertThat(e.serviceNowDetail()).isEqualTo("No active flow");
        });
  }
}
