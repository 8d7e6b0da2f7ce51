package com.acme.servicenow.spoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mozilla.javascript.JavaScriptException;

/**
 * Runs the real CamundaClient script include under Rhino against a WireMock fake of the Camunda
 * 8.8 v2 API and its OAuth token endpoint, pinning the exact HTTP exchange of each operation.
 */
class CamundaClientTest {

  @RegisterExtension
  static WireMockExtension camunda = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN_FORM =
      "grant_type=client_credentials&client_id=sn-client&client_secret=s%26cret%3D1&audience=zeebe.camunda.io";

  private ServiceNowRuntime sn;

  @BeforeEach
  void setUp() {
    FakeRestMessage.SENT.clear();
    sn = new ServiceNowRuntime();
    sn.properties.put("x_acme_camunda.base_url", camunda.baseUrl() + "/cluster-1/");
    sn.properties.put("x_acme_camunda.auth_type", "oauth");
    sn.properties.put("x_acme_camunda.oauth.token_url", camunda.baseUrl() + "/oauth/token");
    sn.properties.put("x_acme_camunda.oauth.client_id", "sn-client");
    sn.properties.put("x_acme_camunda.oauth.client_secret", "s&cret=1");
    sn.properties.put("x_acme_camunda.oauth.audience", "zeebe.camunda.io");
    sn.eval("CamundaClient.tokenCache = {}; var fakeNow = 1000000; CamundaClient.now = function () { return fakeNow; };");
    stubToken("token-1", 300);
  }

  @AfterEach
  void tearDown() {
    sn.close();
  }

  private void stubToken(String token, int expiresIn) {
    camunda.stubFor(
        post("/oauth/token")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}")));
  }

