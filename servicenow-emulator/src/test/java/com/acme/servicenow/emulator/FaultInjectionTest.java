package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Point 9: fault injection per route, method and user; first-N semantics; latency; the request journal. */
class FaultInjectionTest {

  static final String INCIDENTS = "/api/now/table/incident";

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b
      .clock(EmulatorClock.fixed(Instant.parse("2026-05-01T12:00:00Z")))
      .user("bob", "bobpw"));

  private Http http;

  @BeforeEach
  void setUp() {
    http = new Http(sn.baseUrl());
  }

  private FaultRules faults() {
    return sn.emulator().faults();
  }

  @Test
  void respondWithStatusBodyAndHeaders() {
    faults().add(FaultRule.on("GET", INCIDENTS).respond(418, "{\"teapot\":true}", Map.of("X-Custom", "yes")));
    Http.Response r = http.get(INCIDENTS);
    assertThat(r.status()).isEqualTo(418);
    assertThat(r.body()).isEqualTo("{\"teapot\":true}");
    assertThat(r.header("X-Custom")).isEqualTo("yes");
    assertThat(r.header("X-Transaction-ID")).isNotNull();
  }

  @Test
  void rateLimitRuleWithRetryAfterAndRateLimitHeaders() {
    faults().add(FaultRule.on("*", INCIDENTS).rateLimited(Duration.ofSeconds(3)));
    Http.Response r = http.get(INCIDENTS);
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.body()).isEqualTo("{\"error\":{\"message\":\"Rate limit exceeded\",\"detail\":\"Rate limit of 100 "
        + "requests per hour for Table API exceeded\"},\"status\":\"failure\"}");
    assertThat(r.header("Retry-After")).isEqualTo("3");
    assertThat(r.header("X-RateLimit-Limit")).isEqualTo("100");
    assertThat(r.header("X-RateLimit-Reset"))
        .isEqualTo(Long.toString(Instant.parse("2026-05-01T12:00:03Z").getEpochSecond()));
    assertThat(r.header("X-RateLimit-Rule")).matches("[0-9a-f]{32}");
  }

  @Test
  void rateLimitWithOnlyResetAndBare429() {
    Instant reset = Instant.parse("2026-05-01T13:00:00Z");
    faults().add(FaultRule.on("GET", INCIDENTS).times(1).rateLimitedUntilReset(reset));
    faults().add(FaultRule.on("GET", INCIDENTS).times(1).bareRateLimit());
    Http.Response first = http.get(INCIDENTS);
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.header("X-RateLimit-Reset")).isEqualTo(Long.toString(reset.getEpochSecond()));
    assertThat(first.header("Retry-After")).isNull();
    Http.Response bare = http.get(INCIDENTS);
    assertThat(bare.status()).isEqualTo(429);
    assertThat(bare.body()).isEmpty();
    assertThat(bare.header("Retry-After")).isNull();
    assertThat(bare.header("X-RateLimit-Reset")).isNull();
    assertThat(http.get(INCIDENTS).status()).isEqualTo(200);
  }

  @Test
  void serverErrors() {
    faults().add(FaultRule.on("GET", INCIDENTS).times(1).serverError(500));
    faults().add(FaultRule.on("GET", INCIDENTS).times(1).serverError(503));
    Http.Response e500 = http.get(INCIDENTS);
    assertThat(e500.status()).isEqualTo(500);
    assertThat(e500.json().get("status").asText()).isEqualTo("failure");
    Http.Response e503 = http.get(INCIDENTS);
    assertThat(e503.status()).isEqualTo(503);
    assertThat(e503.header("Content-Type")).startsWith("text/html");
  }

  @Test
  void failTheFirstNThenSucceed() {
    FaultRule rule = faults().add(FaultRule.on("GET", INCIDENTS).times(2).serverError(502));
    assertThat(http.get(INCIDENTS).status()).isEqualTo(502);
    assertThat(http.get(INCIDENTS).status()).isEqualTo(502);
    assertThat(http.get(INCIDENTS).status()).isEqualTo(200);
    assertThat(http.get(INCIDENTS).status()).isEqualTo(200);
    assertThat(rule.hits()).isEqualTo(4);
  }

  @Test
  void rulesMatchMethodPathAndUser() {
    faults().add(FaultRule.on("POST", INCIDENTS).forUser("bob").serverError(500));
    assertThat(http.post(INCIDENTS, "{}").status()).as("admin is not bob").isEqualTo(201);
    Http bob = new Http(sn.baseUrl()).basic("bob", "bobpw");
    assertThat(bob.get(INCIDENTS).status()).as("GET is not POST").isEqualTo(200);
    assertThat(bob.post(INCIDENTS, "{}").status()).isEqualTo(500);
    assertThat(bob.post("/api/now/table/problem", "{}").status()).as("other path").isEqualTo(201);
  }

  @Test
  void regexPaths() {
    faults().add(FaultRule.on("*", "/^/api/now/table/incident/[0-9a-f]{32}$/").serverError(500));
    String id = sn.emulator().records().insert("incident", Map.of()).get("sys_id");
    assertThat(http.get(INCIDENTS + "/" + id).status()).isEqualTo(500);
    assertThat(http.get(INCIDENTS).status()).isEqualTo(200);
  }

  @Test
  void delayComesBeforeTheHeaders() throws Exception {
    faults().add(FaultRule.on("GET", INCIDENTS).times(1).delay(Duration.ofSeconds(3)));
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(sn.baseUrl() + INCIDENTS))
        .header("Authorization", "Basic YWRtaW46YWRtaW4=").timeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void connectionResetGivesNoHttpResponse() {
    faults().add(FaultRule.on("POST", INCIDENTS).connectionReset());
    assertThatThrownBy(() -> http.post(INCIDENTS, "{}")).isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(sn.emulator().journal().all()).anyMatch(r -> r.method().equals("POST") && r.status() == 0);
  }

  @Test
  void truncatedBodyEndsInTransactionCancelled() {
    sn.emulator().records().insert("incident", Map.of("short_description", "one"));
    sn.emulator().records().insert("incident", Map.of("short_description", "two"));
    faults().add(FaultRule.on("GET", INCIDENTS).truncatedBody());
    Http.Response r = http.get(INCIDENTS);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).startsWith("{\"result\":[{");
    assertThat(r.body()).endsWith("\"error\": {\"message\": \"Transaction cancelled: maximum execution time exceeded\","
        + "\"detail\": \"Transaction cancelled: maximum execution time exceeded Check logs for error trace or enable "
        + "glide.rest.debug property to verify REST request processing\"},\"status\": \"failure\"}");
    assertThatThrownBy(r::json).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void htmlHibernationPageAndEmpty202() {
    faults().add(FaultRule.on("GET", INCIDENTS).times(1).htmlPage());
    faults().add(FaultRule.on("GET", INCIDENTS).times(1).emptyAccepted());
    Http.Response html = http.get(INCIDENTS);
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.body()).contains("<html").containsIgnoringCase("hibernating");
    Http.Response accepted = http.get(INCIDENTS);
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.body()).isEmpty();
  }

  @Test
  void fixedLatencyIsAddedToEveryRequest() throws Exception {
    try (ServiceNowEmulator slow = ServiceNowEmulator.builder().latency(Duration.ofSeconds(2)).start()) {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create(slow.baseUrl() + INCIDENTS))
          .header("Authorization", "Basic YWRtaW46YWRtaW4=").timeout(Duration.ofMillis(200)).build();
      assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(HttpTimeoutException.class);
    }
  }

  @Test
  void journalRecordsWhatTheClientSent() {
    http.send("POST", INCIDENTS + "?sysparm_fields=number", "{\"short_description\":\"journal me\"}",
        "application/json", "X-Custom", "abc");
    RecordedRequest r = sn.emulator().journal().last();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo(INCIDENTS);
    assertThat(r.rawQuery()).isEqualTo("sysparm_fields=number");
    assertThat(r.body()).isEqualTo("{\"short_description\":\"journal me\"}");
    assertThat(r.header("x-custom")).isEqualTo("abc");
    assertThat(r.headers().get("Content-Type")).containsExactly("application/json");
    assertThat(r.user()).isEqualTo("admin");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.at()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    assertThat(sn.emulator().journal().count("POST", "/api/now/table/")).isEqualTo(1);
    assertThat(sn.emulator().journal().count("*", "/api/now/table/incident")).isEqualTo(1);
  }
}
