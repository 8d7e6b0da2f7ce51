package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Aggregate API {@code /api/now/stats/{table}} (reference A2.2). */
class AggregateApiTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b.seed("demo"));

  private static Http http;

  @BeforeAll
  static void setUp() {
    http = new Http(sn.baseUrl());
  }

  @Test
  void countOnly() {
    assertThat(http.get("/api/now/stats/incident?sysparm_count=true").body())
        .isEqualTo("{\"result\":{\"stats\":{\"count\":\"8\"}}}");
    assertThat(http.get("/api/now/stats/incident?sysparm_count=true&sysparm_query=" + Http.q("active=true^priority<=2"))
        .body()).isEqualTo("{\"result\":{\"stats\":{\"count\":\"4\"}}}");
    assertThat(http.get("/api/now/stats/incident?sysparm_count=true&priority=1").body())
        .isEqualTo("{\"result\":{\"stats\":{\"count\":\"2\"}}}");
  }

  @Test
  void groupByWithDisplayValues() {
    JsonNode r = http.get("/api/now/stats/incident?sysparm_count=true&sysparm_group_by=priority").result();
    assertThat(r).hasSize(5);
    assertThat(r.get(0).toString())
        .isEqualTo("{\"stats\":{\"count\":\"2\"},\"groupby_fields\":[{\"field\":\"priority\",\"value\":\"1\"}]}");
    JsonNode d = http.get("/api/now/stats/incident?sysparm_count=true&sysparm_group_by=priority"
        + "&sysparm_display_value=true").result();
    assertThat(d.get(0).get("groupby_fields").get(0).toString())
        .isEqualTo("{\"field\":\"priority\",\"value\":\"1\",\"display_value\":\"1 - Critical\"}");
    JsonNode byGroup = http.get("/api/now/stats/incident?sysparm_count=true&sysparm_group_by=assignment_group"
        + "&sysparm_display_value=true&sysparm_query=" + Http.q("assignment_group.name=Network")).result();
    assertThat(byGroup.get(0).get("groupby_fields").get(0).get("display_value").asText()).isEqualTo("Network");
    assertThat(byGroup.get(0).get("stats").get("count").asText()).isEqualTo("2");
  }

  @Test
  void avgSumMinMaxHavingAndOrder() {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().start()) {
      e.records().insert("incident", Map.of("impact", "1", "urgency", "1", "reassignment_count", "1"));
      e.records().insert("incident", Map.of("impact", "1", "urgency", "1", "reassignment_count", "2"));
      e.records().insert("incident", Map.of("impact", "3", "urgency", "3", "reassignment_count", "4"));
      Http h = new Http(e.baseUrl());
      JsonNode all = h.get("/api/now/stats/incident?sysparm_avg_fields=reassignment_count"
          + "&sysparm_sum_fields=reassignment_count&sysparm_min_fields=reassignment_count"
          + "&sysparm_max_fields=reassignment_count&sysparm_count=true").result().get("stats");
      assertThat(all.toString()).isEqualTo("{\"avg\":{\"reassignment_count\":\"2.3333\"},"
          + "\"min\":{\"reassignment_count\":\"1\"},\"max\":{\"reassignment_count\":\"4\"},"
          + "\"sum\":{\"reassignment_count\":\"7\"},\"count\":\"3\"}");

      JsonNode grouped = h.get("/api/now/stats/incident?sysparm_avg_fields=reassignment_count&sysparm_count=true"
          + "&sysparm_group_by=priority").result();
      assertThat(grouped.get(0).get("stats").toString())
          .isEqualTo("{\"avg\":{\"reassignment_count\":\"1.5000\"},\"count\":\"2\"}");
      assertThat(grouped.get(1).get("stats").get("avg").get("reassignment_count").asText()).isEqualTo("4.0000");

      JsonNode having = h.get("/api/now/stats/incident?sysparm_count=true&sysparm_group_by=priority"
          + "&sysparm_having=" + Http.q("count^*^>^1")).result();
      assertThat(having).hasSize(1);
      assertThat(having.get(0).get("groupby_fields").get(0).get("value").asText()).isEqualTo("1");

      JsonNode ordered = h.get("/api/now/stats/incident?sysparm_avg_fields=reassignment_count&sysparm_group_by=priority"
          + "&sysparm_order_by=" + Http.q("AVG^reassignment_count^DESC")).result();
      assertThat(ordered.get(0).get("groupby_fields").get(0).get("value").asText()).isEqualTo("5");
      JsonNode byCount = h.get("/api/now/stats/incident?sysparm_count=true&sysparm_group_by=priority"
          + "&sysparm_order_by=COUNT").result();
      assertThat(byCount.get(0).get("stats").get("count").asText()).isEqualTo("1");
    }
  }

  @Test
  void errors() {
    assertThat(http.get("/api/now/stats/foo?sysparm_count=true").body())
        .isEqualTo(ErrorEnvelopeTest.envelope("Invalid table foo", null));
    assertThat(new Http(sn.baseUrl()).anonymous().get("/api/now/stats/incident").status()).isEqualTo(401);
  }
}
