package com.acme.servicenow.connector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.harness.ElementTemplate;
import com.acme.servicenow.harness.GeneratedTemplates;
import io.camunda.connector.api.annotation.OutboundConnector;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void committedTemplatesAreWhatTheGeneratorProduces() {
    List<String> compared =
        GeneratedTemplates.assertCommittedMatchGenerated(
            FlowConnectorTestSupport.generatedTemplates(),
            GeneratedTemplates.projectRoot().resolve("element-templates"));
    assertThat(compared)
        .contains("servicenow-flow-connector.json", "hybrid/servicenow-flow-connector-hybrid.json");
  }

  @Test
  void templateIdentityAndTaskType() {
    ElementTemplate t = FlowConnectorTestSupport.template();
    assertThat(t.id()).isEqualTo(ServiceNowFlowFunction.TEMPLATE_ID).isEqualTo("com.acme.connectors.servicenow.flow.v1");
    assertThat(t.name()).isEqualTo("ServiceNow Flow & Catalog");
    assertThat(t.version()).isEqualTo(1);
    assertThat(t.json().path("engines").path("camunda").asText()).isEqualTo("^8.8");
    assertThat(t.json().path("icon").path("contents").asText()).startsWith("data:image/svg+xml");
    assertThat(t.properties())
        .filteredOn(p -> "zeebe:taskDefinition".equals(p.bindingType()) && "type".equals(p.bindingName()))
        .singleElement()
        .satisfies(p -> assertThat(p.defaultValue()).contains("com.acme:servicenow-flow:1"));
    assertThat(t.json().path("groups").findValuesAsText("id"))
        .startsWith("connection", "authentication", "operation", "wait");
    assertThat(t.property("operation.type").orElseThrow().json().path("choices").findValuesAsText("value"))
        .containsExactly("callRestTrigger", "startFlow", "orderCatalogItem", "getStatus");
  }

  /** The job worker fetches only inputVariables: a binding outside them would arrive empty. */
  @Test
  void inputVariablesCoverEveryInputBinding() throws Exception {
    Set<String> declared =
        Set.of(ServiceNowFlowFunction.class.getAnnotation(OutboundConnector.class).inputVariables());
    for (String file : List.of("servicenow-flow-connector.json", "hybrid/servicenow-flow-connector-hybrid.json")) {
      ElementTemplate t =
          ElementTemplate.load(GeneratedTemplates.projectRoot().resolve("element-templates").resolve(file));
      Set<String> firstSegments = new TreeSet<>();
      t.properties().stream()
          .filter(p -> "zeebe:input".equals(p.bindingType()))
          .forEach(p -> firstSegments.add(p.bindingName().split("\\.")[0]));
      assertThat(firstSegments).as(file).isNotEmpty();
      assertThat(declared).as(file).containsAll(firstSegments);
    }
    // and nothing declared that no binding fills
    assertThat(declared).containsExactlyInAnyOrder("connection", "authentication", "operation");
  }

  @Test
  void servicesFileRegistersTheFunction() throws Exception {
    var path =
        GeneratedTemplates.projectRoot()
            .resolve("connector-servicenow-flow/src/main/resources/META-INF/services")
            .resolve("io.camunda.connector.api.outbound.OutboundConnectorFunction");
    assertThat(Files.readAllLines(path)).containsExactly(ServiceNowFlowFunction.class.getName());
  }
}
