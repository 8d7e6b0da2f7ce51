package com.acme.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.http.RetryPolicy;
import com.acme.servicenow.client.support.WireMockBase;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Connection validation, proxy use, retry-policy maths and secret-free logging. */
class ConnectionTest extends WireMockBase {

  @Test
  void instanceNameBecomesServiceNowHost() {
    ServiceNowConnection c = ServiceNowConnection.ofInstance("Dev12345", Auth.basic("a", "b"));
    assertThat(c.baseUrl()).isEqualTo(URI.create("https://dev12345.service-now.com"));
    assertThat(c.instanceName()).isEqualTo("dev12345");
    assertThat(c.tokenUrl()).isEqualTo(URI.create("https://dev12345.service-now.com/oauth_token.do"));
    assertThat(ServiceNowConnection.ofInstance("dev1.service-now.com", Auth.basic("a", "b")).baseUrl().getHost())
        .isEqualTo("dev1.service-now.com");
  }

  @Test
  void baseUrlIsNormalisedAndValidated() {
    assertThat(ServiceNowConnection.ofBaseUrl("https://SN.Example.com/", Auth.basic("a", "b")).baseUrl())
        .isEqualTo(URI.create("https://sn.example.com"));
    assertInvalid(() -> ServiceNowConnection.ofBaseUrl("http://sn.example.com", Auth.basic("a", "b")), "baseUrl");
    assertInvalid(() -> ServiceNowConnection.ofBaseUrl("https://sn.example.com/api/now/table", Auth.basic("a", "b")), "baseUrl");
    assertInvalid(() -> ServiceNowConnection.ofBaseUrl("https://u:p@sn.example.com", Auth.basic("a", "b")), "baseUrl");
    assertInvalid(() -> ServiceNowConnection.ofBaseUrl("ftp://sn.example.com", Auth.basic("a", "b")), "baseUrl");
    assertInvalid(() -> ServiceNowConnection.ofInstance("dev_1;rm", Auth.basic("a", "b")), "instance");
    assertInvalid(() -> ServiceNowConnection.builder().instance("a").baseUrl("https://b").auth(Auth.basic("a", "b")).build(), "instance");
    assertInvalid(() -> ServiceNowConnection.builder().instance("dev1").build(), "auth");
    assertInvalid(() -> Auth.basic("", "x"), "auth.username");
    assertInvalid(() -> Auth.bearer("a\r\nX-Evil: 1"), "auth.token");
    assertInvalid(() -> ServiceNowConnection.builder().instance("dev1").auth(Auth.basic("a", "b"))
        .readTimeout(Duration.ZERO).build(), "readTimeout");
    assertInvalid(() -> ServiceNowConnection.builder().instance("dev1")
        .auth(new Auth.OAuthPassword("c", "s", "u", "p", "http://evil.example.com/token")).build().tokenUrl(), "auth.tokenUrl");
    assertInvalid(() -> ServiceNowConnection.builder().instance("dev1").auth(Auth.basic("a", "b"))
        .trustedCertificatesPem("not a certificate").build(), null);
  }

