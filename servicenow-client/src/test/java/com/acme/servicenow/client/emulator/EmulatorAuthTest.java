package com.acme.servicenow.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.emulator.EmulatorClock;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every auth mode against the emulator over HTTPS, incl. refresh, the 401 re-send and the token stampede. */
class EmulatorAuthTest {

  static final EmulatorClock SN_CLOCK = EmulatorClock.fixed(Instant.parse("2026-01-15T10:00:00Z"));

  @RegisterExtension
  static ServiceNowEmulatorExtension ext = ServiceNowEmulatorExtension.create(b -> b
      .https(true)
      .seed("demo")
      .clock(SN_CLOCK)
      .user("itil.user", "itil-pw", "itil")
      .oauthClient("cid", "csecret")
      .oauthClient("ccid", "ccsecret")
      .clientCredentialsGrant("ccid", "itil.user")
      .apiKey("key-123", "itil.user")
      .tokenLifetime(Duration.ofSeconds(1800)));

  final EmulatorSupport s = new EmulatorSupport();

  private ServiceNowClient client(Auth auth) {
    return s.client(ext.emulator(), auth);
  }

  private long count(ServiceNowClient c) {
    return c.table().query("incident", QuerySpec.all(), null, 5, 0).records().size();
  }

  @Test
  void basicAuthOverHttpsWithCustomTrustStore() {
    try (ServiceNowClient c = client(Auth.basic("admin", "admin"))) {
      assertThat(count(c)).isPositive();
    }
    assertThat(ext.emulator().journal().last().user()).isEqualTo("admin");
  }

  @Test
  void pemTrustWorksAndUntrustedCertificateIsTlsError() {
    ServiceNowEmulator sn = ext.emulator();
    try (ServiceNowClient c = ServiceNowClient.create(com.acme.servicenow.client.ServiceNowConnection.builder()
        .baseUrl(sn.baseUrl()).trustedCertificatesPem(sn.certificatePem()).auth(Auth.basic("admin", "admin")).build(),
        s.options())) {
      assertThat(count(c)).isPositive();
    }
    try (ServiceNowClient c = ServiceNowClient.create(com.acme.servicenow.client.ServiceNowConnection.builder()
        .baseUrl(sn.baseUrl()).auth(Auth.basic("admin", "admin")).build(), s.options())) {
      assertThatThrownBy(() -> count(c)).isInstanceOfSatisfying(ServiceNowException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_TLS_ERROR);
        assertThat(e.retryable()).isFalse();
      });
    }
  }

  @Test
  void wrongBasicPasswordIsUnauthorized() {
    try (ServiceNowClient c = client(Auth.basic("admin", "wrong"))) {
      assertThatThrownBy(() -> count(c)).isInstanceOfSatisfying(ServiceNowException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_UNAUTHORIZED);
        assertThat(e.serviceNowMessage()).isEqualTo("User Not Authenticated");
        assertThat(e.getMessage()).doesNotContain("wrong");
      });
    }
  }

  @Test
  void apiKey() {
    try (ServiceNowClient c = client(Auth.apiKey("key-123"))) {
      assertThat(count(c)).isPositive();
    }
    assertThat(ext.emulator().journal().last().user()).isEqualTo("itil.user");
  }

  @Test
  void passwordGrantThenBearerTokenUse() {
    try (ServiceNowClient c = client(Auth.password("cid", "csecret", "admin", "admin"))) {
      assertThat(count(c)).isPositive();
      assertThat(count(c)).isPositive();
    }
    assertThat(ext.emulator().journal().count("POST", "/oauth_token.do")).isEqualTo(1);
    RecordedRequest token = ext.emulator().journal().all().get(0);
    assertThat(token.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(token.rawQuery()).isNull();
    assertThat(token.body()).startsWith("grant_type=password&client_id=cid&");
    String bearer = ext.emulator().journal().last().header("Authorization");
    assertThat(bearer).startsWith("Bearer ");
    // a static bearer token obtained elsewhere works as well
    try (ServiceNowClient c = client(Auth.bearer(bearer.substring("Bearer ".length())))) {
      assertThat(count(c)).isPositive();
    }
  }

  @Test
  void clientCredentialsGrantRunsAsTheApplicationUser() {
    try (ServiceNowClient c = client(Auth.clientCredentials("ccid", "ccsecret"))) {
      assertThat(count(c)).isPositive();
    }
    assertThat(ext.emulator().journal().last().user()).isEqualTo("itil.user");
  }

  @Test
  void clientCredentialsNotEnabledIsTokenErrorWithTheEndpointsAnswer() {
    try (ServiceNowClient c = client(Auth.clientCredentials("cid", "csecret"))) {
      assertThatThrownBy(() -> count(c)).isInstanceOfSatisfying(ServiceNowException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_TOKEN_ERROR);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.serviceNowMessage()).isEqualTo("server_error");
        assertThat(e.serviceNowDetail()).isEqualTo("access_denied");
        assertThat(e.getMessage()).doesNotContain("csecret");
      });
    }
    assertThat(ext.emulator().journal().count("GET", "/api/")).isZero();
  }

  @Test
  void wrongClientSecretIsTokenError() {
    try (ServiceNowClient c = client(Auth.password("cid", "nope", "admin", "admin"))) {
      assertThatThrownBy(() -> count(c)).isInstanceOfSatisfying(ServiceNowException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_TOKEN_ERROR));
    }
  }

  @Test
  void tokenIsRefreshedWithTheRefreshTokenBeforeItExpires() {
    try (ServiceNowClient c = client(Auth.password("cid", "csecret", "admin", "admin"))) {
      count(c);
      s.clock.advance(Duration.ofSeconds(1790));
      SN_CLOCK.advance(Duration.ofSeconds(1790));
      count(c);
    }
    List<RecordedRequest> tokenCalls = ext.emulator().journal().all().stream()
        .filter(r -> r.path().equals("/oauth_token.do")).toList();
    assertThat(tokenCalls).hasSize(2);
    assertThat(tokenCalls.get(1).body()).startsWith("grant_type=refresh_token&");
    assertThat(tokenCalls.get(1).status()).isEqualTo(200);
    assertThat(ext.emulator().journal().count("GET", "/api/now/table/incident")).isEqualTo(2);
    assertThat(ext.emulator().journal().all()).allMatch(r -> r.status() < 400);
  }

  @Test
  void a401WithACachedTokenDropsItAndResendsOnce() {
    try (ServiceNowClient c = client(Auth.password("cid", "csecret", "admin", "admin"))) {
      count(c);
      // the instance considers the token expired, the client does not yet (e.g. revoked or clock skew)
      SN_CLOCK.advance(Duration.ofHours(1));
      assertThat(count(c)).isPositive();
    }
    List<RecordedRequest> gets = ext.emulator().journal().all().stream()
        .filter(r -> r.path().startsWith("/api/now/table/incident")).toList();
    assertThat(gets).extracting(RecordedRequest::status).containsExactly(200, 401, 200);
    assertThat(ext.emulator().journal().count("POST", "/oauth_token.do")).isEqualTo(2);
    assertThat(s.sleeper.sleeps).isEmpty();
  }
}