  private void stubJson(String path, int status, String body) {
    camunda.stubFor(
        post(path)
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                    .withBody(body)));
  }

  private JsonNode call(String expression) throws IOException {
    return JSON.readTree(sn.json("new x_acme_camunda.CamundaClient()." + expression));
  }

  @Test
  void createsProcessInstanceByIdWithExactBodyAndBearerToken() throws IOException {
    stubJson(
        "/cluster-1/v2/process-instances",
        200,
        "{\"processDefinitionId\":\"handle_incident\",\"processDefinitionVersion\":5,\"tenantId\":\"hr-emea\","
            + "\"variables\":{},\"processDefinitionKey\":\"2251799813685249\",\"processInstanceKey\":\"2251799813685252\"}");

    JsonNode r =
        call(
            "createProcessInstance({processDefinitionId: 'handle_incident', processDefinitionVersion: '5',"
                + " variables: '{\"incident\":\"INC0010001\",\"priority\":2}', tenantId: 'hr-emea', operationReference: '42'})");

    assertThat(r.get("success").asBoolean()).isTrue();
    assertThat(r.get("status").asInt()).isEqualTo(200);
    assertThat(r.get("processInstanceKey").asText()).isEqualTo("2251799813685252");
    assertThat(r.get("processDefinitionKey").asText()).isEqualTo("2251799813685249");
    camunda.verify(
        postRequestedFor(urlEqualTo("/cluster-1/v2/process-instances"))
            .withHeader("Authorization", equalTo("Bearer token-1"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"processDefinitionId\":\"handle_incident\",\"processDefinitionVersion\":5,"
                        + "\"variables\":{\"incident\":\"INC0010001\",\"priority\":2},\"tenantId\":\"hr-emea\","
                        + "\"operationReference\":42}")));
    camunda.verify(
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(equalTo(TOKEN_FORM)));
  }

  @Test
  void createsProcessInstanceByKeyAndAwaitsCompletion() throws IOException {
    stubJson(
        "/cluster-1/v2/process-instances",
        200,
        "{\"processDefinitionId\":\"p\",\"processDefinitionVersion\":3,\"tenantId\":\"<default>\","
            + "\"variables\":{\"approved\":true},\"processDefinitionKey\":\"2251799813685249\",\"processInstanceKey\":\"7\"}");

    JsonNode r =
        call(
            "createProcessInstance({processDefinitionKey: '2251799813685249', awaitCompletion: true,"
                + " fetchVariables: 'approved, comment', requestTimeout: 20000, variables: {a: 1}})");

    assertThat(r.get("success").asBoolean()).isTrue();
    assertThat(r.get("variables").get("approved").asBoolean()).isTrue();
    camunda.verify(
        postRequestedFor(urlEqualTo("/cluster-1/v2/process-instances"))
            .withRequestBody(
                equalToJson(
                    "{\"processDefinitionKey\":\"2251799813685249\",\"variables\":{\"a\":1},\"awaitCompletion\":true,"
                        + "\"fetchVariables\":[\"approved\",\"comment\"],\"requestTimeout\":20000}")));
  }

  @Test
  void publishesBufferedMessageWithTimeToLiveAndMessageId() throws IOException {
    stubJson("/cluster-1/v2/messages/publication", 200, "{\"tenantId\":\"<default>\",\"messageKey\":\"2251799813686000\"}");

    JsonNode r =
        call(
            "publishMessage({name: 'flowDone', correlationKey: 'cam-id-1', timeToLive: '60000',"
                + " messageId: 'ctx-0001', variables: '{\"ticket\":\"INC0010042\"}'})");

    assertThat(r.get("success").asBoolean()).isTrue();
    assertThat(r.get("messageKey").asText()).isEqualTo("2251799813686000");
    camunda.verify(
        postRequestedFor(urlEqualTo("/cluster-1/v2/messages/publication"))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"flowDone\",\"correlationKey\":\"cam-id-1\",\"timeToLive\":60000,"
                        + "\"messageId\":\"ctx-0001\",\"variables\":{\"ticket\":\"INC0010042\"}}")));
  }

  @Test
  void correlatesMessageSignalsAndCancelsWithOneTokenRequest() throws IOException {
    stubJson(
        "/cluster-1/v2/messages/correlation",
        200,
        "{\"tenantId\":\"<default>\",\"messageKey\":\"11\",\"processInstanceKey\":\"2251799813685252\"}");
    stubJson("/cluster-1/v2/signals/broadcast", 200, "{\"signalKey\":\"12\",\"tenantId\":\"t1\"}");
    camunda.stubFor(post("/cluster-1/v2/process-instances/2251799813685252/cancellation").willReturn(aResponse().withStatus(204)));

    JsonNode correlated =
        call("correlateMessage({name: 'managerApprovalDone', correlationKey: 'approval-1', variables: {ok: true}, tenantId: 't1'})");
    JsonNode signalled = call("broadcastSignal({signalName: 'sla_limit_exceeded', variables: '{\"level\":3}', tenantId: 't1'})");
    JsonNode cancelled = call("cancelProcessInstance({processInstanceKey: '2251799813685252', operationReference: 9})");

    assertThat(correlated.get("processInstanceKey").asText()).isEqualTo("2251799813685252");
    assertThat(correlated.get("messageKey").asText()).isEqualTo("11");
    assertThat(signalled.get("signalKey").asText()).isEqualTo("12");
    assertThat(cancelled.get("success").asBoolean()).isTrue();
    assertThat(cancelled.get("status").asInt()).isEqualTo(204);
    camunda.verify(
        postRequestedFor(urlEqualTo("/cluster-1/v2/messages/correlation"))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"managerApprovalDone\",\"correlationKey\":\"approval-1\",\"variables\":{\"ok\":true},\"tenantId\":\"t1\"}")));
    camunda.verify(
        postRequestedFor(urlEqualTo("/cluster-1/v2/signals/broadcast"))
            .withRequestBody(equalToJson("{\"signalName\":\"sla_limit_exceeded\",\"variables\":{\"level\":3},\"tenantId\":\"t1\"}")));
    camunda.verify(
        postRequestedFor(urlEqualTo("/cluster-1/v2/process-instances/2251799813685252/cancellation"))
            .withHeader("Authorization", equalTo("Bearer token-1"))
            .withRequestBody(equalToJson("{\"operationReference\":9}")));
    // three calls, three client instances, one token
    camunda.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void refreshesTokenShortlyBeforeItExpires() throws IOException {
    stubJson("/cluster-1/v2/signals/broadcast", 200, "{\"signalKey\":\"1\",\"tenantId\":\"<default>\"}");
    call("broadcastSignal({signalName: 's'})");
    // 300 s token, 30 s default margin: still valid at +269 s, refreshed at +271 s
    sn.eval("fakeNow += 269000;");
    call("broadcastSignal({signalName: 's'})");
    camunda.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));

    camunda.resetMappings();
    stubToken("token-2", 300);
    stubJson("/cluster-1/v2/signals/broadcast", 200, "{\"signalKey\":\"2\",\"tenantId\":\"<default>\"}");
    sn.eval("fakeNow += 2000;");
    JsonNode r = call("broadcastSignal({signalName: 's'})");

    assertThat(r.get("success").asBoolean()).isTrue();
    camunda.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
    camunda.verify(postRequestedFor(urlEqualTo("/cluster-1/v2/signals/broadcast")).withHeader("Authorization", equalTo("Bearer token-2")));
  }

  @Test
  void scopedCacheCarriesTheTokenIntoTheNextTransaction() throws IOException {
    stubJson("/cluster-1/v2/signals/broadcast", 200, "{\"signalKey\":\"1\"}");
    // without a scoped cache, a new transaction (fresh script scope) needs a new token
    call("broadcastSignal({signalName: 's'})");
    sn.eval("CamundaClient.tokenCache = {};");
    call("broadcastSignal({signalName: 's'})");
    camunda.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));

    sn.properties.put("x_acme_camunda.oauth.scoped_cache", "camunda_tokens");
    sn.eval("CamundaClient.tokenCache = {};");
    call("broadcastSignal({signalName: 's'})");
    sn.eval("CamundaClient.tokenCache = {};");
    call("broadcastSignal({signalName: 's'})");
    sn.eval("CamundaClient.tokenCache = {};");
    call("broadcastSignal({signalName: 's'})");

    camunda.verify(3, postRequestedFor(urlEqualTo("/oauth/token")));
    assertThat(sn.json("sn_scoped_cache.ScopedCacheManager.puts")).isEqualTo("1");
    // expired entries in the shared cache are not used
    sn.eval("CamundaClient.tokenCache = {}; fakeNow += 300000;");
    call("broadcastSignal({signalName: 's'})");
    camunda.verify(4, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void revokedCachedTokenIsReplacedOnceOn401() throws IOException {
    camunda.stubFor(
        post("/oauth/token")
            .inScenario("rotate")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("second")
            .willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"old\",\"expires_in\":300}")));
    camunda.stubFor(
        post("/oauth/token")
            .inScenario("rotate")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"new\",\"expires_in\":300}")));
    camunda.stubFor(
        post("/cluster-1/v2/signals/broadcast")
            .withHeader("Authorization", equalTo("Bearer old"))
            .willReturn(aResponse().withStatus(200).withBody("{\"signalKey\":\"1\"}")));
    call("broadcastSignal({signalName: 's'})");
    camunda.stubFor(
        post("/cluster-1/v2/signals/broadcast")
            .withHeader("Authorization", equalTo("Bearer old"))
            .willReturn(aResponse().withStatus(401).withBody("{\"title\":\"Unauthorized\",\"status\":401}")));
    camunda.stubFor(
        post("/cluster-1/v2/signals/broadcast")
            .withHeader("Authorization", equalTo("Bearer new"))
            .willReturn(aResponse().withStatus(200).withBody("{\"signalKey\":\"2\"}")));

    JsonNode r = call("broadcastSignal({signalName: 's'})");

    assertThat(r.get("success").asBoolean()).isTrue();
    assertThat(r.get("signalKey").asText()).isEqualTo("2");
    camunda.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "400|Bad Request|Property 'name' is required.",
        "404|NOT_FOUND|Expected to find subscription for message with name 'flowDone' and correlation key 'k', but none was found.",
        "409|ALREADY_EXISTS|Expected to publish a new message with id 'm-1', but a message with that id was already published",
        "503|RESOURCE_EXHAUSTED|Expected to handle REST API request, but the broker is out of capacity",
        "504|DEADLINE_EXCEEDED|Expected to handle REST API request, but the request timed out after PT20S"
      })
  void problemResponsesBecomeStructuredFailures(int status, String title, String detail) throws IOException {
    String problem =
        JSON.createObjectNode()
            .put("type", "about:blank")
            .put("title", title)
            .put("status", status)
            .put("detail", detail)
            .put("instance", "/v2/messages/correlation")
            .toString();
    stubJson("/cluster-1/v2/messages/correlation", status, problem);

    JsonNode r = call("correlateMessage({name: 'flowDone', correlationKey: 'k'})");

    assertThat(r.get("success").asBoolean()).isFalse();
    assertThat(r.get("status").asInt()).isEqualTo(status);
    assertThat(r.get("message").asText()).isEqualTo(title);
    assertThat(r.get("detail").asText()).isEqualTo(detail);
    assertThat(r.get("errorType").asText()).isEqualTo("about:blank");
    assertThat(r.get("body").get("instance").asText()).isEqualTo("/v2/messages/correlation");
  }

  @Test
  void connectionFailureBecomesStatusZeroFailure() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    sn.properties.put("x_acme_camunda.auth_type", "none");
    sn.properties.put("x_acme_camunda.base_url", "http://127.0.0.1:" + closedPort);

    JsonNode r = call("publishMessage({name: 'm', correlationKey: 'k'})");

    assertThat(r.get("success").asBoolean()).isFalse();
    assertThat(r.get("status").asInt()).isZero();
    assertThat(r.get("errorType").asText()).isEqualTo("TRANSPORT");
    assertThat(r.get("message").asText()).isEqualTo("Could not reach Camunda");
    assertThat(r.get("detail").asText()).contains("ConnectException").contains("POST /v2/messages/publication");
  }

  @Test
  void rejectedClientCredentialsBecomeAuthenticationFailureWithoutSecret() throws IOException {
    camunda.stubFor(
        post("/oauth/token")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}")));

    JsonNode r = call("broadcastSignal({signalName: 's'})");

    assertThat(r.get("success").asBoolean()).isFalse();
    assertThat(r.get("status").asInt()).isEqualTo(401);
    assertThat(r.get("errorType").asText()).isEqualTo("AUTHENTICATION");
    assertThat(r.get("message").asText()).isEqualTo("Camunda authentication failed: invalid_client");
    assertThat(r.get("detail").asText()).isEqualTo("Invalid client or Invalid client credentials");
    assertThat(r.toString()).doesNotContain("s&cret");
    camunda.verify(0, postRequestedFor(urlEqualTo("/cluster-1/v2/signals/broadcast")));
  }

  @Test
  void basicAuthForCamunda8RunAndNoAuth() throws IOException {
    stubJson("/cluster-1/v2/signals/broadcast", 200, "{\"signalKey\":\"1\"}");
    sn.properties.put("x_acme_camunda.auth_type", "basic");
    sn.properties.put("x_acme_camunda.basic.username", "demo");
    sn.properties.put("x_acme_camunda.basic.password", "demo");
    call("broadcastSignal({signalName: 's'})");
    sn.properties.put("x_acme_camunda.auth_type", "none");
    call("broadcastSignal({signalName: 's'})");

    assertThat(FakeRestMessage.SENT).hasSize(2);
    assertThat(FakeRestMessage.SENT.get(0).headers()).containsEntry("Authorization", "Basic ZGVtbzpkZW1v");
    assertThat(FakeRestMessage.SENT.get(1).headers()).doesNotContainKey("Authorization");
    camunda.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void selfManagedTokenRequestCarriesScopeTimeoutAndMidServer() throws IOException {
    sn.properties.put("x_acme_camunda.oauth.audience", "orchestration-api");
    sn.properties.put("x_acme_camunda.oauth.scope", "openid camunda");
    sn.properties.put("x_acme_camunda.http_timeout_ms", "15000");
    sn.properties.put("x_acme_camunda.mid_server", "mid-dmz-01");
    stubJson("/cluster-1/v2/signals/broadcast", 200, "{\"signalKey\":\"1\"}");

    call("broadcastSignal({signalName: 's'})");

    camunda.verify(
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withRequestBody(
                equalTo(
                    "grant_type=client_credentials&client_id=sn-client&client_secret=s%26cret%3D1"
                        + "&audience=orchestration-api&scope=openid%20camunda")));
    assertThat(FakeRestMessage.SENT).hasSize(2).allSatisfy(s -> {
      assertThat(s.timeoutMs()).isEqualTo(15000);
      assertThat(s.midServer()).isEqualTo("mid-dmz-01");
    });
  }

  @Test
  void invalidInputIsRejectedWithoutAnyRequest() throws IOException {
    assertThat(call("createProcessInstance({variables: '{}'})").get("detail").asText())
        .isEqualTo("Either 'processDefinitionId' or 'processDefinitionKey' is required");
    assertThat(call("createProcessInstance({processDefinitionId: 'p', variables: '[1,2]'})").get("detail").asText())
        .isEqualTo("'variables' must be a JSON object");
    assertThat(call("publishMessage({name: 'm', timeToLive: 'PT1M'})").get("errorType").asText()).isEqualTo("INVALID_INPUT");
    assertThat(call("cancelProcessInstance({processInstanceKey: 'abc'})").get("success").asBoolean()).isFalse();
    assertThat(call("createProcessInstance({processDefinitionId: 'p', operationReference: 'camID'})").get("detail").asText())
        .isEqualTo("'operationReference' must be a positive integer");
    assertThat(FakeRestMessage.SENT).isEmpty();
  }

  @Test
  void flowDesignerValuesArrivingAsJavaObjectsAreUnderstood() throws IOException {
    stubJson("/cluster-1/v2/process-instances", 200, "{\"processInstanceKey\":\"1\"}");

    // Flow Designer may hand over Java strings and booleans rather than JavaScript primitives
    JsonNode r =
        call(
            "createProcessInstance({processDefinitionId: new java.lang.String('p'),"
                + " variables: new java.lang.String('{\"a\":\"b\"}'), awaitCompletion: java.lang.Boolean.TRUE,"
                + " fetchVariables: new java.lang.String('a'), processDefinitionVersion: new java.lang.Integer(4)})");

    assertThat(r.get("success").asBoolean()).isTrue();
    camunda.verify(
        postRequestedFor(urlEqualTo("/cluster-1/v2/process-instances"))
            .withRequestBody(
                equalToJson(
                    "{\"processDefinitionId\":\"p\",\"processDefinitionVersion\":4,\"variables\":{\"a\":\"b\"},"
                        + "\"awaitCompletion\":true,\"fetchVariables\":[\"a\"]}")));
  }

  @Test
  void constructorOverridesTargetASecondClusterWithoutTouchingProperties() throws IOException {
    camunda.stubFor(post("/other/v2/signals/broadcast").willReturn(aResponse().withStatus(200).withBody("{\"signalKey\":\"9\"}")));

    JsonNode r =
        JSON.readTree(
            sn.json(
                "new x_acme_camunda.CamundaClient({base_url: '" + camunda.baseUrl() + "/other', auth_type: 'none',"
                    + " default_tenant_id: 'emea'}).broadcastSignal({signalName: 's'})"));

    assertThat(r.get("signalKey").asText()).isEqualTo("9");
    camunda.verify(
        postRequestedFor(urlEqualTo("/other/v2/signals/broadcast"))
            .withoutHeader("Authorization")
            .withRequestBody(equalToJson("{\"signalName\":\"s\",\"tenantId\":\"emea\"}")));
    camunda.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void missingBaseUrlIsAConfigurationFailure() throws IOException {
    sn.properties.remove("x_acme_camunda.base_url");

    JsonNode r = call("broadcastSignal({signalName: 's'})");

    assertThat(r.get("errorType").asText()).isEqualTo("CONFIGURATION");
    assertThat(FakeRestMessage.SENT).isEmpty();
  }

  @Test
  void actionScriptWritesTypedOutputsAndFailsOnlyWhenAsked() throws IOException {
    stubJson(
        "/cluster-1/v2/process-instances",
        200,
        "{\"processDefinitionId\":\"p\",\"processDefinitionVersion\":2,\"tenantId\":\"<default>\","
            + "\"variables\":{},\"processDefinitionKey\":\"5\",\"processInstanceKey\":\"6\"}");
    sn.eval(
        "var inputs = {process_definition_id: 'p', variables: '{\"x\":1}', await_completion: false, fail_on_error: false};"
            + " var outputs = {};");
    sn.evalFile("sys_hub_action_script/start_process.js");
    JsonNode out = JSON.readTree(sn.json("outputs"));
    assertThat(out.get("success").asBoolean()).isTrue();
    assertThat(out.get("status").asInt()).isEqualTo(200);
    assertThat(out.get("process_instance_key").asText()).isEqualTo("6");
    assertThat(out.get("process_definition_version").asText()).isEqualTo("2");
    assertThat(out.get("error_message").asText()).isEmpty();

    stubJson(
        "/cluster-1/v2/process-instances",
        404,
        "{\"type\":\"about:blank\",\"title\":\"NOT_FOUND\",\"status\":404,\"detail\":\"Expected to find process definition with process ID 'p', but none found\"}");
    sn.eval("inputs.fail_on_error = true; outputs = {};");
    assertThatThrownBy(() -> sn.evalFile("sys_hub_action_script/start_process.js"))
        .isInstanceOf(JavaScriptException.class)
        .hasMessageContaining("Camunda call failed (404): NOT_FOUND");
    out = JSON.readTree(sn.json("outputs"));
    assertThat(out.get("success").asBoolean()).isFalse();
    assertThat(out.get("error_detail").asText()).startsWith("Expected to find process definition");
  }
}
