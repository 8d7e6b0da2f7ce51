package com.acme.servicenow.reliability;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.auth.TokenCache;
import com.acme.servicenow.client.http.RetryPolicy;
import com.acme.servicenow.connector.common.RuntimeSettings;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.connector.incident.IncidentService;
import com.acme.servicenow.connector.incident.ServiceNowIncidentFunction;
import com.acme.servicenow.connector.table.ServiceNowTableFunction;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared set-up of the reliability suite: an HTTPS emulator with a basic-auth user and an OAuth
 * client, our two connectors wired as an operator would (the emulator's certificate trusted, no
 * plain HTTP) with a short client retry budget, and job builders. Credentials always come from the
 * runtime's secret provider.
 */
final class Reliability {

  static final String USER = "rel.integration";
  static final String PASSWORD = "Rel-Pa55w0rd-51c7e";
  static final String CLIENT_ID = "rel-oauth-client";
  static final String CLIENT_SECRET = "Rel-Cl1ent-S3cret-88d2b";

  static final Map<String, String> SECRETS =
      Map.of("SN_USER", USER, "SN_PASSWORD", PASSWORD, "SN_CLIENT_ID", CLIENT_ID, "SN_CLIENT_SECRET", CLIENT_SECRET);

  /**
   * 3 attempts within 3 s: a {@code Retry-After} of 1 s is slept by the client, one of 30 s is handed
   * to the engine as the job's retry backoff.
   */
  static final RetryPolicy POLICY =
      new RetryPolicy(3, Duration.ofSeconds(3), Duration.ofMillis(20), Duration.ofMillis(100), 0);

  private Reliability() {}

  static ServiceNowEmulatorExtension emulator() {
    return ServiceNowEmulatorExtension.create(
        b ->
            b.https(true)
                .seed("demo")
                .user(USER, PASSWORD, "admin", "itil")
                .oauthClient(CLIENT_ID, CLIENT_SECRET)
                .clientCredentialsGrant(CLIENT_ID, USER)
                .tokenLifetime(Duration.ofMinutes(30)));
  }

  /** A fresh token cache per call, so token requests can be counted from zero. */
  static ServiceNowClientFactory factory(ServiceNowEmulator sn, RetryPolicy policy) {
    return ServiceNowClientFactory.of(
        new RuntimeSettings(false, sn.certificatePem()),
        ClientOptions.defaults().withRetryPolicy(policy).withTokenCache(new TokenCache()));
  }

  static ConnectorRuntimeHarness tableRuntime(ServiceNowEmulator sn) {
    return ConnectorRuntimeHarness.forFunction(new ServiceNowTableFunction(factory(sn, POLICY))).secrets(SECRETS).build();
  }

  static ConnectorRuntimeHarness incidentRuntime(ServiceNowEmulator sn) {
    return ConnectorRuntimeHarness.forFunction(
            new ServiceNowIncidentFunction(factory(sn, POLICY), new IncidentService()))
        .secrets(SECRETS)
        .build();
  }

  /** Runs the job on the connector its type names. */
  static JobOutcome run(ServiceNowEmulator sn, JobRequest job) {
    ConnectorRuntimeHarness runtime =
        job.type().equals(ServiceNowIncidentFunction.TYPE) ? incidentRuntime(sn) : tableRuntime(sn);
    return runtime.run(job);
  }

  enum Auth {
    BASIC,
    OAUTH;

    Map<String, Object> variables() {
      return this == BASIC
          ? Map.of("type", "basic", "username", "{{secrets.SN_USER}}", "password", "{{secrets.SN_PASSWORD}}")
          : Map.of(
              "type", "oauthClientCredentials",
              "clientId", "{{secrets.SN_CLIENT_ID}}",
              "clientSecret", "{{secrets.SN_CLIENT_SECRET}}");
    }
  }

  static Map<String, Object> connection(ServiceNowEmulator sn, int readTimeoutSeconds) {
    return Map.of("instance", sn.baseUrl(), "connectTimeoutSeconds", 5, "readTimeoutSeconds", readTimeoutSeconds);
  }

  static JobRequest.Builder tableJob(ServiceNowEmulator sn, Auth auth, Map<String, ?> operation) {
    return tableJob(sn, auth, "incident", operation, 10);
  }

  static JobRequest.Builder tableJob(
      ServiceNowEmulator sn, Auth auth, String table, Map<String, ?> operation, int readTimeoutSeconds) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("connection", connection(sn, readTimeoutSeconds));
    vars.put("authentication", auth.variables());
    vars.put("table", table);
    vars.put("operation", operation);
    return JobRequest.builder().type(ServiceNowTableFunction.TYPE).variables(vars).resultVariable("result").retries(3);
  }

  static JobRequest.Builder incidentJob(ServiceNowEmulator sn, Auth auth, Map<String, ?> operation, int readTimeoutSeconds) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("connection", connection(sn, readTimeoutSeconds));
    vars.put("authentication", auth.variables());
    vars.put("operation", operation);
    return JobRequest.builder().type(ServiceNowIncidentFunction.TYPE).variables(vars).resultVariable("incident").retries(3);
  }

  static String seededIncident(ServiceNowEmulator sn) {
    return sn.records().find("incident", "number=INC0000002").get(0).get("sys_id");
  }

  /** Requests that reached the ServiceNow APIs (the token endpoint excluded). */
  static List<RecordedRequest> apiRequests(ServiceNowEmulator sn) {
    return sn.journal().all().stream().filter(r -> r.path().startsWith("/api/")).toList();
  }

  static List<Integer> apiStatuses(ServiceNowEmulator sn) {
    return apiRequests(sn).stream().map(RecordedRequest::status).toList();
  }

  static long tokenRequests(ServiceNowEmulator sn) {
    return sn.journal().count("POST", "/oauth_token.do");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(JobOutcome.Failed failed) {
    return (Map<String, Object>) failed.variables().get("error");
  }
}