  private static void assertInvalid(Runnable r, String field) {
    if (field == null) {
      // the PEM is parsed when the client is created
      assertThatThrownBy(() -> {
        r.run();
        ServiceNowClient.create(ServiceNowConnection.builder().instance("dev1").auth(Auth.basic("a", "b"))
            .trustedCertificatesPem("not a certificate").build(), null);
      }).isInstanceOfSatisfying(ServiceNowInputException.class,
          e -> assertThat(e.field()).isEqualTo("trustedCertificatesPem"));
      return;
    }
    assertThatThrownBy(r::run).isInstanceOfSatisfying(ServiceNowInputException.class,
        e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void requestsGoThroughTheConfiguredProxy() {
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident/" + SYS_ID))
        .withHeader("Host", equalTo("dev999.service-now.com"))
        .willReturn(okJson("{\"result\":{\"number\":\"INC1\"}}")));
    ServiceNowClient c = client(ServiceNowConnection.builder().baseUrl("http://dev999.service-now.com").allowHttp(true)
        .proxy("localhost", wm.getPort()).auth(Auth.basic("a", "b")).build());
    assertThat(c.table().get("incident", SYS_ID, null)).isPresent();
  }

  @Test
  void sharedClientsShareOnePoolAcrossCredentials() {
    wm.stubFor(get(urlPathEqualTo("/api/now/table/incident/" + SYS_ID)).willReturn(okJson("{\"result\":{}}")));
    int before = ServiceNowClients.poolCount();
    ServiceNowClient a = ServiceNowClient.forConnection(connection(Auth.bearer("token-a")).build(), options());
    ServiceNowClient b = ServiceNowClient.forConnection(connection(Auth.bearer("token-b")).build(), options());
    assertThat(a).isNotSameAs(b);
    assertThat(ServiceNowClient.forConnection(connection(Auth.bearer("token-a")).build(), options())).isSameAs(a);
    assertThat(ServiceNowClients.poolCount()).isEqualTo(before + 1);
    a.table().get("incident", SYS_ID, null);
    b.table().get("incident", SYS_ID, null);
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/now/table/incident/" + SYS_ID))
        .withHeader("Authorization", equalTo("Bearer token-b")));
    a.close(); // shared clients ignore close
    a.table().get("incident", SYS_ID, null);
  }

  @Test
  void equalTrustStoresShareAPoolDifferentOnesDoNot() throws Exception {
    java.security.KeyStore a = java.security.KeyStore.getInstance("PKCS12");
    a.load(null, null);
    java.security.KeyStore b = java.security.KeyStore.getInstance("PKCS12");
    b.load(null, null);
    ServiceNowConnection ca = ServiceNowConnection.builder().instance("dev1").trustStore(a).auth(Auth.basic("a", "b")).build();
    ServiceNowConnection cb = ServiceNowConnection.builder().instance("dev1").trustStore(b).auth(Auth.basic("a", "b")).build();
    assertThat(ServiceNowClients.trustKey(ca)).isEqualTo(ServiceNowClients.trustKey(cb));
    var cf = java.security.cert.CertificateFactory.getInstance("X.509");
    try (var in = ConnectionTest.class.getResourceAsStream("/test-cert.pem")) {
      b.setCertificateEntry("x", cf.generateCertificate(in));
    }
    assertThat(ServiceNowClients.trustKey(ca)).isNotEqualTo(ServiceNowClients.trustKey(cb));
    assertThat(ServiceNowClients.trustKey(ServiceNowConnection.ofInstance("dev1", Auth.basic("a", "b")))).isEqualTo("default");
  }

  @Test
  void backoffDoublesUpToTheCapWithBoundedJitter() {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofMillis(100), Duration.ofMillis(350), 0.5);
    assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoff(4)).isEqualTo(Duration.ofMillis(350));
    assertThat(p.backoffWithJitter(3, 0.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.backoffWithJitter(3, 1.0)).isEqualTo(Duration.ofMillis(200));
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0))
        .isInstanceOf(ServiceNowInputException.class);
  }

  @Test
  void debugLogsCarryNoSecrets() {
    Logger root = (Logger) LoggerFactory.getLogger("com.acme.servicenow");
    Level old = root.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
    try {
      wm.stubFor(post(urlEqualTo("/oauth_token.do")).willReturn(okJson(
          "{\"access_token\":\"ACCESS-SECRET\",\"refresh_token\":\"REFRESH-SECRET\",\"expires_in\":1800}")));
      wm.stubFor(get(urlPathEqualTo("/api/now/table/incident/" + SYS_ID)).willReturn(aResponse().withStatus(503)));
      ServiceNowClient c = client(Auth.password("cid", "CLIENT-SECRET", "admin", "PASSWORD-SECRET"));
      assertThatThrownBy(() -> c.table().get("incident", SYS_ID, null)).isInstanceOf(ServiceNowException.class);
      c.table().create("incident", Map.of("a", "b"), null);
    } catch (ServiceNowException ignored) {
      // create fails too (no stub); only the logs matter
    } finally {
      root.detachAppender(appender);
      root.setLevel(old);
    }
    assertThat(appender.list).isNotEmpty();
    for (ILoggingEvent e : appender.list) {
      assertThat(e.getFormattedMessage()).doesNotContain("SECRET");
    }
  }
}
