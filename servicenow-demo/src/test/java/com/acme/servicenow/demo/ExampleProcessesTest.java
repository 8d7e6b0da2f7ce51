package com.acme.servicenow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.emulator.FlowDefinition;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.harness.BpmnExamples;
import com.acme.servicenow.harness.BpmnServiceTask;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.GeneratedTemplates;
import com.acme.servicenow.harness.JobOutcome;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code docs/examples/*.bpmn} as the engine would: the service tasks of our connectors
 * in sequence-flow order, input mappings evaluated with FEEL against the process variables, each
 * job through the real {@code SpringConnectorJobHandler} against the emulator, result expressions
 * merged back. What other workers or users would contribute (a payment worker's error, a form's
 * notes, a document) is given as starting variables below.
 */
class ExampleProcessesTest {

  private static final Map<String, String> SECRETS =
      Map.of("SERVICENOW_USER", "admin", "SERVICENOW_PASSWORD", "admin");

  private static ServiceNowEmulator emulator;
  private static Map<Connector, ConnectorRuntimeHarness> runtimes;

  @BeforeAll
  static void start() {
    emulator =
        ServiceNowEmulator.builder()
            .https(true)
            .seed("demo")
            // the long onboarding flow of flow-laptop-provisioning reports back later by message
            .flow(FlowDefinition.named("x_acme_it.onboard_user").neverCompletes())
            .start();
    ServiceNowClientFactory clients = DemoEmulator.clientsFor(emulator);
    runtimes = new EnumMap<>(Connector.class);
    for (Connector c : Connector.values()) {
      runtimes.put(c, ConnectorRuntimeHarness.forFunction(c.newFunction(clients)).secrets(SECRETS).build());
    }
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static Stream<Path> examples() {
    return BpmnExamples.exampleFiles().stream();
  }

  /** What the rest of the process (other workers, forms, documents) contributes, per example file. */
  private static Map<String, Object> startingVariables(String file) {
    Map<String, Object> vars = new LinkedHashMap<>();
    switch (file) {
      case "flow-laptop-provisioning.bpmn" -> {
        vars.put("ramGb", 16);
        vars.put("employeeName", "Ada Lovelace");
      }
      case "incident-from-bpmn-error.bpmn" -> {
        // the error boundary event's output mappings, after the payment worker threw
        vars.put("errorCode", "PAYMENT_DECLINED");
        vars.put("errorMessage", "Card declined by the issuer");
        // the user task's form
        vars.put("resolutionNotes", "Customer paid by bank transfer.");
      }
      case "table-order-incident.bpmn" -> {
        vars.put("orderId", "ORD-4711");
        vars.put("failureReason", "Payment provider timed out twice.");
        ConnectorRuntimeHarness any = runtimes.get(Connector.TABLE);
        Document report =
            any.documentFactory()
                .create(
                    DocumentCreationRequest.from("timeout at 10:02, 10:07".getBytes(StandardCharsets.UTF_8))
                        .fileName("report.txt")
                        .contentType("text/plain")
                        .build());
        // a document variable holds the reference, as the engine stores it
        vars.put("failureReport", any.objectMapper().convertValue(report, new TypeReference<Map<String, Object>>() {}));
      }
      default -> {
        // a new example runs with no starting variables; if its mappings need some, its tasks fail
        // below with the message naming this method
      }
    }
    return vars;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyConnectorTaskOfTheExampleRunsAgainstTheEmulator(Path file) {
    String name = file.getFileName().toString();
    Map<String, Object> variables = startingVariables(name);
    List<BpmnServiceTask> ours = new ArrayList<>();
    for (BpmnServiceTask task : BpmnExamples.serviceTasksInFlowOrder(file)) {
      if (!task.type().startsWith("com.acme:servicenow-")) {
        continue; // another worker's task; its contribution is in the starting variables
      }
      ours.add(task);
      Connector connector = Connector.forType(task.type());
      int before = emulator.journal().all().size();
      JobOutcome outcome =
          runtimes
              .get(connector)
              .run(
                  task.invocation()
                      .processVariables(variables)
                      .overrideInput("connection.instance", emulator.baseUrl())
                      .fetchVariables(connector.inputVariables())
                      .toJobRequest());
      List<RecordedRequest> all = emulator.journal().all();
      List<RecordedRequest> requests = all.subList(before, all.size());

      assertThat(outcome)
          .as(task.describe() + ": " + outcome + " (missing starting variables? see startingVariables)")
          .isInstanceOf(JobOutcome.Completed.class);
      assertThat(requests).as(task.describe() + " talked to ServiceNow").isNotEmpty();
      assertThat(requests).allSatisfy(r -> assertThat(r.status()).as(r.method() + " " + r.path()).isLessThan(400));
      variables.putAll(task.propagatedVariables(((JobOutcome.Completed) outcome).variables(), variables));
    }
    assertThat(ours).as(name + " uses our connectors").isNotEmpty();

    switch (name) {
      case "flow-laptop-provisioning.bpmn" -> {
        assertThat((String) variables.get("requestNumber")).startsWith("REQ");
        assertThat(variables.get("vmName")).isNotNull();
        assertThat(variables.get("onboardingContextId")).isNotNull();
      }
      case "incident-from-bpmn-error.bpmn" -> {
        String sysId = (String) variables.get("incidentSysId");
        Map<String, String> incident = emulator.records().get("incident", sysId).orElseThrow();
        assertThat(incident.get("state")).isEqualTo("6");
        assertThat(incident.get("close_notes")).isEqualTo("Customer paid by bank transfer.");
        assertThat(incident.get("description")).contains("PAYMENT_DECLINED");
      }
      case "table-order-incident.bpmn" -> {
        String sysId = (String) variables.get("incidentSysId");
        assertThat(emulator.records().find("incident", "correlation_id=ORD-4711")).hasSize(1);
        assertThat(emulator.records().find("sys_attachment", "table_sys_id=" + sysId)).hasSize(1);
        assertThat(variables.get("incidentState")).isNotNull();
      }
      default -> { }
    }
  }

  @Test
  void exampleTasksUseCommittedTemplatesAndOnlyTheirBindings() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path templates = GeneratedTemplates.projectRoot().resolve("element-templates");
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (String f : List.of("servicenow-table-connector.json", "servicenow-incident-connector.json",
        "servicenow-flow-connector.json")) {
      JsonNode t = json.readTree(templates.resolve(f).toFile());
      byId.put(t.path("id").asText(), t);
    }
    assertThat(BpmnExamples.exampleFiles()).isNotEmpty();
    for (Path file : BpmnExamples.exampleFiles()) {
      for (BpmnServiceTask task : BpmnExamples.serviceTasks(file)) {
        if (task.modelerTemplate() == null) {
          continue;
        }
        JsonNode template = byId.get(task.modelerTemplate());
        assertThat(template).as(task.describe() + " uses a committed template").isNotNull();
        assertThat(task.modelerTemplateVersion()).isEqualTo(template.path("version").asInt());
        Set<String> inputs = new HashSet<>();
        Set<String> headers = new HashSet<>();
        String type = null;
        for (JsonNode p : template.path("properties")) {
          JsonNode b = p.path("binding");
          switch (b.path("type").asText()) {
            case "zeebe:input" -> inputs.add(b.path("name").asText());
            case "zeebe:taskHeader" -> headers.add(b.path("key").asText());
            case "zeebe:taskDefinition" -> {
              if ("type".equals(b.path("property").asText())) {
                type = p.path("value").asText();
              }
            }
            default -> { }
          }
        }
        assertThat(task.type()).as(task.describe()).isEqualTo(type);
        assertThat(task.inputs()).extracting(BpmnServiceTask.Mapping::target).as(task.describe()).allMatch(inputs::contains);
        assertThat(task.headers().keySet()).as(task.describe()).allMatch(headers::contains);
      }
    }
  }
}
