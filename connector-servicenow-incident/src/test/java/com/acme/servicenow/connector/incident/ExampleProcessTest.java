package com.acme.servicenow.connector.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.BpmnExamples;
import com.acme.servicenow.harness.BpmnServiceTask;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.ElementTemplate;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import io.camunda.connector.api.annotation.OutboundConnector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/examples/incident-from-bpmn-error.bpmn: the error path, task by task, against the emulator. */
class ExampleProcessTest {

  static final Path EXAMPLE = BpmnExamples.examplesDirectory().resolve("incident-from-bpmn-error.bpmn");

  @RegisterExtension static ServiceNowEmulatorExtension ext = IncidentFixture.emulator();

  private static List<BpmnServiceTask> ourTasks() {
    return BpmnExamples.serviceTasksInFlowOrder(EXAMPLE).stream()
        .filter(t -> ServiceNowIncidentFunction.TEMPLATE_ID.equals(t.modelerTemplate()))
        .toList();
  }

  @Test
  void everyTaskUsesThisTemplateAndOnlyItsBindings() {
    ElementTemplate template = IncidentFixture.template();
    List<String> bindings =
        template.properties().stream()
            .filter(p -> "zeebe:input".equals(p.bindingType()))
            .map(ElementTemplate.TemplateProperty::bindingName)
            .toList();
    List<BpmnServiceTask> tasks = ourTasks();
    assertThat(tasks).extracting(BpmnServiceTask::elementId).containsExactly("Task_RaiseIncident", "Task_ResolveIncident");
    for (BpmnServiceTask task : tasks) {
      assertThat(task.modelerTemplateVersion()).isEqualTo(template.version());
      assertThat(task.type()).isEqualTo(ServiceNowIncidentFunction.TYPE);
      assertThat(task.header("elementTemplateId")).contains(ServiceNowIncidentFunction.TEMPLATE_ID);
      assertThat(task.inputs()).allSatisfy(input -> assertThat(bindings).as(task.describe()).contains(input.target()));
    }
  }

  @Test
  void raisesTheIncidentWithProcessContextThenResolvesIt() {
    ServiceNowEmulator sn = ext.emulator();
    String[] inputVariables = ServiceNowIncidentFunction.class.getAnnotation(OutboundConnector.class).inputVariables();
    ConnectorRuntimeHarness harness =
        ConnectorRuntimeHarness.forFunction(IncidentFixture.function())
            .secret("SERVICENOW_USER", IncidentFixture.USER)
            .secret("SERVICENOW_PASSWORD", IncidentFixture.PASSWORD)
            .build();
    // what the error boundary event's output mappings leave in the process
    Map<String, Object> process = new LinkedHashMap<>();
    process.put("errorCode", "PAYMENT_FAILED");
    process.put("errorMessage", "Card declined: insufficient funds");
    process.put("orderId", "4711");

    for (BpmnServiceTask task : ourTasks()) {
      if (task.elementId().equals("Task_ResolveIncident")) {
        process.put("resolutionNotes", "Customer paid by invoice"); // from the user task
      }
      JobRequest job =
          task.invocation()
              .processVariables(process)
              .overrideInput("connection.instance", sn.baseUrl())
              .processInstanceKey(2251799813700001L)
              .elementInstanceKey(task.elementId().equals("Task_RaiseIncident") ? 2251799813700010L : 2251799813700020L)
              .fetchVariables(List.of(inputVariables))
              .toJobRequest();
      JobOutcome outcome = harness.run(job);
      assertThat(String.valueOf(outcome)).doesNotContain(IncidentFixture.PASSWORD);
      process.putAll(task.propagatedVariables(outcome.asCompleted().variables(), process));
    }

    String sysId = (String) process.get("incidentSysId");
    assertThat((String) process.get("incidentNumber")).startsWith("INC");
    assertThat((String) process.get("incidentLink")).endsWith("%3D" + sysId);
    Map<String, String> stored = sn.records().get("incident", sysId).orElseThrow();
    assertThat(stored.get("short_description")).isEqualTo("order-payment: PAYMENT_FAILED – Card declined: insufficient funds");
    assertThat(stored.get("description"))
        .contains("Process: order-payment", "Process instance key: 2251799813700001", "Failed activity: Charge payment",
            "Reported by element: Task_RaiseIncident", "Error code: PAYMENT_FAILED",
            "Operate: https://operate.example.com/operate/processes/2251799813700001");
    assertThat(stored)
        .containsEntry("correlation_id", "camunda:2251799813700001:2251799813700010")
        .containsEntry("impact", "1")
        .containsEntry("state", "6")
        .containsEntry("close_code", "Workaround provided")
        .containsEntry("close_notes", "Customer paid by invoice");
    assertThat(stored.get("assignment_group"))
        .isEqualTo(sn.records().find("sys_user_group", "name=Software").get(0).get("sys_id"));
  }
}
