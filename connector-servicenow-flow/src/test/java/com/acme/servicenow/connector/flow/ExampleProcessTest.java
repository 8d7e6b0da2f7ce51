package com.acme.servicenow.connector.flow;

import static org.assertj.core.api.Assertions.assertThat;

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

/** docs/examples/flow-laptop-provisioning.bpmn, task by task, through the runtime against the emulator. */
class ExampleProcessTest extends FlowConnectorTestSupport {

  static final Path EXAMPLE = BpmnExamples.examplesDirectory().resolve("flow-laptop-provisioning.bpmn");

  @Test
  void everyTaskUsesThisTemplateAndOnlyItsBindings() {
    ElementTemplate template = template();
    List<BpmnServiceTask> tasks = BpmnExamples.serviceTasks(EXAMPLE);
    assertThat(tasks).hasSize(3);
    for (BpmnServiceTask task : tasks) {
      assertThat(task.modelerTemplate()).isEqualTo(ServiceNowFlowFunction.TEMPLATE_ID);
      assertThat(task.modelerTemplateVersion()).isEqualTo(template.version());
      assertThat(task.type()).isEqualTo(ServiceNowFlowFunction.TYPE);
      assertThat(task.header("elementTemplateId")).contains(ServiceNowFlowFunction.TEMPLATE_ID);
      var bindings = template.properties().stream()
          .filter(p -> "zeebe:input".equals(p.bindingType())).map(ElementTemplate.TemplateProperty::bindingName)
          .toList();
      assertThat(task.inputs()).allSatisfy(input -> assertThat(bindings).as(task.describe()).contains(input.target()));
    }
  }

  @Test
  void runsOrderProvisionAndOnboardingStart() {
    String[] inputVariables = ServiceNowFlowFunction.class.getAnnotation(OutboundConnector.class).inputVariables();
    ConnectorRuntimeHarness harness = ConnectorRuntimeHarness.forFunction(function())
        .secret("SERVICENOW_USER", USER).secret("SERVICENOW_PASSWORD", PASSWORD).build();
    Map<String, Object> process = new LinkedHashMap<>(Map.of("employeeName", "Ada Lovelace", "ramGb", 16));

    for (BpmnServiceTask task : BpmnExamples.serviceTasksInFlowOrder(EXAMPLE)) {
      JobRequest job = task.invocation()
          .processVariables(process)
          .overrideInput("connection.instance", SN.baseUrl())
          .fetchVariables(List.of(inputVariables))
          .toJobRequest();
      JobOutcome outcome = harness.run(job);
      assertThat(String.valueOf(outcome)).doesNotContain(PASSWORD);
      process.putAll(task.propagatedVariables(outcome.asCompleted().variables(), process));
    }

    assertThat((String) process.get("requestNumber")).startsWith("REQ");
    assertThat((String) process.get("camId")).startsWith("cam-");
    // global.provision_vm of the emulator's demo seed
    assertThat(process).containsEntry("vmName", "vm-demo-01").containsEntry("vmIp", "10.0.5.42");
    String onboarding = (String) process.get("onboardingContextId");
    assertThat(emulator().records().get("sys_flow_context", onboarding).orElseThrow().get("inputs"))
        .contains("\"correlation_key\":\"" + process.get("camId") + "\"", "vm-demo-01");
  }
}
