package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Point 5: exact error envelopes (reference A1.6). */
class ErrorEnvelopeTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b
      .user("bob", "bobpw", "itil")
      .user("carol", "carolpw")
      .tableAccess("bob", "incident", false, false)
      .tableAccess("bob", "problem", true, false)
      .denyApiAccess("carol"));

  private static Http admin;
  private static Http bob;
  private static String problemId;

  @BeforeAll
  static void setUp() {
    admin = new Http(sn.baseUrl());
    bob = new Http(sn.baseUrl()).basic("bob", "bobpw");
    problemId = sn.emulator().records().insert("problem", Map.of("short_description", "p")).get("sys_id");
  }

  static String envelope(String message, String detail) {
    return "{\"error\":{\"message\":\"" + message + "\",\"detail\":" + (detail == null ? "null" : "\"" + detail + "\"")
        + "},\"status\":\"failure\"}";
  }

  @Test
  void unknownTable() {
    Http.Response r = admin.get("/api/now/table/foo");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).isEqualTo(envelope("Invalid table foo", null));
    assertThat(r.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
  }

  @Test
  void unknownPath() {
    for (String path : new String[] {"/api/now/nothing", "/api/now/table", "/api/now/v3/table/incident", "/foo"}) {
      Http.Response r = admin.get(path);
      assertThat(r.status()).as(path).isEqualTo(400);
      assertThat(r.body()).isEqualTo(envelope("Requested URI does not represent any resource", null));
    }
  }

  @Test
  void notAuthenticated() {
    for (Http h : new Http[] {new Http(sn.baseUrl()).anonymous(), new Http(sn.baseUrl()).basic("admin", "wrong"),
        new Http(sn.baseUrl()).basic("nobody", "x"), new Http(sn.baseUrl()).bearer("not-a-token")}) {
      Http.Response r = h.get("/api/now/table/incident");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.body()).isEqualTo(envelope("User Not Authenticated", "Required to provide Auth information"));
      assertThat(r.header("WWW-Authenticate")).isEqualTo("BASIC realm=\"Service-now\"");
    }
  }

  @Test
  void tableReadAcl() {
    Http.Response r = bob.get("/api/now/table/incident");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).isEqualTo(envelope("Insufficient rights to query records", null));
  }

  @Test
  void recordWriteAcls() {
    Http.Response insert = bob.post("/api/now/table/problem", "{\"short_description\":\"x\"}");
    assertThat(insert.status()).isEqualTo(403);
    assertThat(insert.body()).isEqualTo(envelope("Operation Failed",
        "ACL Exception Insert Failed due to security constraints"));
    Http.Response update = bob.patch("/api/now/table/problem/" + problemId, "{\"short_description\":\"x\"}");
    assertThat(update.status()).isEqualTo(403);
    assertThat(update.body()).isEqualTo(envelope("Operation Failed",
        "ACL Exception Update Failed due to security constraints"));
    Http.Response delete = bob.delete("/api/now/table/problem/" + problemId);
    assertThat(delete.status()).isEqualTo(403);
    assertThat(delete.body()).isEqualTo(envelope("Operation Failed",
        "ACL Exception Delete Failed due to security constraints"));
    assertThat(bob.get("/api/now/table/problem/" + problemId).status()).as("read still allowed").isEqualTo(200);
  }

  @Test
  void apiLevelAcl() {
    Http.Response r = new Http(sn.baseUrl()).basic("carol", "carolpw").get("/api/now/table/problem");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).isEqualTo(envelope("User Not Authorized", "Failed API level ACL Validation"));
  }

  @Test
  void noRecordFound() {
    String missing = "/api/now/table/incident/00000000000000000000000000000000";
    String expected = envelope("No Record found", "Record doesn't exist or ACL restricts the record retrieval");
    for (Http.Response r : new Http.Response[] {admin.get(missing), admin.patch(missing, "{}"),
        admin.put(missing, "{}"), admin.delete(missing)}) {
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.body()).isEqualTo(expected);
    }
    // a record hidden by the table read ACL is indistinguishable from a missing one
    String id = sn.emulator().records().insert("incident", Map.of("short_description", "x")).get("sys_id");
    assertThat(bob.get("/api/now/table/incident/" + id).body()).isEqualTo(expected);
  }

  @Test
  void malformedJsonBody() {
    int before = sn.emulator().records().count("incident");
    for (String body : new String[] {"{\"short_description\":", "not json", "\"a string\"", "{} trailing"}) {
      Http.Response r = admin.post("/api/now/table/incident", body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.body()).isEqualTo(envelope("Exception while reading request", "The payload is not valid JSON."));
    }
    assertThat(sn.emulator().records().count("incident")).isEqualTo(before);
  }
}
