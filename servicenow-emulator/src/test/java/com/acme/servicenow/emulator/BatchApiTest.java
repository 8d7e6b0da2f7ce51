package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Batch API (reference A2.4). */
class BatchApiTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b.seed("demo"));

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(JsonNode item) {
    return new String(Base64.getDecoder().decode(item.get("body").asText()), StandardCharsets.UTF_8);
  }

  @Test
  void itemsRunInOrderAsTheCaller() throws Exception {
    String body = "{\"batch_request_id\":\"1\",\"rest_requests\":["
        + "{\"id\":\"11\",\"method\":\"GET\",\"url\":\"/api/now/table/incident?sysparm_limit=1&sysparm_fields=number\","
        + "\"headers\":[{\"name\":\"Accept\",\"value\":\"application/json\"}],\"exclude_response_headers\":true},"
        + "{\"id\":\"12\",\"method\":\"POST\",\"url\":\"/api/now/table/incident\",\"headers\":[{\"name\":\"Content-Type\","
        + "\"value\":\"application/json\"}],\"body\":\"" + b64("{\"short_description\":\"batched\"}") + "\"},"
        + "{\"id\":\"13\",\"method\":\"GET\",\"url\":\"/api/now/table/nope\",\"exclude_response_headers\":true}]}";
    Http.Response r = new Http(sn.baseUrl()).post("/api/now/v1/batch", body);
    assertThat(r.status()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("batch_request_id").asText()).isEqualTo("1");
    assertThat(json.get("unserviced_requests")).isEmpty();
    JsonNode items = json.get("serviced_requests");
    assertThat(items).hasSize(3);
    assertThat(items.get(0).get("status_code").asInt()).isEqualTo(200);
    assertThat(items.get(0).get("headers")).isEmpty();
    assertThat(decode(items.get(0))).isEqualTo("{\"result\":[{\"number\":\"INC0000001\"}]}");
    assertThat(items.get(1).get("status_code").asInt()).isEqualTo(201);
    assertThat(items.get(1).get("status_text").asText()).isEqualTo("Created");
    assertThat(items.get(1).get("headers").findValuesAsText("name")).contains("Location");
    assertThat(Http.MAPPER.readTree(decode(items.get(1))).get("result").get("sys_created_by").asText())
        .isEqualTo("admin");
    assertThat(items.get(2).get("status_code").asInt()).isEqualTo(400);
    assertThat(decode(items.get(2))).isEqualTo(ErrorEnvelopeTest.envelope("Invalid table nope", null));
    assertThat(sn.emulator().records().find("incident", "short_description=batched")).hasSize(1);
  }

  @Test
  void batchNeedsAuthentication() {
    assertThat(new Http(sn.baseUrl()).anonymous().post("/api/now/v1/batch", "{\"rest_requests\":[]}").status())
        .isEqualTo(401);
  }
}
