package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Point 6: basic, OAuth (password, refresh_token, client_credentials), token expiry, bearer, x-sn-apikey. */
class AuthTest {

  static final String DENIED = "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}";

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b
      .clock(EmulatorClock.fixed(Instant.parse("2026-01-01T00:00:00Z")))
      .user("integration", "s3cret", "itil")
      .user("svc", "svcpw", "itil")
      .oauthClient("camunda", "client-secret")
      .oauthClient("cc-client", "cc-secret")
      .clientCredentialsGrant("cc-client", "svc")
      .apiKey("key-123", "integration"));

  private Http http;

  @BeforeEach
  void setUp() {
    http = new Http(sn.baseUrl());
  }

  Http.Response token(String form) {
    return http.anonymous().send("POST", "/oauth_token.do", form, "application/x-www-form-urlencoded");
  }

  @Test
  void basicAuthIdentifiesTheUser() {
    Http.Response r = new Http(sn.baseUrl()).basic("integration", "s3cret")
        .post("/api/now/table/incident", "{\"short_description\":\"x\"}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.result().get("sys_created_by").asText()).isEqualTo("integration");
    assertThat(sn.emulator().journal().last().user()).isEqualTo("integration");
  }

  @Test
  void passwordGrantThenBearerThenExpiryThenRefresh() {
    Http.Response r = token("grant_type=password&client_id=camunda&client_secret=client-secret"
        + "&username=integration&password=s3cret");
    assertThat(r.status()).isEqualTo(200);
    JsonNode t = r.json();
    assertThat(t.fieldNames()).toIterable()
        .containsExactly("scope", "token_type", "expires_in", "refresh_token", "access_token");
    assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(t.get("scope").asText()).isEqualTo("useraccount");
    assertThat(t.get("expires_in").isNumber()).isTrue();
    assertThat(t.get("expires_in").asLong()).isEqualTo(1799);
    String access = t.get("access_token").asText();
    String refresh = t.get("refresh_token").asText();

    Http bearer = new Http(sn.baseUrl()).bearer(access);
    assertThat(bearer.get("/api/now/table/incident").status()).isEqualTo(200);
    assertThat(sn.emulator().journal().last().user()).isEqualTo("integration");

    // while the token is valid, another password grant returns the same token
    sn.emulator().clock().advance(Duration.ofSeconds(100));
    JsonNode again = token("grant_type=password&client_id=camunda&client_secret=client-secret"
        + "&username=integration&password=s3cret").json();
    assertThat(again.get("access_token").asText()).isEqualTo(access);
    assertThat(again.get("expires_in").asLong()).isEqualTo(1699);

    sn.emulator().clock().advance(Duration.ofSeconds(1700));
    Http.Response expired = bearer.get("/api/now/table/incident");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.body()).isEqualTo(ErrorEnvelopeTest.envelope("User Not Authenticated",
        "Required to provide Auth information"));

    JsonNode refreshed = token("grant_type=refresh_token&client_id=camunda&client_secret=client-secret"
        + "&refresh_token=" + Http.q(refresh)).json();
    assertThat(refreshed.get("refresh_token").asText()).isEqualTo(refresh);
    assertThat(refreshed.get("access_token").asText()).isNotEqualTo(access);
    assertThat(new Http(sn.baseUrl()).bearer(refreshed.get("access_token").asText()).get("/api/now/table/incident")
        .status()).isEqualTo(200);
  }

  @Test
  void tokenEndpointFailuresAreAccessDenied() {
    String[] bad = {
        "grant_type=password&client_id=camunda&client_secret=wrong&username=integration&password=s3cret",
        "grant_type=password&client_id=camunda&client_secret=client-secret&username=integration&password=wrong",
        "grant_type=password&client_id=unknown&client_secret=x&username=integration&password=s3cret",
        "grant_type=refresh_token&client_id=camunda&client_secret=client-secret&refresh_token=nope",
        "grant_type=client_credentials&client_id=camunda&client_secret=client-secret",
        "grant_type=authorization_code&client_id=camunda&client_secret=client-secret&code=x"};
    for (String form : bad) {
      Http.Response r = token(form);
      assertThat(r.status()).as(form).isEqualTo(401);
      assertThat(r.body()).isEqualTo(DENIED);
    }
    // JSON instead of a form, and credentials in the query string, are rejected too
    Http.Response json = http.anonymous().send("POST", "/oauth_token.do",
        "{\"grant_type\":\"password\",\"client_id\":\"camunda\",\"client_secret\":\"client-secret\","
            + "\"username\":\"integration\",\"password\":\"s3cret\"}", "application/json");
    assertThat(json.status()).isEqualTo(401);
    assertThat(json.body()).isEqualTo(DENIED);
    Http.Response query = http.anonymous().send("POST", "/oauth_token.do?grant_type=password&client_id=camunda"
        + "&client_secret=client-secret&username=integration&password=s3cret", "", "application/x-www-form-urlencoded");
    assertThat(query.status()).isEqualTo(401);
  }

  @Test
  void clientCredentialsRunsAsTheApplicationUser() {
    Http.Response r = token("grant_type=client_credentials&client_id=cc-client&client_secret=cc-secret");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().has("refresh_token")).isFalse();
    String access = r.json().get("access_token").asText();
    Http.Response created = new Http(sn.baseUrl()).bearer(access)
        .post("/api/now/table/incident", "{\"short_description\":\"cc\"}");
    assertThat(created.result().get("sys_created_by").asText()).isEqualTo("svc");
  }

  @Test
  void tokenLifetimeIsConfigurable() {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().oauthClient("c", "s").tokenLifetime(Duration.ofSeconds(60))
        .start()) {
      Http.Response r = new Http(e.baseUrl()).anonymous().send("POST", "/oauth_token.do",
          "grant_type=password&client_id=c&client_secret=s&username=admin&password=admin",
          "application/x-www-form-urlencoded");
      assertThat(r.json().get("expires_in").asLong()).isBetween(59L, 60L);
    }
  }

  @Test
  void revokedTokensStopWorking() {
    String access = token("grant_type=password&client_id=camunda&client_secret=client-secret"
        + "&username=svc&password=svcpw").json().get("access_token").asText();
    Http.Response revoke = http.anonymous().send("POST", "/oauth_revoke_token.do?token=" + Http.q(access), "",
        "application/x-www-form-urlencoded");
    assertThat(revoke.status()).isEqualTo(200);
    assertThat(new Http(sn.baseUrl()).bearer(access).get("/api/now/table/incident").status()).isEqualTo(401);
  }

  @Test
  void apiKeyAsHeaderOrQueryParameter() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> header = client.send(HttpRequest.newBuilder(URI.create(sn.baseUrl() + "/api/now/table/incident"))
        .header("x-sn-apikey", "key-123").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(header.statusCode()).isEqualTo(200);
    assertThat(sn.emulator().journal().last().user()).isEqualTo("integration");
    HttpResponse<String> param = client.send(HttpRequest.newBuilder(
        URI.create(sn.baseUrl() + "/api/now/table/incident?x-sn-apikey=key-123")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(param.statusCode()).isEqualTo(200);
    HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(sn.baseUrl() + "/api/now/table/incident"))
        .header("x-sn-apikey", "wrong").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void clientCredentialsIsOffByDefault() {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().oauthClient("c", "s").start()) {
      Http.Response r = new Http(e.baseUrl()).anonymous().send("POST", "/oauth_token.do",
          "grant_type=client_credentials&client_id=c&client_secret=s", "application/x-www-form-urlencoded");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.body()).isEqualTo(DENIED);
    }
  }
}
