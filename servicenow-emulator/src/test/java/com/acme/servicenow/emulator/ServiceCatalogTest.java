package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Service Catalog order_now (reference A2.5). */
class ServiceCatalogTest {

  static final String ITEM = "0123456789abcdef0123456789abcdef";

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b
      .catalogItem(ITEM, "New VM").user("ann", "pw", "itil"));

  private Http http;

  @BeforeEach
  void setUp() {
    sn.emulator().reset();
    http = new Http(sn.baseUrl());
  }

  @Test
  void orderNowCreatesRequestAndRequestedItem() {
    Http.Response r = http.post("/api/sn_sc/servicecatalog/items/" + ITEM + "/order_now",
        "{\"sysparm_quantity\":\"2\",\"variables\":{\"cpu\":\"4\",\"os\":\"linux\"}}");
    assertThat(r.status()).isEqualTo(200);
    JsonNode result = r.result();
    String reqId = result.get("sys_id").asText();
    assertThat(result.toString()).isEqualTo("{\"sys_id\":\"" + reqId + "\",\"number\":\"REQ0010001\","
        + "\"request_number\":\"REQ0010001\",\"request_id\":\"" + reqId + "\",\"table\":\"sc_request\"}");
    Map<String, String> req = sn.emulator().records().get("sc_request", reqId).orElseThrow();
    assertThat(req.get("requested_for")).isEqualTo("6816f79cc0a8016401c5a33be04be441");
    Map<String, String> ritm = sn.emulator().records().find("sc_req_item", "request=" + reqId).get(0);
    assertThat(ritm.get("number")).isEqualTo("RITM0010001");
    assertThat(ritm.get("cat_item")).isEqualTo(ITEM);
    assertThat(ritm.get("quantity")).isEqualTo("2");
    assertThat(ritm.get("variables")).contains("\"cpu\":\"4\"");

    // pollable like a real request: RITMs by request through the Table API
    JsonNode items = http.get("/api/now/table/sc_req_item?sysparm_query=request%3D" + reqId
        + "&sysparm_fields=number,stage,approval,cat_item.name").result();
    assertThat(items.get(0).get("cat_item.name").asText()).isEqualTo("New VM");

    Http.Response second = new Http(sn.baseUrl()).basic("ann", "pw")
        .post("/api/sn_sc/servicecatalog/items/" + ITEM + "/order_now", "{\"sysparm_quantity\":1}");
    assertThat(second.result().get("number").asText()).isEqualTo("REQ0010002");
    assertThat(sn.emulator().records().get("sc_request", second.result().get("sys_id").asText()).orElseThrow()
        .get("requested_for")).isEqualTo(sn.emulator().records().find("sys_user", "user_name=ann").get(0).get("sys_id"));
  }

  @Test
  void unknownItemAndInvalidQuantity() {
    Http.Response unknown = http.post("/api/sn_sc/servicecatalog/items/ffffffffffffffffffffffffffffffff/order_now",
        "{\"sysparm_quantity\":\"1\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo(ErrorEnvelopeTest.envelope("Catalog item not found",
        "No active catalog item with sys_id 'ffffffffffffffffffffffffffffffff' exists"));
    Http.Response zero = http.post("/api/sn_sc/servicecatalog/items/" + ITEM + "/order_now", "{\"sysparm_quantity\":0}");
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.json().get("error").get("message").asText()).isEqualTo("Invalid quantity");
    assertThat(sn.emulator().records().count("sc_request")).isZero();
  }

  @Test
  void itemsCanBeListedAndRead() {
    assertThat(http.get("/api/sn_sc/servicecatalog/items").result().findValuesAsText("name")).contains("New VM");
    assertThat(http.get("/api/sn_sc/servicecatalog/items/" + ITEM).result().get("name").asText()).isEqualTo("New VM");
  }

  @Test
  void demoSeedHasAnOrderableItem() {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().seed("demo").start()) {
      Http.Response r = new Http(e.baseUrl()).post("/api/sn_sc/servicecatalog/items/"
          + "04b7e94b4f7b4200086eeed18110c7fd/order_now", "{\"sysparm_quantity\":\"1\"}");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.result().get("number").asText()).isEqualTo("REQ0010001");
    }
  }
}
