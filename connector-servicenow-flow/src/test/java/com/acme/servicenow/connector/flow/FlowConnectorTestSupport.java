package com.acme.servicenow.connector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.connector.common.RuntimeSettings;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.emulator.FlowDefinition;
import com.acme.servicenow.emulator.FlowType;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.ElementTemplate;
import com.acme.servicenow.harness.ElementTemplateInvocation;
import com.acme.servicenow.harness.GeneratedTemplates;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the connector through the real runtime path (harness) against the emulator over HTTP, with
 * virtual time shared by the client and the emulator.
 */
abstract class FlowConnectorTestSupport {

  static final String USER = "flow.runner";
  /** Distinctive, so a leak into results, messages or logs is easy to spot. */
  static final String PASSWORD = "Pw-7f3c9e1d-never-log-me";
  static final String SECRET_REF = "{{secrets.SN_PASSWORD}}";

  @RegisterExtension
  static final ServiceNowEmulatorExtension SN =
      ServiceNowEmulatorExtension.create(b -> {
        b.seed("demo").user(USER, PASSWORD, "admin");
        flows().forEach(b::flow);
      });

  /** The flows the tests start; their states advance on the emulator clock (driven by {@link VirtualTime}). */
  static List<FlowDefinition> flows() {
    return List.of(
        FlowDefinition.named("x_acme_it.provision_vm").queuedFor(Duration.ofMillis(500))
            .completesAfter(Duration.ofSeconds(5)).withOutputs(Map.of("ip", "10.0.0.7", "hostname", "vm-42")),
        FlowDefinition.named("x_acme_it.reset_password").type(FlowType.ACTION).completesAfter(Duration.ZERO)
            .withOutputs(Map.of("done", true)),
        FlowDefinition.named("x_acme_it.always_fails").failsAfter(Duration.ofSeconds(3), "Backend unreachable"),
        FlowDefinition.named("x_acme_it.needs_approval").waitsFor("ASK_FOR_APPROVAL"),
        FlowDefinition.named("x_acme_it.never_ends").neverCompletes(),
        FlowDefinition.named("x_acme_it.onboard_user").waitsFor("ASK_FOR_APPROVAL"),
        FlowDefinition.named("x_acme_it.broken").failsToStart("Script error in step 1"),
        FlowDefinition.named("x_acme_it.rest_notify").restTrigger("POST", "/api/x_acme_it/notify")
            .completesAfter(Duration.ofSeconds(4)).withOutputs(Map.of("notified", true)),
        FlowDefinition.named("x_acme_it.rest_fails").restTrigger("POST", "/api/x_acme_it/fails")
            .failsAfter(Duration.ofSeconds(2), "No CI matched"),
        FlowDefinition.named("x_acme_it.rest_approval").restTrigger("POST", "/api/x_acme_it/approval")
            .waitsFor("ASK_FOR_APPROVAL"),
        FlowDefinition.named("x_acme_it.rest_slow").restTrigger("PUT", "/api/x_acme_it/slow").neverCompletes(),
        FlowDefinition.named("x_acme_it.rest_lookup").restTrigger("GET", "/api/x_acme_it/lookup")
            .completesAfter(Duration.ofSeconds(1)));
  }

  VirtualTime time;

  @BeforeEach
  void newTime() {
    time = new VirtualTime(SN.emulator().clock());
  }

  ServiceNowEmulator emulator() {
    return SN.emulator();
  }

  ServiceNowFlowFunction function() {
    ClientOptions options = ClientOptions.defaults().withClock(time).withSleeper(time);
    return new ServiceNowFlowFunction(ServiceNowClientFactory.of(new RuntimeSettings(true, null), options));
  }

  ConnectorRuntimeHarness harness() {
    return ConnectorRuntimeHarness.forFunction(function()).secret("SN_PASSWORD", PASSWORD).build();
  }

  JobOutcome run(JobRequest job) {
    JobOutcome outcome = harness().run(job);
    assertThat(String.valueOf(outcome)).doesNotContain(PASSWORD);
    return outcome;
  }

  static Map<String, Object> connection() {
    return Map.of("instance", SN.baseUrl());
  }

  static Map<String, Object> authentication() {
    return Map.of("type", "basic", "username", USER, "password", SECRET_REF);
  }

  /** A job with the variables the template would produce, for the given operation. */
  static JobRequest.Builder job(Map<String, ?> operation) {
    return JobRequest.builder()
        .type(ServiceNowFlowFunction.TYPE)
        .variable("connection", connection())
        .variable("authentication", authentication())
        .variable("operation", new LinkedHashMap<>(operation))
        .resultVariable("result")
        .retries(3);
  }

  static ElementTemplate template() {
    return ElementTemplate.load(
        GeneratedTemplates.projectRoot().resolve("element-templates").resolve("servicenow-flow-connector.json"));
  }

  /** The template filled in as a modeller would, with connection and basic authentication set. */
  static ElementTemplateInvocation invocation() {
    return template()
        .invocation()
        .set("connection.instance", SN.baseUrl())
        .set("authentication.type", "basic")
        .set("authentication.basicUsername", USER)
        .set("authentication.basicPassword", SECRET_REF)
        .fetchVariables(List.of(ServiceNowFlowFunction.class
            .getAnnotation(io.camunda.connector.api.annotation.OutboundConnector.class).inputVariables()));
  }

  static Path generatedTemplates() {
    return Path.of("target/element-templates");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> result(JobOutcome outcome) {
    return (Map<String, Object>) outcome.asCompleted().variables().get("result");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(JobOutcome.Failed failed) {
    return (Map<String, Object>) failed.variables().get("error");
  }

  /** Cancels a flow context through the companion flow API, as an operator or another process would. */
  static void cancel(String contextId, String reason) {
    try {
      var http = java.net.http.HttpClient.newHttpClient();
      var request = java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(SN.baseUrl() + "/api/x_acme_camunda/flow/v1/cancel/" + contextId))
          .header("Authorization", "Basic " + java.util.Base64.getEncoder()
              .encodeToString((USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\"}"))
          .build();
      int status = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
      assertThat(status).isEqualTo(200);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
