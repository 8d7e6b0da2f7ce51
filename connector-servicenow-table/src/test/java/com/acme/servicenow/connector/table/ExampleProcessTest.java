package com.acme.servicenow.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.ElementTemplate;
import com.acme.servicenow.harness.GeneratedTemplates;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.feel.FeelEngineWrapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The documented example process: its service tasks are what the template produces (bindings, headers,
 * task type) and, run in order with the engine's input mappings, they work against the emulator.
 */
class ExampleProcessTest extends TableConnectorTestSupport {

  private static final Path BPMN =
      GeneratedTemplates.projectRoot().resolve(Path.of("docs", "examples", "table-order-incident.bpmn"));
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final FeelEngineWrapper FEEL = new FeelEngineWrapper();

  private static final ConnectorRuntimeHarness RUNTIME_WITH_DOC_SECRETS =
      ConnectorRuntimeHarness.forFunction(new ServiceNowTableFunction(CLIENTS))
          .secret("SERVICENOW_USER", USER)
          .secret("SERVICENOW_PASSWORD", PASSWORD)
          .build();

  record ServiceTask(String id, String type, String templateId, String templateVersion,
      List<Map.Entry<String, String>> inputs, Map<String, String> headers) {}

  private static Map<String, ServiceTask> serviceTasks() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(BPMN.toFile());
    Map<String, ServiceTask> tasks = new LinkedHashMap<>();
    NodeList nodes = xml.getElementsByTagNameNS(BPMN_NS, "serviceTask");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element task = (Element) nodes.item(i);
      Element definition = (Element) task.getElementsByTagNameNS(ZEEBE, "taskDefinition").item(0);
      List<Map.Entry<String, String>> inputs = new ArrayList<>();
      NodeList in = task.getElementsByTagNameNS(ZEEBE, "input");
      for (int j = 0; j < in.getLength(); j++) {
        Element e = (Element) in.item(j);
        inputs.add(Map.entry(e.getAttribute("target"), e.getAttribute("source")));
      }
      Map<String, String> headers = new LinkedHashMap<>();
      NodeList hs = task.getElementsByTagNameNS(ZEEBE, "header");
      for (int j = 0; j < hs.getLength(); j++) {
        Element e = (Element) hs.item(j);
        headers.put(e.getAttribute("key"), e.getAttribute("value"));
      }
      tasks.put(task.getAttribute("id"), new ServiceTask(task.getAttribute("id"), definition.getAttribute("type"),
          task.getAttributeNS(ZEEBE, "modelerTemplate"), task.getAttributeNS(ZEEBE, "modelerTemplateVersion"), inputs, headers));
    }
    return tasks;
  }

  /** What the engine does: evaluate the input mappings in order, then fetch the connector's input variables. */
  @SuppressWarnings("unchecked")
  private static JobOutcome run(ServiceTask task, Map<String, Object> processVariables) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (Map.Entry<String, String> input : task.inputs()) {
      Object value = input.getValue();
      if (input.getKey().equals("connection.instance")) {
        value = SN.baseUrl(); // the example names a real instance; the test talks to the emulator
      } else if (input.getValue().startsWith("=")) {
        Map<String, Object> scope = new LinkedHashMap<>(processVariables);
        scope.putAll(inputs);
        value = FEEL.evaluate(input.getValue().substring(1), scope);
      }
      String[] path = input.getKey().split("\\.");
      Map<String, Object> target = inputs;
      for (int i = 0; i < path.length - 1; i++) {
        target = (Map<String, Object>) target.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
      }
      target.put(path[path.length - 1], value);
    }
    Map<String, Object> variables = new LinkedHashMap<>(processVariables);
    variables.putAll(inputs);
    variables.keySet().retainAll(Set.copyOf(INPUT_VARIABLES));
    JobOutcome outcome =
        RUNTIME_WITH_DOC_SECRETS.run(
            JobRequest.builder().type(task.type()).variables(variables).headers(task.headers()).build());
    if (outcome instanceof JobOutcome.Completed completed) {
      processVariables.putAll(completed.variables());
    }
    return outcome;
  }

  @Test
  void serviceTasksAreWhatTheTemplateProduces() throws Exception {
    ElementTemplate template = TEMPLATE;
    Set<String> bindings =
        template.properties().stream()
            .filter(p -> "zeebe:input".equals(p.bindingType()))
            .map(ElementTemplate.TemplateProperty::bindingName)
            .collect(Collectors.toSet());
    Map<String, ServiceTask> tasks = serviceTasks();
    assertThat(tasks).containsOnlyKeys("Task_UpsertIncident", "Task_AttachReport", "Task_ReadIncident");
    for (ServiceTask task : tasks.values()) {
      assertThat(task.type()).isEqualTo(ServiceNowTableFunction.TYPE);
      assertThat(task.templateId()).isEqualTo(template.id());
      assertThat(task.templateVersion()).isEqualTo(String.valueOf(template.version()));
      assertThat(task.headers())
          .containsEntry("elementTemplateId", template.id())
          .containsEntry("elementTemplateVersion", String.valueOf(template.version()));
      assertThat(task.inputs()).extracting(Map.Entry::getKey).allSatisfy(target -> assertThat(bindings).contains(target));
    }
  }

  @Test
  void theExampleRunsAgainstTheEmulator() throws Exception {
    Map<String, ServiceTask> tasks = serviceTasks();
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
