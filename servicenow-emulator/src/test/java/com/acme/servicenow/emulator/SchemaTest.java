package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every table the issue names exists, with its key columns and the system columns; unknown tables are 400. */
class SchemaTest {

  @ParameterizedTest
  @ValueSource(strings = {"incident", "problem", "change_request", "change_task", "sc_request", "sc_req_item",
      "sc_task", "sys_user", "sys_user_group", "cmn_location", "cmdb_ci", "sys_choice", "sys_journal_field",
      "sys_attachment", "sys_flow_context", "sys_properties"})
  void tableIsServedWithSystemColumns(String table) {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().start()) {
      Map<String, String> row = e.records().insert(table, Map.of());
      JsonNode r = new Http(e.baseUrl()).get("/api/now/table/" + table + "/" + row.get("sys_id")).result();
      for (String f : new String[] {"sys_id", "sys_created_on", "sys_created_by", "sys_updated_on", "sys_updated_by",
          "sys_mod_count", "sys_class_name", "sys_domain"}) {
        assertThat(r.has(f)).as(table + "." + f).isTrue();
      }
      assertThat(r.get("sys_class_name").asText()).isEqualTo(table);
    }
  }

  @Test
  void keyColumnsExist() {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().start()) {
      Map<String, List<String>> expected = Map.of(
          "incident", List.of("number", "caller_id", "category", "subcategory", "severity", "incident_state",
              "hold_reason", "close_code", "close_notes", "resolved_at", "resolved_by", "comments", "work_notes",
              "correlation_id", "reassignment_count", "reopen_count"),
          "sc_req_item", List.of("request", "cat_item", "quantity", "stage", "price", "variables"),
          "sc_request", List.of("requested_for", "request_state", "price", "special_instructions"),
          "sys_flow_context", List.of("name", "state", "started", "ended", "error_message", "execution_id"));
      expected.forEach((table, fields) -> {
        JsonNode r = new Http(e.baseUrl()).get("/api/now/table/" + table + "/"
            + e.records().insert(table, Map.of()).get("sys_id")).result();
        assertThat(fields).allSatisfy(f -> assertThat(r.has(f)).as(table + "." + f).isTrue());
      });
    }
  }

  @Test
  void customTablesAndUnknownTables() {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().table("u_widget", "u_name", "u_colour").start()) {
      Http http = new Http(e.baseUrl());
      Http.Response created = http.post("/api/now/table/u_widget", "{\"u_name\":\"gear\",\"u_colour\":\"red\"}");
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.result().get("u_colour").asText()).isEqualTo("red");
      assertThat(http.get("/api/now/table/u_gadget").status()).isEqualTo(400);
    }
  }
}
