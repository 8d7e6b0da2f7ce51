package com.acme.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.http.HostAllowList;
import com.acme.servicenow.client.support.WireMockBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Pins every auth mode on the wire: headers, form-encoded token requests, refresh, the 401 re-send. */
class AuthRequestsTest extends WireMockBase {

  private static final String TABLE_URL = "/api/now/table/incident/" + SYS_ID;
  private static final String OK = "{\"result\":{\"number\":\"INC1\"}}";

  private static String token(String access, String refresh, int expiresIn) {
    return "{\"scope\":\"useraccount\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
        + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"") + ",\"access_token\":\"" + access + "\"}";
  }

  @Test
  void apiKeyIsSentAsHeader() {
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).withHeader("x-sn-apikey", equalTo("k-123"))
        .withHeader("Authorization", absent()).willReturn(okJson(OK)));
    assertThat(client(Auth.apiKey("k-123")).table().get("incident", SYS_ID, null)).isPresent();
  }

  @Test
  void staticBearerTokenIsSent() {
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).withHeader("Authorization", equalTo("Bearer abc.def"))
        .willReturn(okJson(OK)));
    assertThat(client(Auth.bearer("abc.def")).table().get("incident", SYS_ID, null)).isPresent();
  }

  @Test
  void passwordGrantIsFormEncodedInTheBodyAndTokenIsReused() {
    wm.stubFor(post(urlEqualTo("/oauth_token.do"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("grant_type=password&client_id=cid&client_secret=s%26cr%3Det&username=admin"
            + "&password=p%40ss%20w%2Brd"))
        .willReturn(okJson(token("t1", "r1", 1800))));
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).withHeader("Authorization", equalTo("Bearer t1")).willReturn(okJson(OK)));

    ServiceNowClient c = client(Auth.password("cid", "s&cr=et", "admin", "p@ss w+rd"));
    c.table().get("incident", SYS_ID, null);
    c.table().get("incident", SYS_ID, null);

    wm.verify(1, postRequestedFor(urlEqualTo("/oauth_token.do")));
    wm.verify(2, getRequestedFor(urlPathEqualTo(TABLE_URL)));
  }

  @Test
  void passwordGrantRefreshesWithRefreshTokenShortlyBeforeExpiry() {
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).withRequestBody(containing("grant_type=password"))
        .willReturn(okJson(token("t1", "r1", 1800))));
    wm.stubFor(post(urlEqualTo("/oauth_token.do"))
        .withRequestBody(equalTo("grant_type=refresh_token&client_id=cid&client_secret=sec&refresh_token=r1"))
        .willReturn(okJson(token("t2", "r1", 1800))));
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).willReturn(okJson(OK)));

    ServiceNowClient c = client(Auth.password("cid", "sec", "admin", "pw"));
    c.table().get("incident", SYS_ID, null);
    clock.advance(Duration.ofSeconds(1800 - 59)); // inside the 60 s refresh margin
    c.table().get("incident", SYS_ID, null);

    wm.verify(1, postRequestedFor(urlEqualTo("/oauth_token.do")).withRequestBody(containing("grant_type=password")));
    wm.verify(1, postRequestedFor(urlEqualTo("/oauth_token.do")).withRequestBody(containing("grant_type=refresh_token")));
    wm.verify(1, getRequestedFor(urlPathEqualTo(TABLE_URL)).withHeader("Authorization", equalTo("Bearer t1")));
    wm.verify(1, getRequestedFor(urlPathEqualTo(TABLE_URL)).withHeader("Authorization", equalTo("Bearer t2")));
  }

  @Test
  void refusedRefreshFallsBackToPasswordGrant() {
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).withRequestBody(containing("grant_type=password"))
        .inScenario("s").whenScenarioStateIs("Started").willSetStateTo("second")
        .willReturn(okJson(token("t1", "r1", 1800))));
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).withRequestBody(containing("grant_type=password"))
        .inScenario("s").whenScenarioStateIs("second")
        .willReturn(okJson(token("t3", "r3", 1800))));
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(aResponse().withStatus(401).withBody("{\"error_description\":\"access_denied\",\"error\":\"server_error\"}")));
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).willReturn(okJson(OK)));

    ServiceNowClient c = client(Auth.password("cid", "sec", "admin", "pw"));
    c.table().get("incident", SYS_ID, null);
    clock.advance(Duration.ofHours(1));
    c.table().get("incident", SYS_ID, null);
    wm.verify(1, getRequestedFor(urlPathEqualTo(TABLE_URL)).withHeader("Authorization", equalTo("Bearer t3")));
  }

  @Test
  void on401WithCachedTokenTheTokenIsDroppedAndTheRequestResentOnce() {
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).withRequestBody(containing("grant_type=password"))
        .willReturn(okJson(token("t1", "r1", 1800))));
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(okJson(token("t2", "r1", 1800))));
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).withHeader("Authorization", equalTo("Bearer t1"))
        .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "BASIC realm=\"Service-now\"")
            .withBody(errorBody("User Not Authenticated", "Required to provide Auth information"))));
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).withHeader("Authorization", equalTo("Bearer t2")).willReturn(okJson(OK)));

    assertThat(client(Auth.password("cid", "sec", "admin", "pw")).table().get("incident", SYS_ID, null)).isPresent();
    wm.verify(2, getRequestedFor(urlPathEqualTo(TABLE_URL)));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void streamedUploadIsNotResentAfter401ButTheTokenIsDropped() {
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).withRequestBody(containing("grant_type=client_credentials"))
        .inScenario("t").whenScenarioStateIs("Started").willSetStateTo("2").willReturn(okJson(token("t1", null, 1800))));
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).inScenario("t").whenScenarioStateIs("2")
        .willReturn(okJson(token("t2", null, 1800))));
    wm.stubFor(post(urlPathEqualTo("/api/now/attachment/file")).withHeader("Authorization", equalTo("Bearer t1"))
        .willReturn(aResponse().withStatus(401).withBody(errorBody("User Not Authenticated", "Required to provide Auth information"))));
    wm.stubFor(post(urlPathEqualTo("/api/now/attachment/file")).withHeader("Authorization", equalTo("Bearer t2"))
        .willReturn(aResponse().withStatus(201).withBody("{\"result\":{\"sys_id\":\"" + SYS_ID + "\"}}")));
    ServiceNowClient c = client(Auth.clientCredentials("cid", "sec"));
    assertThatThrownBy(() -> c.attachments().upload("incident", SYS_ID, "a.txt", "text/plain",
        new java.io.ByteArrayInputStream(new byte[] {1, 2}), 2))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_UNAUTHORIZED));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/now/attachment/file")));
    assertThat(c.attachments().upload("incident", SYS_ID, "a.txt", "text/plain",
        new java.io.ByteArrayInputStream(new byte[] {1, 2}), 2).sysId()).isEqualTo(SYS_ID);
  }

  @Test
  void a401AfterTheResendIsReportedNotLooped() {
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).willReturn(okJson(token("t1", null, 1800))));
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).willReturn(aResponse().withStatus(401)
        .withBody(errorBody("User Not Authenticated", "Required to provide Auth information"))));
    assertThatThrownBy(() -> client(Auth.clientCredentials("cid", "sec")).table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_UNAUTHORIZED));
    wm.verify(2, getRequestedFor(urlPathEqualTo(TABLE_URL)));
    wm.verify(2, postRequestedFor(urlEqualTo("/oauth_token.do")));
  }

  @Test
  void basic401IsNotResent() {
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).willReturn(aResponse().withStatus(401)
        .withBody(errorBody("User Not Authenticated", "Required to provide Auth information"))));
    assertThatThrownBy(() -> client().table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_UNAUTHORIZED);
          assertThat(e.serviceNowDetail()).isEqualTo("Required to provide Auth information");
          assertThat(e.getMessage()).doesNotContain("secret");
        });
    wm.verify(1, getRequestedFor(urlPathEqualTo(TABLE_URL)));
  }

  @Test
  void clientCredentialsGrantAndCustomTokenUrl() {
    wm.stubFor(post(urlEqualTo("/custom/token"))
        .withRequestBody(equalTo("grant_type=client_credentials&client_id=cid&client_secret=sec"))
        .willReturn(okJson(token("cc1", null, 1800))));
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).withHeader("Authorization", equalTo("Bearer cc1")).willReturn(okJson(OK)));
    ServiceNowClient c = client(new Auth.OAuthClientCredentials("cid", "sec", wm.baseUrl() + "/custom/token"));
    assertThat(c.table().get("incident", SYS_ID, null)).isPresent();
    wm.verify(0, postRequestedFor(urlEqualTo("/oauth_token.do")));
  }

  @Test
  void tokenEndpointFailureCarriesTheEndpointsOwnAnswerAndNoSecret() {
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error_description\":\"access_denied\",\"error\":\"server_error\"}")));
    assertThatThrownBy(() -> client(Auth.password("cid", "topsecret", "admin", "hunter2")).table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_TOKEN_ERROR);
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.serviceNowMessage()).isEqualTo("server_error");
          assertThat(e.serviceNowDetail()).isEqualTo("access_denied");
          assertThat(e.getMessage()).contains("OAuth token request", "server_error", "access_denied")
              .doesNotContain("topsecret").doesNotContain("hunter2");
          assertThat(e.retryable()).isFalse();
        });
    wm.verify(0, getRequestedFor(urlPathEqualTo(TABLE_URL)));
  }

  @Test
  void tokenEndpointAnsweringHtmlIsRecognised() {
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Your instance is hibernating</body></html>")));
    assertThatThrownBy(() -> client(Auth.clientCredentials("cid", "sec")).table().get("incident", SYS_ID, null))
        .isInstanceOfSatisfying(ServiceNowException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_HTML_RESPONSE));
  }

  @Test
  void thirtyTwoThreadsOnOneOAuthConnectionMakeExactlyOneTokenRequest() throws Exception {
    wm.stubFor(post(urlEqualTo("/oauth_token.do"))
        .willReturn(okJson(token("shared", "r", 1800)).withFixedDelay(300)));
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).withHeader("Authorization", equalTo("Bearer shared")).willReturn(okJson(OK)));
    ServiceNowClient c = client(Auth.password("cid", "sec", "admin", "pw"));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      results.add(pool.submit((Callable<Boolean>) () -> {
        start.await();
        return c.table().get("incident", SYS_ID, null).isPresent();
      }));
    }
    start.countDown();
    for (Future<Boolean> f : results) {
      assertThat(f.get()).isTrue();
    }
    pool.shutdown();
    wm.verify(1, postRequestedFor(urlEqualTo("/oauth_token.do")));
    wm.verify(32, getRequestedFor(urlPathEqualTo(TABLE_URL)));
  }

  @Test
  void threadsWaitingForAFailedTokenFetchShareItsErrorInsteadOfAsking() throws Exception {
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).willReturn(aResponse().withStatus(401).withFixedDelay(300)
        .withBody("{\"error_description\":\"access_denied\",\"error\":\"server_error\"}")));
    ServiceNowClient c = client(Auth.password("cid", "sec", "admin", "pw"));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ErrorCode>> results = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      results.add(pool.submit(() -> {
        start.await();
        try {
          c.table().get("incident", SYS_ID, null);
          return null;
        } catch (ServiceNowException e) {
          return e.code();
        }
      }));
    }
    start.countDown();
    for (Future<ErrorCode> f : results) {
      assertThat(f.get()).isEqualTo(ErrorCode.SERVICENOW_TOKEN_ERROR);
    }
    pool.shutdown();
    // threads that arrive after the failure may ask again, but never one request per thread
    assertThat(wm.countRequestsMatching(postRequestedFor(urlEqualTo("/oauth_token.do")).build()).getCount())
        .isLessThan(4);
    wm.verify(0, getRequestedFor(urlPathEqualTo(TABLE_URL)));
  }

  @Test
  void tokenCacheIsSharedAcrossClientsWithTheSameCredentials() {
    wm.stubFor(post(urlEqualTo("/oauth_token.do")).willReturn(okJson(token("t1", "r1", 1800))));
    wm.stubFor(get(urlPathEqualTo(TABLE_URL)).willReturn(okJson(OK)));
    client(Auth.password("cid", "sec", "admin", "pw")).table().get("incident", SYS_ID, null);
    client(Auth.password("cid", "sec", "admin", "pw")).table().get("incident", SYS_ID, null);
    client(Auth.password("cid", "sec", "other", "pw")).table().get("incident", SYS_ID, null);
    wm.verify(2, postRequestedFor(urlEqualTo("/oauth_token.do")));
  }

  @Test
  void hostAllowListBlocksRequestsAndTokenRequestsBeforeSending() {
    String old = System.getProperty(HostAllowList.SYSTEM_PROPERTY);
    try {
      System.setProperty(HostAllowList.SYSTEM_PROPERTY, "*.service-now.com, example.org");
      assertThatThrownBy(() -> client().table().get("incident", SYS_ID, null))
          .isInstanceOfSatisfying(ServiceNowException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_HOST_NOT_ALLOWED);
            assertThat(e.retryable()).isFalse();
          });
      // instance allowed, but the token URL points elsewhere: the secret must not leave
      System.setProperty(HostAllowList.SYSTEM_PROPERTY, "localhost");
      ServiceNowClient c = client(connection(new Auth.OAuthClientCredentials("cid", "sec", "http://127.0.0.1:"
          + wm.getPort() + "/oauth_token.do")).build());
      assertThatThrownBy(() -> c.table().get("incident", SYS_ID, null))
          .isInstanceOfSatisfying(ServiceNowException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_HOST_NOT_ALLOWED));
      assertThat(wm.getAllServeEvents()).isEmpty();
      assertThat(HostAllowList.isAllowed("dev123.service-now.com")).isFalse();
      System.setProperty(HostAllowList.SYSTEM_PROPERTY, "*.service-now.com");
      assertThat(HostAllowList.isAllowed("dev123.service-now.com")).isTrue();
      assertThat(HostAllowList.isAllowed("DEV123.Service-Now.com")).isTrue();
      assertThat(HostAllowList.isAllowed("service-now.com")).isFalse();
      assertThat(HostAllowList.isAllowed("evil-service-now.com")).isFalse();
      assertThat(HostAllowList.isAllowed("dev123.service-now.com.evil.org")).isFalse();
    } finally {
      if (old == null) {
        System.clearProperty(HostAllowList.SYSTEM_PROPERTY);
      } else {
        System.setProperty(HostAllowList.SYSTEM_PROPERTY, old);
      }
    }
  }

  @Test
  void toStringNeverShowsSecrets() {
    List<Object> all = List.of(
        Auth.basic("admin", "pw-secret-1"),
        Auth.password("cid", "cs-secret-2", "admin", "pw-secret-3"),
        Auth.clientCredentials("cid", "cs-secret-4"),
        Auth.bearer("tok-secret-5"),
        Auth.apiKey("key-secret-6"),
        ServiceNowConnection.ofInstance("dev123", Auth.password("cid", "cs-secret-7", "u", "pw-secret-8")));
    for (Object o : all) {
      assertThat(o.toString()).doesNotContainPattern("secret-\\d").contains("****");
    }
  }
}
