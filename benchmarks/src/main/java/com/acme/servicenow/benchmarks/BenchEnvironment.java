package com.acme.servicenow.benchmarks;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.connector.common.RuntimeSettings;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.connector.incident.IncidentService;
import com.acme.servicenow.connector.incident.ServiceNowIncidentFunction;
import com.acme.servicenow.connector.table.ServiceNowTableFunction;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import io.camunda.connector.http.rest.HttpJsonFunction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One HTTPS emulator with the benchmark's users and OAuth client, the three functions under test
 * (ours wired to trust the emulator's certificate through the operator setting, Camunda's REST
 * connector through the JDK's {@code javax.net.ssl.trustStore}) and the job variables each needs.
 */
public final class BenchEnvironment implements AutoCloseable {

  public static final String USER = "bench.integration";
  public static final String PASSWORD = "Bench-Pa55w0rd-9f2c";
  public static final String CLIENT_ID = "bench-oauth-client";
  public static final String CLIENT_SECRET = "Bench-Cl1ent-S3cret-7a1e";
  public static final String TRUST_STORE_PASSWORD = "changeit";

  /** Secrets as the runtime's secret provider resolves them ({@code {{secrets.NAME}}}). */
  public static final Map<String, String> SECRETS =
      Map.of("SN_USER", USER, "SN_PASSWORD", PASSWORD, "SN_CLIENT_ID", CLIENT_ID, "SN_CLIENT_SECRET", CLIENT_SECRET);

  private final ServiceNowEmulator emulator;
  /** Where the connectors are pointed: the emulator itself or a {@link LatencyProxy} in front of it. */
  private volatile String target;

  public BenchEnvironment(Duration tokenLifetime, Consumer<ServiceNowEmulator.Builder> customise) {
    ServiceNowEmulator.Builder b =
        ServiceNowEmulator.builder()
            .https(true)
            .seed("demo")
            .user(USER, PASSWORD, "admin", "itil")
            .oauthClient(CLIENT_ID, CLIENT_SECRET)
            .clientCredentialsGrant(CLIENT_ID, USER)
            .tokenLifetime(tokenLifetime);
    customise.accept(b);
    this.emulator = b.start();
    this.target = emulator.baseUrl();
  }

  /** Points every job built from now on at {@code baseUrl} (a proxy); null = the emulator itself. */
  public void target(String baseUrl) {
    this.target = baseUrl == null ? emulator.baseUrl() : baseUrl;
  }

  public ServiceNowEmulator emulator() {
    return emulator;
  }

  /** The base URL jobs use (see {@link #target(String)}). */
  public String baseUrl() {
    return target;
  }

  /**
   * Makes the JDK's default trust (which Camunda's REST connector uses: it builds a fresh {@code
   * PoolingHttpClientConnectionManager} per request, whose default TLS strategy is {@code
   * SSLContexts.createDefault()}) trust the emulator: writes its certificate into a PKCS12 file and
   * points {@code javax.net.ssl.trustStore} at it. Must run before the REST connector's first
   * request. Our connectors do not read these properties; they get the certificate from the
   * operator setting ({@link RuntimeSettings#trustedCertificatesPem()}).
   */
  public Path installJdkTrustStore() {
    try {
      Path file = Files.createTempFile("servicenow-emulator-trust", ".p12");
      file.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(file)) {
        emulator.trustStore().store(out, TRUST_STORE_PASSWORD.toCharArray());
      }
      System.setProperty("javax.net.ssl.trustStore", file.toString());
      System.setProperty("javax.net.ssl.trustStorePassword", TRUST_STORE_PASSWORD);
      System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write the emulator's trust store", e);
    }
  }

  /** Our client factory as an operator would configure it for this instance: HTTPS, its certificate trusted. */
  public ServiceNowClientFactory clientFactory(ClientOptions options) {
    return ServiceNowClientFactory.of(new RuntimeSettings(false, emulator.certificatePem()), options);
  }

  public ServiceNowIncidentFunction incidentFunction(ClientOptions options) {
    return new ServiceNowIncidentFunction(clientFactory(options), new IncidentService());
  }

  public ServiceNowTableFunction tableFunction(ClientOptions options) {
    return new ServiceNowTableFunction(clientFactory(options));
  }

  public static HttpJsonFunction restConnector() {
    return new HttpJsonFunction();
  }

  // ---------------------------------------------------------------- job variables

  public Map<String, Object> connection() {
    return Map.of("instance", baseUrl(), "connectTimeoutSeconds", 20, "readTimeoutSeconds", 20);
  }

  public static Map<String, Object> basicAuth() {
    return Map.of("type", "basic", "username", "{{secrets.SN_USER}}", "password", "{{secrets.SN_PASSWORD}}");
  }

  public static Map<String, Object> oauthAuth() {
    return Map.of(
        "type", "oauthClientCredentials",
        "clientId", "{{secrets.SN_CLIENT_ID}}",
        "clientSecret", "{{secrets.SN_CLIENT_SECRET}}");
  }

  /** The incident every variant creates: the same five fields. */
  public static final String SHORT_DESCRIPTION = "Process has encountered an error";
  public static final String DESCRIPTION = "Payment service call failed after 3 attempts";

  /** Our incident connector's create; {@code idempotent=false} = correlation scope NONE (one POST, like the REST connector). */
  public Map<String, Object> ourCreateIncident(boolean idempotent, Map<String, Object> authentication) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("type", "create");
    op.put("shortDescription", SHORT_DESCRIPTION);
    op.put("description", DESCRIPTION);
    op.put("category", "software");
    op.put("impact", "MEDIUM");
    op.put("urgency", "MEDIUM");
    if (!idempotent) {
      op.put("correlationScope", "NONE");
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("connection", connection());
    v.put("authentication", authentication);
    v.put("operation", op);
    return v;
  }

  /**
   * The variables Camunda's official ServiceNow Incident Handler template produces for "create"
   * (reference §2–4): hidden basic authentication, method POST, the table URL, the FEEL body, both
   * timeouts 20 s, storeResponse false, skipEncoding "true". The instance URL is the emulator's
   * instead of {@code https://<snInstance>.service-now.com}.
   */
  public Map<String, Object> restCreateIncident(Map<String, Object> authentication) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("short_description", SHORT_DESCRIPTION);
    body.put("description", DESCRIPTION);
    body.put("category", "software");
    body.put("impact", "2");
    body.put("urgency", "2");
    return restRequest("POST", baseUrl() + "/api/now/table/incident", authentication, body, null);
  }

  public static Map<String, Object> restBasicAuth() {
    return Map.of("type", "basic", "username", "{{secrets.SN_USER}}", "password", "{{secrets.SN_PASSWORD}}");
  }

  /** The REST connector's own OAuth 2.0 client-credentials flow (unreachable in the official template). */
  public Map<String, Object> restOAuth() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("type", "oauth-client-credentials-flow");
    a.put("oauthTokenEndpoint", baseUrl() + "/oauth_token.do");
    a.put("clientId", "{{secrets.SN_CLIENT_ID}}");
    a.put("clientSecret", "{{secrets.SN_CLIENT_SECRET}}");
    a.put("clientAuthentication", "credentialsBody");
    return a;
  }

  public Map<String, Object> restRequest(
      String method, String url, Map<String, Object> authentication, Object body, Map<String, String> query) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("method", method);
    v.put("url", url);
    v.put("authentication", authentication);
    if (body != null) {
      v.put("body", body);
    }
    if (query != null) {
      v.put("queryParameters", query);
    }
    v.put("connectionTimeoutInSeconds", "20");
    v.put("readTimeoutInSeconds", "20");
    v.put("storeResponse", false);
    v.put("skipEncoding", "true");
    return v;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
