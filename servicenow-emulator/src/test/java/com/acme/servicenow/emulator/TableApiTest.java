package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Point 1: Table API methods, envelope, system fields, X-no-response-body, versions. */
class TableApiTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b.seed("empty"));

  private Http http;

  @BeforeEach
  void setUp() {
    sn.emulator().reset();
    http = new Http(sn.baseUrl());
  }

  @Test
  void postCreatesRecordWith201LocationAndSystemFields() {
    Http.Response r = http.post("/api/now/table/incident",
        "{\"short_description\":\"Printer on fire\",\"impact\":1,\"urgency\":\"1\",\"unknown_field\":\"x\"}");

    assertThat(r.status()).isEqualTo(201);
    JsonNode result = r.result();
    String sysId = result.get("sys_id").asText();
    assertThat(sysId).matches("[0-9a-f]{32}");
    assertThat(r.header("Location")).isEqualTo(sn.baseUrl() + "/api/now/table/incident/" + sysId);
    assertThat(r.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
    assertThat(result.get("number").asText()).isEqualTo("INC0010001");
    assertThat(result.get("impact").isTextual()).as("numbers come back as strings").isTrue();
    assertThat(result.get("impact").asText()).isEqualTo("1");
    assertThat(result.get("sys_created_by").asText()).isEqualTo("admin");
    assertThat(result.get("sys_updated_by").asText()).isEqualTo("admin");
    assertThat(result.get("sys_mod_count").asText()).isEqualTo("0");
    assertThat(result.get("sys_class_name").asText()).isEqualTo("incident");
    assertThat(result.get("sys_created_on").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(result.has("unknown_field")).isFalse();
    assertThat(result.get("sys_domain").get("value").asText()).isEqualTo("global");
    assertThat(result.get("sys_domain").get("link").asText())
        .isEqualTo(sn.baseUrl() + "/api/now/table/sys_user_group/global");
    result.fields().forEachRemaining(e -> assertThat(e.getValue().isTextual() || e.getValue().isObject())
        .as(e.getKey()).isTrue());

    Http.Response second = http.post("/api/now/table/incident", "{\"short_description\":\"again\"}");
    assertThat(second.result().get("number").asText()).isEqualTo("INC0010002");
  }

  @Test
  void getOnePatchPutDeleteAndHead() {
    String id = sn.emulator().records().insert("incident", Map.of("short_description", "Old")).get("sys_id");

    Http.Response one = http.get("/api/now/table/incident/" + id);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.result().isObject()).isTrue();
    assertThat(one.result().get("short_description").asText()).isEqualTo("Old");

    Http.Response patched = http.patch("/api/now/table/incident/" + id, "{\"short_description\":\"New\"}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.result().get("short_description").asText()).isEqualTo("New");
    assertThat(patched.result().get("sys_mod_count").asText()).isEqualTo("1");

    // PUT behaves like PATCH: description is not sent and keeps its value
    sn.emulator().records().update("incident", id, Map.of("description", "keep me"));
    Http.Response put = http.put("/api/now/table/incident/" + id, "{\"short_description\":\"Put\"}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.result().get("description").asText()).isEqualTo("keep me");
    assertThat(put.result().get("sys_mod_count").asText()).isEqualTo("3");

    Http.Response head = http.send("HEAD", "/api/now/table/incident/" + id, null, null);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();

    Http.Response deleted = http.delete("/api/now/table/incident/" + id);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(sn.emulator().records().get("incident", id)).isEmpty();
    assertThat(http.get("/api/now/table/incident/" + id).status()).isEqualTo(404);
  }

  @Test
  void clearingAFieldWithEmptyString() {
    String id = sn.emulator().records().insert("incident", Map.of("short_description", "x", "description", "d"))
        .get("sys_id");
    Http.Response r = http.patch("/api/now/table/incident/" + id, "{\"description\":\"\"}");
    assertThat(r.result().get("description").asText()).isEmpty();
  }

  @Test
  void listReturnsArrayEnvelopeOnAllVersions() {
    sn.emulator().records().insert("incident", Map.of("short_description", "a"));
    for (String prefix : new String[] {"/api/now/table", "/api/now/v1/table", "/api/now/v2/table"}) {
      Http.Response r = http.get(prefix + "/incident");
      assertThat(r.status()).as(prefix).isEqualTo(200);
      assertThat(r.result().isArray()).isTrue();
      assertThat(r.result()).hasSize(1);
    }
  }

  @Test
  void xNoResponseBodySuppressesTheBody() {
    Http.Response created = http.send("POST", "/api/now/table/incident", "{\"short_description\":\"quiet\"}",
        "application/json", "X-no-response-body", "true");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body()).isEmpty();
    assertThat(created.header("Location")).contains("/api/now/table/incident/");
    String id = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
    Http.Response patched = http.send("PATCH", "/api/now/table/incident/" + id, "{\"short_description\":\"q2\"}",
        "application/json", "X-no-response-body", "true");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body()).isEmpty();
    assertThat(sn.emulator().records().get("incident", id).orElseThrow().get("short_description")).isEqualTo("q2");
  }

  @Test
  void arrayBodyOnlyFirstRecordIsProcessedAndSysIdIsHonoured() {
    String wanted = "0123456789abcdef0123456789abcdef";
    Http.Response r = http.post("/api/now/table/incident",
        "[{\"short_description\":\"first\",\"sys_id\":\"" + wanted + "\"},{\"short_description\":\"second\"}]");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.result().get("sys_id").asText()).isEqualTo(wanted);
    assertThat(sn.emulator().records().count("incident")).isEqualTo(1);
  }

  @Test
  void methodOverrideHeader() {
    String id = sn.emulator().records().insert("incident", Map.of("short_description", "x")).get("sys_id");
    Http.Response r = http.send("POST", "/api/now/table/incident/" + id, "{\"short_description\":\"over\"}",
        "application/json", "X-http-method-override", "PATCH");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().get("short_description").asText()).isEqualTo("over");
  }

  @Test
  void sysparmFieldsLimitsColumnsAndIgnoresUnknownNames() {
    sn.emulator().records().insert("incident", Map.of("short_description", "a"));
    Http.Response r = http.get("/api/now/table/incident?sysparm_fields=number,short_description,nope");
    JsonNode row = r.result().get(0);
    assertThat(row.size()).isEqualTo(2);
    assertThat(row.fieldNames()).toIterable().containsExactly("number", "short_description");
  }

  @Test
  void everyResponseHasATransactionId() {
    Http.Response r = http.get("/api/now/table/incident");
    assertThat(r.header("X-Transaction-ID")).matches("[0-9a-f]{12}");
    assertThat(r.header("Server")).isEqualTo("ServiceNow");
    assertThat(r.header("Set-Cookie")).matches("JSESSIONID=[0-9a-f]{24}; Path=/; HttpOnly");
    Http.Response withSession = http.send("GET", "/api/now/table/incident", null, null, "Cookie", "JSESSIONID=abc");
    assertThat(withSession.header("Set-Cookie")).isNull();
  }
}
