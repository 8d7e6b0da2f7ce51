package com.acme.servicenow.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.harness.BpmnExamples;
import com.acme.servicenow.harness.BpmnServiceTask;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.ElementTemplate;
import com.acme.servicenow.harness.GeneratedTemplates;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import io.camunda.connector.api.document.DocumentCreationRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The documented example process: its service tasks are what the template produces (bindings, headers,
 * task type) and, run in order with the engine's input mappings, they work against the emulator.
 */
class ExampleProcessTest extends TableConnectorTestSupport {

  private static final Path BPMN =
      GeneratedTemplates.projectRoot().resolve(Path.of("docs", "examples", "table-order-incident.bpmn"));

  private static final ConnectorRuntimeHarness RUNTIME_WITH_DOC_SECRETS =
      ConnectorRuntimeHarness.forFunction(new ServiceNowTableFunction(CLIENTS))
          .secret("SERVICENOW_USER", USER)
          .secret("SERVICENOW_PASSWORD", PASSWORD)
          .build();

  private static Map<String, BpmnServiceTask> serviceTasks() {
    Map<String, BpmnServiceTask> tasks = new LinkedHashMap<>();
    for (BpmnServiceTask task : BpmnExamples.serviceTasks(BPMN)) {
      tasks.put(task.elementId(), task);
    }
    return tasks;
  }

  /** What the engine does: input mappings, fetch variables, then the runtime; outputs go back to the process. */
  private static JobOutcome run(BpmnServiceTask task, Map<String, Object> processVariables) {
    JobRequest job =
        task.invocation()
            .processVariables(processVariables)
            // the example names a real instance; the test talks to the emulator
            .overrideInput("connection.instance", SN.baseUrl())
            .fetchVariables(INPUT_VARIABLES)
            .toJobRequest();
    JobOutcome outcome = RUNTIME_WITH_DOC_SECRETS.run(job);
    if (outcome instanceof JobOutcome.Completed completed) {
      processVariables.putAll(task.propagatedVariables(completed.variables(), processVariables));
    }
    return outcome;
  }

  @Test
  void serviceTasksAreWhatTheTemplateProduces() {
    ElementTemplate template = TEMPLATE;
    Set<String> bindings =
        template.properties().stream()
            .filter(p -> "zeebe:input".equals(p.bindingType()))
            .map(ElementTemplate.TemplateProperty::bindingName)
            .collect(Collectors.toSet());
    Map<String, BpmnServiceTask> tasks = serviceTasks();
    assertThat(tasks).containsOnlyKeys("Task_UpsertIncident", "Task_AttachReport", "Task_ReadIncident");
    for (BpmnServiceTask task : tasks.values()) {
      assertThat(task.type()).isEqualTo(ServiceNowTableFunction.TYPE);
      assertThat(task.modelerTemplate()).isEqualTo(template.id());
      assertThat(task.modelerTemplateVersion()).isEqualTo(template.version());
      assertThat(task.headers())
          .containsEntry("elementTemplateId", template.id())
          .containsEntry("elementTemplateVersion", String.valueOf(template.version()));
      assertThat(task.inputs()).extracting(BpmnServiceTask.Mapping::target).allSatisfy(target -> assertThat(bindings).contains(target));
    }
  }

  @Test
  void theExampleRunsAgainstTheEmulator() {
    Map<String, BpmnServiceTask> tasks = serviceTasks();
    String orderId = "ORD-" + marker();
    byte[] report = ("Payment for " + orderId + " declined: insufficient funds").getBytes(StandardCharsets.UTF_8);
    Object reportReference =
        RUNTIME_WITH_DOC_SECRETS.objectMapper().convertValue(
            RUNTIME_WITH_DOC_SECRETS.documentFactory()
                .create(DocumentCreationRequest.from(report).fileName("report.txt").contentType("text/plain").build()),
            Object.class);
    Map<String, Object> process = new LinkedHashMap<>();
    process.put("orderId", orderId);
    process.put("failureReason", "insufficient funds");
    process.put("failureReport", reportReference);

    run(tasks.get("Task_UpsertIncident"), process).asCompleted();
    assertThat(map(process.get("incidentUpsert"))).containsEntry("action", "created");
    assertThat((String) process.get("incidentNumber")).startsWith("INC");
    String sysId = (String) process.get("incidentSysId");

    run(tasks.get("Task_AttachReport"), process).asCompleted();
    assertThat(map(process.get("reportAttachment")))
        .containsEntry("fileName", "payment-" + orderId + ".txt")
        .containsEntry("tableSysId", sysId)
        .containsEntry("sizeBytes", (long) report.length);

    run(tasks.get("Task_ReadIncident"), process).asCompleted();
    assertThat(process).containsEntry("incidentState", "New");

    // the process runs again for the same order: the same incident is updated, not duplicated
    run(tasks.get("Task_UpsertIncident"), process).asCompleted();
    assertThat(map(process.get("incidentUpsert"))).containsEntry("action", "updated").containsEntry("sysId", sysId);

    // someone else created a second incident for the order: the boundary event's BPMN error
    emulator().records().insert("incident", Map.of("correlation_id", orderId));
    JobOutcome.BpmnError duplicates = run(tasks.get("Task_UpsertIncident"), process).asBpmnError();
    assertThat(duplicates.errorCode()).isEqualTo("DUPLICATE_INCIDENTS");
    assertThat(list(duplicates.variables().get("duplicates"))).hasSize(2);
    assertThat(duplicates.variables().get("duplicates").toString()).contains(sysId);

    // the incident was deleted meanwhile: the other boundary event
    emulator().records().delete("incident", sysId);
    assertThat(run(tasks.get("Task_ReadIncident"), process).asBpmnError().errorCode()).isEqualTo("INCIDENT_GONE");
  }
}
