package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Point 7: incident numbers, priority lookup, state model, data policy, sys_choice rows (reference A6). */
class IncidentRulesTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b
      .clock(EmulatorClock.fixed(Instant.parse("2026-03-01T10:00:00Z"))));

  private Http http;

  @BeforeEach
  void setUp() {
    sn.emulator().reset();
    sn.emulator().clock().set(Instant.parse("2026-03-01T10:00:00Z"));
    http = new Http(sn.baseUrl());
  }

  private String create(String json) {
    Http.Response r = http.post("/api/now/table/incident?sysparm_exclude_reference_link=true", json);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.result().get("sys_id").asText();
  }

  private JsonNode patch(String id, String json) {
    return http.patch("/api/now/table/incident/" + id + "?sysparm_exclude_reference_link=true", json).result();
  }

  @Test
  void numbersAndDefaults() {
    JsonNode first = http.get("/api/now/table/incident/" + create("{\"short_description\":\"a\"}")).result();
    assertThat(first.get("number").asText()).isEqualTo("INC0010001");
    assertThat(first.get("state").asText()).isEqualTo("1");
    assertThat(first.get("active").asText()).isEqualTo("true");
    assertThat(first.get("impact").asText()).isEqualTo("3");
    assertThat(first.get("urgency").asText()).isEqualTo("3");
    assertThat(first.get("priority").asText()).isEqualTo("5");
    assertThat(first.get("opened_at").asText()).isEqualTo("2026-03-01 10:00:00");
    assertThat(first.get("sys_created_on").asText()).isEqualTo("2026-03-01 10:00:00");
    JsonNode second = http.get("/api/now/table/incident/" + create("{}")).result();
    assertThat(second.get("number").asText()).isEqualTo("INC0010002");
  }

  @ParameterizedTest(name = "impact {0} × urgency {1} → priority {2}")
  @CsvSource({"1,1,1", "1,2,2", "1,3,3", "2,1,2", "2,2,3", "2,3,4", "3,1,3", "3,2,4", "3,3,5"})
  void priorityLookupOverwritesClientValue(String impact, String urgency, String priority) {
    String id = create("{\"impact\":\"" + impact + "\",\"urgency\":\"" + urgency + "\",\"priority\":\"1\"}");
    assertThat(sn.emulator().records().get("incident", id).orElseThrow().get("priority")).isEqualTo(priority);
  }

  @Test
  void priorityFollowsImpactChanges() {
    String id = create("{\"impact\":\"3\",\"urgency\":\"1\"}");
    assertThat(patch(id, "{\"impact\":\"1\"}").get("priority").asText()).isEqualTo("1");
  }

  @Test
  void resolvingWithoutCloseFieldsIsRejectedByTheDataPolicy() {
    String id = create("{\"short_description\":\"x\"}");
    Http.Response r = http.patch("/api/now/table/incident/" + id, "{\"state\":\"6\"}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).isEqualTo(ErrorEnvelopeTest.envelope("Operation Failed",
        "Data Policy Exception: The following fields are mandatory: Resolution code, Resolution notes"));
    Http.Response partial = http.patch("/api/now/table/incident/" + id, "{\"state\":\"6\",\"close_code\":\"Duplicate\"}");
    assertThat(partial.status()).isEqualTo(403);
    assertThat(partial.json().get("error").get("detail").asText())
        .isEqualTo("Data Policy Exception: The following fields are mandatory: Resolution notes");
    assertThat(sn.emulator().records().get("incident", id).orElseThrow().get("state")).isEqualTo("1");
    assertThat(http.post("/api/now/table/incident", "{\"state\":\"7\"}").status()).isEqualTo(403);
  }

  @Test
  void resolveCloseAndReopenStampTheFields() {
    String id = create("{\"short_description\":\"x\"}");
    sn.emulator().clock().advance(Duration.ofHours(1));
    JsonNode resolved = patch(id, "{\"state\":\"6\",\"close_code\":\"Solution provided\",\"close_notes\":\"fixed\"}");
    assertThat(resolved.get("resolved_at").asText()).isEqualTo("2026-03-01 11:00:00");
    assertThat(resolved.get("resolved_by").asText()).isEqualTo("6816f79cc0a8016401c5a33be04be441");
    assertThat(resolved.get("active").asText()).isEqualTo("true");
    assertThat(resolved.get("incident_state").asText()).isEqualTo("6");
    assertThat(resolved.get("closed_at").asText()).isEmpty();

    JsonNode reopened = patch(id, "{\"state\":\"2\"}");
    assertThat(reopened.get("resolved_at").asText()).isEmpty();
    assertThat(reopened.get("reopen_count").asText()).isEqualTo("1");

    patch(id, "{\"state\":\"6\"}");
    sn.emulator().clock().advance(Duration.ofDays(1));
    JsonNode closed = patch(id, "{\"state\":\"7\"}");
    assertThat(closed.get("closed_at").asText()).isEqualTo("2026-03-02 11:00:00");
    assertThat(closed.get("closed_by").asText()).isEqualTo("6816f79cc0a8016401c5a33be04be441");
    assertThat(closed.get("active").asText()).isEqualTo("false");
  }

  @Test
  void canceledIsInactiveAndLeavingOnHoldClearsTheReason() {
    String id = create("{\"state\":\"3\",\"hold_reason\":\"1\"}");
    assertThat(sn.emulator().records().get("incident", id).orElseThrow().get("hold_reason")).isEqualTo("1");
    assertThat(patch(id, "{\"state\":\"2\"}").get("hold_reason").asText()).isEmpty();
    assertThat(patch(id, "{\"state\":\"8\"}").get("active").asText()).isEqualTo("false");
  }

  @Test
  void choiceRowsForStateCloseCodeAndHoldReason() {
    JsonNode states = http.get("/api/now/table/sys_choice?sysparm_query="
        + Http.q("name=incident^element=state^ORDERBYsequence") + "&sysparm_fields=value,label").result();
    assertThat(states.findValuesAsText("value")).containsExactly("1", "2", "3", "6", "7", "8");
    assertThat(states.findValuesAsText("label"))
        .containsExactly("New", "In Progress", "On Hold", "Resolved", "Closed", "Canceled");
    JsonNode closeCodes = http.get("/api/now/table/sys_choice?sysparm_query="
        + Http.q("name=incident^element=close_code^inactive=false") + "&sysparm_fields=value").result();
    assertThat(closeCodes.findValuesAsText("value")).contains("Solution provided", "Duplicate", "Resolved by caller");
    JsonNode hold = http.get("/api/now/table/sys_choice?sysparm_query="
        + Http.q("name=incident^element=hold_reason") + "&sysparm_fields=value,label").result();
    assertThat(hold.findValuesAsText("label"))
        .containsExactly("Awaiting Caller", "Awaiting Problem", "Awaiting Vendor", "Awaiting Change");
  }
}
