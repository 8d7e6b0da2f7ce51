package com.acme.servicenow.connector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.harness.JobOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Service Catalog order_now against the emulator, through the template and the runtime. */
class OrderCatalogItemTest extends FlowConnectorTestSupport {

  /** "Standard Laptop" of the emulator's demo seed. */
  static final String LAPTOP = "04b7e94b4f7b4200086eeed18110c7fd";

  @Test
  void ordersThroughTheTemplateAndReturnsRequestAndItems() {
    JobOutcome outcome = run(invocation()
        .set("operation.type", "orderCatalogItem")
        .set("operation.catalogItemSysId", LAPTOP)
        .set("operation.catalogQuantity", "2")
        .set("operation.catalogVariables", "={replacement: \"Yes\", ram: ramGb, accessories: [\"dock\", \"bag\"]}")
        .processVariable("ramGb", 16)
        .set("resultExpression", "={requestNumber: response.requestNumber, ritm: response.requestItems[1].number}")
        .toJobRequest());

    Map<String, Object> variables = outcome.asCompleted().variables();
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) variables.get("serviceNowFlow");
    String requestSysId = (String) result.get("requestSysId");
    assertThat(requestSysId).matches("[0-9a-f]{32}");
    assertThat((String) variables.get("requestNumber")).startsWith("REQ").isEqualTo(result.get("requestNumber"));
    assertThat((String) variables.get("ritm")).startsWith("RITM");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) result.get("requestItems");
    assertThat(items).singleElement().satisfies(item -> assertThat(item)
        .containsEntry("catalogItem", LAPTOP)
        .containsEntry("quantity", "2")
        .containsEntry("number", variables.get("ritm")));
    assertThat(result).doesNotContainKey("requestItemsError");

    // what ServiceNow received: quantity and the variables as catalog variables (text; lists as comma lists)
    RecordedRequest order = emulator().journal().all().get(0);
    assertThat(order.method()).isEqualTo("POST");
    assertThat(order.path()).isEqualTo("/api/sn_sc/servicecatalog/items/" + LAPTOP + "/order_now");
    assertThat(order.body()).contains("\"sysparm_quantity\":2", "\"ram\":\"16\"", "\"accessories\":\"dock,bag\"");
    Map<String, String> ritm = emulator().records().find("sc_req_item", "request=" + requestSysId).get(0);
    assertThat(ritm.get("variables")).contains("\"replacement\":\"Yes\"");
  }

  @Test
  void unknownItemIsNotFoundAndNotRetriedByTheClient() {
    JobOutcome.Failed failed = run(job(Map.of("type", "orderCatalogItem", "itemSysId", "a".repeat(32))).build())
        .asFailed();

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_NOT_FOUND");
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) error(failed).get("variables");
    assertThat(vars).containsEntry("httpStatus", 404).containsEntry("serviceNowMessage", "Catalog item not found");
    assertThat(failed.retries()).isEqualTo(2);
    assertThat(emulator().journal().count("POST", "/api/sn_sc/")).isEqualTo(1);
  }

  /** Once the order is placed, failing the job would make a retry order a second time. */
  @Test
  void unreadableItemsDoNotFailAPlacedOrder() {
    emulator().faults().add(FaultRule.on("GET", "/api/now/table/sc_req_item").respond(403,
        "{\"error\":{\"message\":\"User Not Authorized\",\"detail\":\"ACL\"},\"status\":\"failure\"}", Map.of()));
    int before = emulator().records().count("sc_request");

    JobOutcome outcome = run(job(Map.of("type", "orderCatalogItem", "itemSysId", LAPTOP)).build());

    Map<String, Object> result = result(outcome);
    assertThat((String) result.get("requestNumber")).startsWith("REQ");
    assertThat(result).doesNotContainKey("requestItems");
    assertThat((String) result.get("requestItemsError")).contains("SERVICENOW", "403").doesNotContain(PASSWORD);
    assertThat(emulator().records().count("sc_request")).isEqualTo(before + 1);
  }
}
