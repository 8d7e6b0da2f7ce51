package com.acme.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.support.WireMockBase;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every retry rule of issue 3, with a recording sleeper (no real waiting). */
class RetryRulesTest extends WireMockBase {

  private static final String PATH = "/api/now/table/incident/" + SYS_ID;
  private static final String OK = "{\"result\":{\"number\":\"INC1\"}}";

  /** First {@code failures} calls answer {@code failure}, then OK. */
  private void failThenSucceed(java.util.function.Supplier<com.github.tomakehurst.wiremock.client.MappingBuilder> m, int failures,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder success) {
    String state = Scenario.STARTED;
    for (int i = 0; i < failures; i++) {
      String next = "f" + (i + 1);
      wm.stubFor(m.get().inScenario("retry").whenScenarioStateIs(state).willSetStateTo(next).willReturn(failure));
      state = next;
    }
    wm.stubFor(m.get().inScenario("retry").whenScenarioStateIs(state).willReturn(success));
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    failThenSucceed(() -> get(urlPathEqualTo(PATH)), 1, aResponse().withStatus(429).withHeader("Retry-After", "2")
        .withBody(errorBody("Rate limit exceeded", "Rate limit of 100 requests per hour for Table API exceeded")), okJson(OK));
    assertThat(client().table().get("incident", SYS_ID, null)).isPresent();
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2));
    wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void retryAfterHttpDateIsHonoured() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
    failThenSucceed(() -> get(urlPathEqualTo(PATH)), 1, aResponse().withStatus(429).withHeader("Retry-After", date), okJson(OK));
    client().table().get("incident", SYS_ID, null);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void rateLimitResetEpochIsHonoured() {
    long reset = clock.instant().getEpochSecond() + 5;
    failThenSucceed(() -> get(urlPathEqualTo(PATH)), 1, aResponse().withStatus(429)
        .withHeader("X-RateLimit-Limit", "100").withHeader("X-RateLimit-Reset", Long.toString(reset)), okJson(OK));
    client().table().get("incident", SYS_ID, null);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void postIsRetriedOn429BecauseServiceNowRejectedItBeforeProcessing() {
    failThenSucceed(() -> post(urlPathEqualTo("/api/now/table/incident")), 1, aResponse().withStatus(429)
        .withHeader("Retry-After", "1"), aResponse().withStatus(201).withBody("{\"result\":{\"number\":\"INC2\"}}"));
    assertThat(client().table().create("incident", Map.of("short_description", "x"), null).get("number").asText())
        .isEqualTo("INC2");
    wm.verify(2, postRequestedFor(urlPathEqualTo("/api/now/table/incident")));
  }

  @Test
  void a429WaitLongerThanTheBudgetIsNotSleptButReturned() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")
        .withHeader("X-Transaction-ID", "abc123")
        .withBody(errorBody("Rate limit exceeded", "Rate limit of 100 requests per hour for Table API exceeded"))));
    assertThatThrownBy(() -> client().table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_RATE_LIMITED);
          assertThat(e.retryable()).isTrue();
          assertThat(e.suggestedWait()).contains(Duration.ofSeconds(600));
          assertThat(e.httpStatus()).isEqualTo(429);
          assertThat(e.transactionId()).isEqualTo("abc123");
          assertThat(e.serviceNowMessage()).isEqualTo("Rate limit exceeded");
        });
    assertThat(sleeper.sleeps).isEmpty();
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void postIsNotRetriedOn503() {
    wm.stubFor(post(urlPathEqualTo("/api/now/table/incident")).willReturn(aResponse().withStatus(503)
        .withBody(errorBody("Service Unavailable", null))));
    assertThatThrownBy(() -> client().table().create("incident", Map.of("short_description", "x"), null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_SERVER_ERROR);
          assertThat(e.httpStatus()).isEqualTo(503);
          assertThat(e.retryable()).isFalse();
          assertThat(e.serviceNowDetail()).isNull();
        });
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/now/table/incident")));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void getIsRetriedOn502503504WithExponentialBackoff() {
    String state = Scenario.STARTED;
    int[] codes = {502, 503, 504};
    for (int i = 0; i < codes.length; i++) {
      wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("r").whenScenarioStateIs(state).willSetStateTo("s" + i)
          .willReturn(aResponse().withStatus(codes[i])));
      state = "s" + i;
    }
    wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("r").whenScenarioStateIs(state).willReturn(okJson(OK)));
    assertThat(client().table().get("incident", SYS_ID, null)).isPresent();
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void attemptsAreBoundedAndTheLastErrorCarriesAWait() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> client().table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.suggestedWait()).isPresent();
        });
    wm.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void totalBudgetBoundsBackoffs() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    ServiceNowClient c = ServiceNowClient.create(connection(Auth.basic("a", "b")).build(), options()
        .withRetryPolicy(new com.acme.servicenow.client.http.RetryPolicy(10, Duration.ofSeconds(3),
            Duration.ofSeconds(1), Duration.ofSeconds(30), 0)));
    try (c) {
      assertThatThrownBy(() -> c.table().get("incident", SYS_ID, null))
          .isInstanceOfSatisfying(ServiceNowException.class, e -> assertThat(e.suggestedWait()).contains(Duration.ofSeconds(4)));
    }
    // 1 s + 2 s fit into 3 s; the next 4 s wait does not
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    wm.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void patchWithJournalFieldIsNotRetriedButPlainPatchIs() {
    wm.stubFor(patch(urlPathEqualTo(PATH)).withRequestBody(containing("work_notes"))
        .willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> client().table().update("incident", SYS_ID, Map.of("work_notes", "called the user"), null))
        .isInstanceOf(ServiceNowException.class);
    wm.verify(1, patchRequestedFor(urlPathEqualTo(PATH)));

    wm.resetAll();
    failThenSucceed(() -> patch(urlPathEqualTo(PATH)), 1, aResponse().withStatus(503), okJson(OK));
    client().table().update("incident", SYS_ID, Map.of("state", "2"), null);
    wm.verify(2, patchRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void connectionRefusedIsRetriedEvenForPost() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ServiceNowClient c = client(ServiceNowConnection.builder().baseUrl("http://127.0.0.1:" + port).allowHttp(true)
        .auth(Auth.basic("a", "b")).connectTimeout(Duration.ofSeconds(2)).build());
    assertThatThrownBy(() -> c.table().create("incident", Map.of("short_description", "x"), null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_CONNECTION_FAILED);
          assertThat(e.retryable()).isTrue();
          assertThat(e.httpStatus()).isZero();
        });
    assertThat(sleeper.sleeps).hasSize(3);
  }

  @Test
  void connectionResetAfterSendingIsRetriedForGetOnly() {
    failThenSucceed(() -> get(urlPathEqualTo(PATH)), 1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(OK));
    assertThat(client().table().get("incident", SYS_ID, null)).isPresent();
    wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));

    wm.stubFor(post(urlPathEqualTo("/api/now/table/incident")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client().table().create("incident", Map.of("a", "b"), null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_CONNECTION_FAILED);
          assertThat(e.retryable()).isFalse();
        });
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/now/table/incident")));
  }

  @Test
  void readTimeoutIsRetriedForGetAndNotForPost() {
    ServiceNowClient c = client(connection(Auth.basic("a", "b")).readTimeout(Duration.ofMillis(250)).build());
    failThenSucceed(() -> get(urlPathEqualTo(PATH)), 1, okJson(OK).withFixedDelay(1000), okJson(OK));
    assertThat(c.table().get("incident", SYS_ID, null)).isPresent();
    wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));

    wm.stubFor(post(urlPathEqualTo("/api/now/table/incident")).willReturn(okJson(OK).withFixedDelay(1000)));
    assertThatThrownBy(() -> c.table().create("incident", Map.of("a", "b"), null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_TIMEOUT);
          assertThat(e.retryable()).isFalse();
        });
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/now/table/incident")));
  }

  private static final String TRUNCATED = "{\"result\":[{\"number\":\"INC1\"},{\"number\":\"INC2\",\"short_"
      + "\"error\": {\"message\": \"Transaction cancelled: maximum execution time exceeded\",\"detail\": "
      + "\"Transaction cancelled: maximum execution time exceeded Check logs for error trace or enable glide.rest.debug"
      + " property to verify REST request processing\"},\"status\": \"failure\"}";

  @Test
  void truncatedTransactionCancelledBodyIsRetriedForGetThenReported() {
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident")).willReturn(okJson(TRUNCATED)));
    assertThatThrownBy(() -> client().table().query("incident", null, null, 100, 0))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_TRANSACTION_CANCELLED);
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("smaller page size");
        });
    wm.verify(4, getRequestedFor(urlPathEqualTo("/api/now/table/incident")));
  }

  @Test
  void truncatedBodyThenGoodBodySucceeds() {
    failThenSucceed(() -> get(urlPathEqualTo("/api/now/table/incident")), 1, okJson(TRUNCATED),
        okJson("{\"result\":[{\"number\":\"INC1\"}]}"));
    assertThat(client().table().query("incident", null, null, 100, 0).records()).hasSize(1);
  }

  @Test
  void emptyAcceptedOnGetIsRetriedThenReported() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));
    assertThatThrownBy(() -> client().table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_REQUEST_DROPPED);
          assertThat(e.retryable()).isTrue();
          assertThat(e.httpStatus()).isEqualTo(202);
        });
    wm.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void htmlPageIsRecognisedAndNotRetried() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<!DOCTYPE html><html><head><title>Instance Hibernating page</title></head></html>")));
    assertThatThrownBy(() -> client().table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_HTML_RESPONSE);
          assertThat(e.getMessage()).contains("HTML page");
        });
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void htmlWithJsonContentTypeIsStillRecognised() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("  <html><body>Log in</body></html>")));
    assertThatThrownBy(() -> client().table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_HTML_RESPONSE));
  }

  @Test
  void garbageJsonIsInvalidResponse() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\": {\"a\": ")));
    assertThatThrownBy(() -> client().table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_INVALID_RESPONSE));
    wm.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void wrongShapeIsInvalidResponseWithoutRetry() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"records\":[]}")));
    assertThatThrownBy(() -> client().table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_INVALID_RESPONSE);
          assertThat(e.retryable()).isFalse();
        });
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }
}
