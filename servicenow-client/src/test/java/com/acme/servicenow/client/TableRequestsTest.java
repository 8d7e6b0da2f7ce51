package com.acme.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.Operator;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.support.WireMockBase;
import com.acme.servicenow.client.table.Caps;
import com.acme.servicenow.client.table.DisplayValue;
import com.acme.servicenow.client.table.Page;
import com.acme.servicenow.client.table.QueryAllResult;
import com.acme.servicenow.client.table.ReadOptions;
import com.acme.servicenow.client.table.WriteOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pins the exact Table API requests: paths, parameter encoding, headers, bodies, paging. */
class TableRequestsTest extends WireMockBase {

  @Test
  void getSendsEveryReadOptionEncodedAndBasicAuth() {
    wm.stubFor(get(urlEqualTo("/api/now/table/incident/" + SYS_ID
            + "?sysparm_fields=number%2Ccaller_id.name&sysparm_display_value=all&sysparm_exclude_reference_link=true"
            + "&sysparm_view=desktop&sysparm_query_no_domain=true"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("Authorization", equalTo("Basic YWRtaW46c2VjcmV0"))
        .willReturn(okJson("{\"result\":{\"number\":\"INC0010001\"}}")));

    Optional<ObjectNode> r = client().table().get("incident", SYS_ID, ReadOptions.builder()
        .fields("number", "caller_id.name").displayValue(DisplayValue.ALL).excludeReferenceLink(true)
        .view("desktop").queryNoDomain(true).build());

    assertThat(r).isPresent();
    assertThat(r.get().get("number").asText()).isEqualTo("INC0010001");
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/now/table/incident/" + SYS_ID))
        .withoutHeader("Cookie"));
  }

  @Test
  void getMissingRecordIsEmpty() {
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident/" + SYS_ID)).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody(errorBody("No Record found", "Record doesn't exist or ACL restricts the record retrieval"))));
    assertThat(client().table().get("incident", SYS_ID, null)).isEmpty();
  }

  @Test
  void structuredQueryIsEncodedStrictly() {
    QuerySpec q = QuerySpec.builder()
        .and("active", "=", true)
        .anyOf(Condition.of("priority", "<=", 2), Condition.of("urgency", "equals", "1"))
        .and("short_description", Operator.CONTAINS, "printer on fire & #1+")
        .and("description", "not like", "x y")
        .and(Condition.in("state", List.of(1, 2)))
        .and(Condition.between("sys_created_on", "2024-01-01 00:00:00", "2024-12-31 23:59:59"))
        .and(Condition.isEmpty("assigned_to"))
        .orderByDesc("sys_created_on")
        .build();
    assertThat(q.encode()).isEqualTo("active=true^priority<=2^ORurgency=1^short_descriptionLIKEprinter on fire & #1+"
        + "^descriptionNOT LIKEx y^stateIN1,2^sys_created_onBETWEEN2024-01-01 00:00:00@2024-12-31 23:59:59"
        + "^assigned_toISEMPTY^ORDERBYDESCsys_created_on");
    wm.stubFor(get(urlEqualTo("/api/now/table/incident?sysparm_query="
            + "active%3Dtrue%5Epriority%3C%3D2%5EORurgency%3D1%5Eshort_descriptionLIKEprinter%20on%20fire%20%26%20%231%2B"
            + "%5EdescriptionNOT%20LIKEx%20y%5EstateIN1%2C2"
            + "%5Esys_created_onBETWEEN2024-01-01%2000%3A00%3A00%402024-12-31%2023%3A59%3A59"
            + "%5Eassigned_toISEMPTY%5EORDERBYDESCsys_created_on"
            + "&sysparm_no_count=true&sysparm_limit=5&sysparm_offset=10"))
        .willReturn(okJson("{\"result\":[{\"number\":\"A\"}]}")));

    Page p = client().table().query("incident", q, ReadOptions.builder().noCount(true).build(), 5, 10);

    assertThat(p.records()).hasSize(1);
    assertThat(p.hasMore()).isFalse();
    assertThat(p.totalCount()).isNull();
  }

  @Test
  void rawEncodedQueryIsSentAsGiven() {
    wm.stubFor(get(urlEqualTo("/api/now/table/incident?sysparm_query=active%3Dtrue%5EORDERBYnumber&sysparm_limit=1&sysparm_offset=0"))
        .willReturn(okJson("{\"result\":[]}").withHeader("X-Total-Count", "0")));
    Page p = client().table().query("incident", QuerySpec.rawEncodedQuery("active=true^ORDERBYnumber"), null, 1, 0);
    assertThat(p.records()).isEmpty();
    assertThat(p.totalCount()).isZero();
  }

  private static String rec(int i) {
    return "{\"sys_id\":\"" + String.format("%032x", i) + "\",\"number\":\"INC" + i + "\"}";
  }

  @Test
  void queryAllFollowsLinkVariantAThroughShortAndEmptyPagesWithStableOrder() {
    String base = wm.baseUrl() + "/api/now/table/incident?sysparm_query=active%3Dtrue%5EORDERBYsys_id&sysparm_limit=3";
    String q = "/api/now/table/incident?sysparm_query=active%3Dtrue%5EORDERBYsys_id&sysparm_limit=3&sysparm_offset=";
    // limit applies before ACLs: page 1 is short, page 2 empty, page 3 has the rest
    wm.stubFor(get(urlEqualTo(q + "0")).willReturn(okJson("{\"result\":[" + rec(1) + "," + rec(2) + "]}")
        .withHeader("X-Total-Count", "7")
        .withHeader("Link", "<" + base + "&sysparm_offset=0>;rel=\"first\",<" + base + "&sysparm_offset=-1>;rel=\"prev\",<"
            + base + "&sysparm_offset=3>;rel=\"next\",<" + base + "&sysparm_offset=6>;rel=\"last\"")));
    wm.stubFor(get(urlEqualTo(q + "3")).willReturn(okJson("{\"result\":[]}")
        .withHeader("X-Total-Count", "7")
        .withHeader("Link", "<" + base + "&sysparm_offset=0>;rel=\"first\",<" + base + "&sysparm_offset=0>;rel=\"prev\",<"
            + base + "&sysparm_offset=6>;rel=\"next\",<" + base + "&sysparm_offset=6>;rel=\"last\"")));
    wm.stubFor(get(urlEqualTo(q + "6")).willReturn(okJson("{\"result\":[" + rec(7) + "]}")
        .withHeader("X-Total-Count", "7")
        .withHeader("Link", "<" + base + "&sysparm_offset=0>;rel=\"first\",<" + base + "&sysparm_offset=3>;rel=\"prev\",<"
            + base + "&sysparm_offset=6>;rel=\"last\"")));

    QueryAllResult r = client().table().queryAll("incident", QuerySpec.where(Condition.eq("active", "true")), null,
        Caps.of(100, 100_000, 3));

    assertThat(r.records()).extracting(n -> n.get("number").asText()).containsExactly("INC1", "INC2", "INC7");
    assertThat(r.pages()).isEqualTo(3);
    assertThat(r.totalCount()).isEqualTo(7);
    assertThat(r.bytes()).isGreaterThan(0);
  }

  @Test
  void queryAllLinkVariantBWithoutHeaderOnSinglePage() {
    wm.stubFor(get(urlEqualTo("/api/now/table/incident?sysparm_query=ORDERBYsys_id&sysparm_limit=10&sysparm_offset=0"))
        .willReturn(okJson("{\"result\":[" + rec(1) + "]}").withHeader("X-Total-Count", "1")));
    QueryAllResult r = client().table().queryAll("incident", QuerySpec.all(), null, Caps.of(100, 100_000, 10));
    assertThat(r.records()).hasSize(1);
    assertThat(r.pages()).isEqualTo(1);
  }

  @Test
  void queryAllVariantBMultiPageAndCallerOrderKeepsTieBreaker() {
    String q = "/api/now/table/incident?sysparm_query=ORDERBYnumber%5EORDERBYsys_id&sysparm_limit=2&sysparm_offset=";
    String base = "/api/now/table/incident?sysparm_query=ORDERBYnumber%5EORDERBYsys_id&sysparm_limit=2";
    wm.stubFor(get(urlEqualTo(q + "0")).willReturn(okJson("{\"result\":[" + rec(1) + "," + rec(2) + "]}")
        .withHeader("X-Total-Count", "3")
        .withHeader("Link", "<" + base + "&sysparm_offset=0>;rel=\"first\",<" + base + "&sysparm_offset=2>;rel=\"next\",<"
            + base + "&sysparm_offset=2>;rel=\"last\"")));
    wm.stubFor(get(urlEqualTo(q + "2")).willReturn(okJson("{\"result\":[" + rec(3) + "]}")
        .withHeader("X-Total-Count", "3")
        .withHeader("Link", "<" + base + "&sysparm_offset=0>;rel=\"first\",<" + base + "&sysparm_offset=0>;rel=\"prev\",<"
            + base + "&sysparm_offset=2>;rel=\"last\"")));
    QueryAllResult r = client().table().queryAll("incident", QuerySpec.all().orderBy("number", false), null,
        Caps.of(100, 100_000, 2));
    assertThat(r.records()).hasSize(3);
  }

  @Test
  void queryAllStopsAtTotalCountEvenIfANextLinkIsPresent() {
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident")).withQueryParam("sysparm_offset", equalTo("0"))
        .willReturn(okJson("{\"result\":[" + rec(1) + "," + rec(2) + "]}").withHeader("X-Total-Count", "2")
            .withHeader("Link", "</api/now/table/incident?sysparm_limit=2&sysparm_offset=2>;rel=\"next\"")));
    QueryAllResult r = client().table().queryAll("incident", null, null, Caps.of(100, 100_000, 2));
    assertThat(r.records()).hasSize(2);
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/now/table/incident")));
  }

