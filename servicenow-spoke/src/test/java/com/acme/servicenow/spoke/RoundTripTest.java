package com.acme.servicenow.spoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The documented round trip: Camunda starts a flow through the flow API, passing a correlation
 * value; the flow ends with the "Publish Camunda Message" action, which publishes a buffered
 * message with that correlation key back to Camunda (basic auth, as against Camunda 8 Run).
 */
class RoundTripTest {

  @RegisterExtension
  static WireMockExtension camunda = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void flowStartedByCamundaPublishesItsResultBack() throws Exception {
    ObjectMapper json = new ObjectMapper();
    camunda.stubFor(
        post("/v2/messages/publication")
            .willReturn(aResponse().withStatus(200).withBody("{\"tenantId\":\"<default>\",\"messageKey\":\"2251799813690001\"}")));
    try (ServiceNowRuntime sn = new ServiceNowRuntime()) {
      sn.properties.put("x_acme_camunda.base_url", camunda.baseUrl());
      sn.properties.put("x_acme_camunda.auth_type", "basic");
      sn.properties.put("x_acme_camunda.basic.username", "demo");
      sn.properties.put("x_acme_camunda.basic.password", "demo");
      sn.eval("FlowStandIn.flows['global.provision_laptop'] = {type: 'flow', finalState: 'COMPLETE'};");

      // 1. Camunda (the flow connector) calls POST /api/x_acme_camunda/flow/v1/start
      sn.eval(
          "var request = new FakeRequest('{\"type\":\"flow\",\"name\":\"global.provision_laptop\","
              + "\"inputs\":{\"correlation_key\":\"cam-id-42\",\"user\":\"abel.tuter\"}}', {});"
              + " var response = new FakeResponse();");
      sn.evalFile("sys_ws_operation/start.js");
      JsonNode started = json.readTree(sn.eval("response.render()").toString());
      assertThat(started.get("status").asInt()).isEqualTo(201);
      String contextId = started.get("body").get("result").get("contextId").asText();

      // 2. The flow's last step: the Publish Camunda Message action with the flow's inputs
      sn.eval(
          "var flowInputs = FlowStandIn.runs[0].inputs;"
              + " var inputs = {message_name: 'laptopProvisioned', correlation_key: flowInputs.correlation_key,"
              + " time_to_live_ms: 3600000, message_id: '" + contextId + "',"
              + " variables: JSON.stringify({assetTag: 'P1000123', user: flowInputs.user}), fail_on_error: true};"
              + " var outputs = {};");
      sn.evalFile("sys_hub_action_script/publish_message.js");

      JsonNode outputs = json.readTree(sn.json("outputs"));
      assertThat(outputs.get("success").asBoolean()).isTrue();
      assertThat(outputs.get("message_key").asText()).isEqualTo("2251799813690001");
      camunda.verify(
          postRequestedFor(urlEqualTo("/v2/messages/publication"))
              .withHeader("Authorization", equalTo("Basic ZGVtbzpkZW1v"))
              .withRequestBody(
                  equalToJson(
                      "{\"name\":\"laptopProvisioned\",\"correlationKey\":\"cam-id-42\",\"timeToLive\":3600000,"
                          + "\"messageId\":\"" + contextId + "\",\"variables\":{\"assetTag\":\"P1000123\",\"user\":\"abel.tuter\"}}")));
    }
  }
}
