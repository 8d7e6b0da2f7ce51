package com.acme.servicenow.connector.incident;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.http.RetryPolicy;
import com.acme.servicenow.connector.common.RuntimeSettings;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.ElementTemplate;
import com.acme.servicenow.harness.GeneratedTemplates;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared set-up: the demo emulator, the function wired to trust it, and job builders. */
final class IncidentFixture {

  static final String USER = "camunda.integration";
  static final String PASSWORD = "Sup3r-Secret-pw";
  static final String SEED_INCIDENT_2 = "INC0000002"; // New, Network
  static final String SEED_INCIDENT_3 = "INC0000003"; // In Progress
  static final String SEED_INCIDENT_5 = "INC0000005"; // Resolved

  private IncidentFixture() {}

  static ServiceNowEmulatorExtension emulator() {
    return ServiceNowEmulatorExtension.create(b -> b.seed("demo").user(USER, PASSWORD, "itil"));
  }

  /** The function as the runtime would create it, except that it may talk plain HTTP to the emulator. */
  static ServiceNowIncidentFunction function() {
    RetryPolicy fast = new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(20), 0);
    ServiceNowClientFactory factory =
        ServiceNowClientFactory.of(new RuntimeSettings(true, null), ClientOptions.defaults().withRetryPolicy(fast));
    // a zero TTL makes every resolve read sys_choice, so tests that change the choices see them at once
    return new ServiceNowIncidentFunction(factory, new IncidentService(Duration.ZERO, Clock.systemUTC()));
  }

  static ConnectorRuntimeHarness harness() {
    return ConnectorRuntimeHarness.forFunction(function())
        .secret("SN_USER", USER)
        .secret("SN_PASSWORD", PASSWORD)
        .build();
  }

  static Map<String, Object> connection(ServiceNowEmulator sn) {
    return Map.of("instance", sn.baseUrl());
  }

  static Map<String, Object> authentication() {
    return Map.of("type", "basic", "username", "{{secrets.SN_USER}}", "password", "{{secrets.SN_PASSWORD}}");
  }

  /** A job with the given operation (type + inputs) and result variable {@code incident}. */
  static JobRequest.Builder job(ServiceNowEmulator sn, String type, Map<String, ?> inputs) {
    Map<String, Object> operation = new LinkedHashMap<>(inputs);
    operation.put("type", type);
    return JobRequest.builder()
        .type(ServiceNowIncidentFunction.TYPE)
        .variable("connection", connection(sn))
        .variable("authentication", authentication())
        .variable("operation", operation)
        .resultVariable("incident");
  }

  static JobOutcome run(ServiceNowEmulator sn, String type, Map<String, ?> inputs) {
    return harness().run(job(sn, type, inputs).build());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> result(JobOutcome outcome) {
    return (Map<String, Object>) outcome.asCompleted().variables().get("incident");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> record(Map<String, Object> result) {
    return (Map<String, Object>) result.get("record");
  }

  static ElementTemplate template() {
    return ElementTemplate.load(
        GeneratedTemplates.projectRoot().resolve("element-templates/servicenow-incident-connector.json"));
  }

  static Path generatedTemplates() {
    return Path.of("target/element-templates");
  }

  static List<RecordedRequest> writes(ServiceNowEmulator sn) {
    return sn.journal().all().stream().filter(r -> !r.method().equals("GET")).toList();
  }

  static Map<String, String> incidentByNumber(ServiceNowEmulator sn, String number) {
    return sn.records().find("incident", "number=" + number).get(0);
  }
}
