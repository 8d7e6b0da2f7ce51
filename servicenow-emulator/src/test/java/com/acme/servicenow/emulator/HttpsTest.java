package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Point 10: HTTPS with a generated certificate that clients trust explicitly; X-Transaction-ID. */
class HttpsTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b.https(true).seed("demo"));

  @Test
  void clientTrustingTheEmulatorCertificateSucceeds() {
    assertThat(sn.baseUrl()).startsWith("https://localhost:");
    assertThat(sn.emulator().isHttps()).isTrue();
    Http http = new Http(sn.baseUrl(), HttpClient.newBuilder().sslContext(sn.emulator().clientSslContext()).build());
    Http.Response r = http.get("/api/now/table/incident?sysparm_limit=1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("X-Transaction-ID")).matches("[0-9a-f]{12}");
    assertThat(r.header("Strict-Transport-Security")).isNotNull();
    // links use the https base URL
    assertThat(r.header("Link")).startsWith("<https://localhost:");
  }

  @Test
  void defaultTrustClientFails() {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(sn.baseUrl() + "/api/now/table/incident")).build();
    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void certificateCoversLocalhostAndLoopbackAndIsInTheTrustStore() throws Exception {
    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(sn.emulator().certificatePem().getBytes(StandardCharsets.US_ASCII)));
    assertThat(cert.getSubjectAlternativeNames()).extracting(l -> l.get(1).toString())
        .contains("localhost", "127.0.0.1");
    assertThat(Collections.list(sn.emulator().trustStore().aliases())).hasSize(1);
    assertThat(sn.emulator().trustStore().getCertificate(Collections.list(sn.emulator().trustStore().aliases()).get(0)))
        .isEqualTo(cert);
    // 127.0.0.1 works too because the SAN lists it
    Http byIp = new Http("https://127.0.0.1:" + sn.emulator().port(),
        HttpClient.newBuilder().sslContext(sn.emulator().clientSslContext()).build());
    assertThat(byIp.get("/api/now/table/incident?sysparm_limit=1").status()).isEqualTo(200);
  }

  @Test
  void plainHttpEmulatorHasNoCertificate() {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().start()) {
      assertThat(e.baseUrl()).startsWith("http://localhost:");
      assertThatThrownBy(e::clientSslContext).isInstanceOf(IllegalStateException.class);
    }
  }
}