  @Test
  void queryAllHalvesThePageSizeWhenTheTransactionQuotaCutsAPageOff() {
    String truncated = "{\"result\":[" + rec(1) + ",{\"sys_id\":\"x\",\"error\": {\"message\": \"Transaction cancelled: "
        + "maximum execution time exceeded\",\"detail\": \"Transaction cancelled\"},\"status\": \"failure\"}";
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident")).withQueryParam("sysparm_limit", equalTo("100"))
        .willReturn(okJson(truncated)));
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident")).withQueryParam("sysparm_limit", equalTo("50"))
        .willReturn(okJson("{\"result\":[" + rec(1) + "," + rec(2) + "]}").withHeader("X-Total-Count", "2")));
    QueryAllResult r = client().table().queryAll("incident", null, null, Caps.of(1000, 1_000_000, 100));
    assertThat(r.records()).hasSize(2);
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/now/table/incident")).withQueryParam("sysparm_limit", equalTo("100")));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/now/table/incident")).withQueryParam("sysparm_limit", equalTo("50")));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void queryAllNeverSendsNoCountAndEndsOnAnEmptyPageWhenNothingElseTells() {
    String next = "</api/now/table/incident?sysparm_limit=2&sysparm_offset=99>;rel=\"next\"";
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident")).withQueryParam("sysparm_offset", equalTo("0"))
        .willReturn(okJson("{\"result\":[" + rec(1) + "," + rec(2) + "]}").withHeader("Link",
            "</api/now/table/incident?sysparm_limit=2&sysparm_offset=2>;rel=\"next\"")));
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident")).withQueryParam("sysparm_offset", equalTo("2"))
        .willReturn(okJson("{\"result\":[]}").withHeader("Link", next.replace("99", "4"))));
    QueryAllResult r = client().table().queryAll("incident", null, ReadOptions.builder().noCount(true).build(),
        Caps.of(100, 100_000, 2));
    assertThat(r.records()).hasSize(2);
    wm.verify(2, getRequestedFor(urlPathEqualTo("/api/now/table/incident")).withQueryParam("sysparm_no_count", absent()));
  }

  @Test
  void queryAllRecordCapFailsClearly() {
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident"))
        .willReturn(okJson("{\"result\":[" + rec(1) + "," + rec(2) + "," + rec(3) + "]}").withHeader("X-Total-Count", "3")));
    assertThatThrownBy(() -> client().table().queryAll("incident", null, null, Caps.of(2, 100_000, 10)))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_RESULT_TOO_LARGE);
          assertThat(e.getMessage()).contains("more than 2 records");
          assertThat(e.retryable()).isFalse();
        });
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/now/table/incident")));
  }

  @Test
  void queryAllByteCapFailsClearly() {
    String big = "{\"sys_id\":\"x\",\"description\":\"" + "a".repeat(5000) + "\"}";
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident"))
        .willReturn(okJson("{\"result\":[" + big + "," + big + "]}").withHeader("X-Total-Count", "2")));
    assertThatThrownBy(() -> client().table().queryAll("incident", null, null, Caps.of(100, 8000, 10)))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_RESULT_TOO_LARGE);
          assertThat(e.getMessage()).contains("8000 bytes");
        });
  }

  @Test
  void createPostsJsonWithWriteOptions() {
    wm.stubFor(post(urlEqualTo("/api/now/table/incident?sysparm_fields=number%2Csys_id&sysparm_display_value=true"
            + "&sysparm_exclude_reference_link=true&sysparm_input_display_value=true&sysparm_suppress_auto_sys_field=true"))
        .withHeader("Content-Type", containing("application/json"))
        .withHeader("Accept", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"short_description\":\"Printer on fire\",\"impact\":\"1\",\"urgency\":2}"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withHeader("Location", wm.baseUrl() + "/api/now/table/incident/" + SYS_ID)
            .withBody("{\"result\":{\"sys_id\":\"" + SYS_ID + "\",\"number\":\"INC0010002\"}}")));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("short_description", "Printer on fire");
    fields.put("impact", "1");
    fields.put("urgency", 2);
    ObjectNode r = client().table().create("incident", fields, WriteOptions.builder().fields("number", "sys_id")
        .displayValue(DisplayValue.TRUE).excludeReferenceLink(true).inputDisplayValue(true).suppressAutoSysField(true)
        .build());
    assertThat(r.get("number").asText()).isEqualTo("INC0010002");
  }

  @Test
  void updatePatchesReplacePutsDeleteDeletes() {
    String path = "/api/now/table/incident/" + SYS_ID;
    wm.stubFor(patch(urlEqualTo(path)).withRequestBody(equalToJson("{\"state\":\"2\"}"))
        .willReturn(okJson("{\"result\":{\"state\":\"2\"}}")));
    wm.stubFor(put(urlEqualTo(path)).withRequestBody(equalToJson("{\"state\":\"3\"}"))
        .willReturn(okJson("{\"result\":{\"state\":\"3\"}}")));
    wm.stubFor(delete(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
    ServiceNowClient c = client();
    assertThat(c.table().update("incident", SYS_ID, Map.of("state", "2"), null).get("state").asText()).isEqualTo("2");
    assertThat(c.table().replace("incident", SYS_ID, Map.of("state", "3"), null).get("state").asText()).isEqualTo("3");
    c.table().delete("incident", SYS_ID);
    wm.verify(1, patchRequestedFor(urlEqualTo(path)));
    wm.verify(1, putRequestedFor(urlEqualTo(path)));
    wm.verify(1, deleteRequestedFor(urlEqualTo(path)).withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void deleteOfMissingRecordIsNotFound() {
    wm.stubFor(delete(urlPathEqualTo("/api/now/table/incident/" + SYS_ID)).willReturn(aResponse().withStatus(404)
        .withHeader("X-Transaction-ID", "79aee3f52fa2")
        .withBody(errorBody("No Record found", "Record doesn't exist or ACL restricts the record retrieval"))));
    assertThatThrownBy(() -> client().table().delete("incident", SYS_ID))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_NOT_FOUND);
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.transactionId()).isEqualTo("79aee3f52fa2");
          assertThat(e.serviceNowMessage()).isEqualTo("No Record found");
        });
  }
}
