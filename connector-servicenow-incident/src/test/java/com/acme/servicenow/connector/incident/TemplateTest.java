package com.acme.servicenow.connector.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.harness.ElementTemplate;
import com.acme.servicenow.harness.GeneratedTemplates;
import io.camunda.connector.api.annotation.OutboundConnector;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void committedTemplatesAreWhatTheGeneratorProduces() {
    var compared =
        GeneratedTemplates.assertCommittedMatchGenerated(
            IncidentFixture.generatedTemplates(), GeneratedTemplates.projectRoot().resolve("element-templates"));
    assertThat(compared)
        .contains("servicenow-incident-connector.json", "hybrid/servicenow-incident-connector-hybrid.json");
  }

  @Test
  void inputVariablesCoverEveryInputBinding() {
    ElementTemplate template = IncidentFixture.template();
    Set<String> firstSegments = new TreeSet<>();
    template.properties().stream()
        .filter(p -> "zeebe:input".equals(p.bindingType()))
        .forEach(p -> firstSegments.add(p.bindingName().split("\\.")[0]));
    OutboundConnector annotation = ServiceNowIncidentFunction.class.getAnnotation(OutboundConnector.class);
    assertThat(new TreeSet<>(Arrays.asList(annotation.inputVariables()))).isEqualTo(firstSegments);
    assertThat(annotation.type()).isEqualTo("com.acme:servicenow-incident:1");
  }

  @Test
  void templateIdentityAndTaskType() {
    ElementTemplate template = IncidentFixture.template();
    assertThat(template.id()).isEqualTo("com.acme.connectors.servicenow.incident.v1");
    assertThat(template.version()).isEqualTo(1);
    assertThat(template.json().path("engines").path("camunda").asText()).isEqualTo("^8.8");
    assertThat(
            template.properties().stream()
                .filter(p -> "zeebe:taskDefinition".equals(p.bindingType()) && "type".equals(p.bindingName()))
                .findFirst()
                .orElseThrow()
                .defaultValue())
        .contains(ServiceNowIncidentFunction.TYPE);
    // impact, urgency, state and hold reason are offered by name
    assertThat(template.property("operation.create.impact").orElseThrow().type()).isEqualTo("Dropdown");
    assertThat(template.property("operation.update.state").orElseThrow().type()).isEqualTo("Dropdown");
    assertThat(template.property("operation.hold.holdReason").orElseThrow().type()).isEqualTo("Dropdown");
    // the BPMN-error operation takes the error from process variables without FEEL written by the modeler
    assertThat(template.property("operation.createFromError.errorCode").orElseThrow().defaultValue())
        .contains("=errorCode");
    assertThat(template.property("operation.createFromError.errorMessage").orElseThrow().defaultValue())
        .contains("=errorMessage");
  }
}
