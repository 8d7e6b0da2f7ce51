package com.acme.servicenow.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.harness.ElementTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.generator.java.ClassBasedTemplateGenerator;
import com.acme.servicenow.harness.GeneratedTemplates;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The committed template is what the generator produces, and the function fetches every variable it binds. */
class TableTemplateTest {

  private static final Path COMMITTED = GeneratedTemplates.projectRoot().resolve("element-templates");

  @Test
  void committedTemplatesMatchTheGeneratedOnes() {
    List<String> compared =
        GeneratedTemplates.assertCommittedMatchGenerated(Path.of("target", "element-templates"), COMMITTED);
    assertThat(compared).contains("servicenow-table-connector.json", Path.of("hybrid", "servicenow-table-connector-hybrid.json").toString());
  }

  @Test
  void templateGeneratedInProcessEqualsTheCommittedFile() throws Exception {
    var templates = new ClassBasedTemplateGenerator().generate(ServiceNowTableFunction.class);
    assertThat(templates).hasSize(1);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode generated = mapper.readTree(mapper.writeValueAsString(templates.get(0)));
    JsonNode committed = mapper.readTree(COMMITTED.resolve("servicenow-table-connector.json").toFile());
    assertThat(generated).isEqualTo(committed);
  }

  @Test
  void inputVariablesCoverTheFirstSegmentOfEveryInputBinding() {
    for (String file : List.of("servicenow-table-connector.json", "hybrid/servicenow-table-connector-hybrid.json")) {
      ElementTemplate template = ElementTemplate.load(COMMITTED.resolve(file));
      Set<String> firstSegments = new TreeSet<>();
      for (ElementTemplate.TemplateProperty p : template.properties()) {
        if ("zeebe:input".equals(p.bindingType())) {
          firstSegments.add(p.bindingName().split("\\.")[0]);
        }
      }
      assertThat(TableConnectorTestSupport.INPUT_VARIABLES).containsExactlyInAnyOrderElementsOf(firstSegments);
    }
  }

  @Test
  void theRuntimeDiscoversTheFunctionThroughSpi() {
    var functions = java.util.ServiceLoader.load(io.camunda.connector.api.outbound.OutboundConnectorFunction.class).stream()
        .map(java.util.ServiceLoader.Provider::type)
        .toList();
    assertThat(functions).contains(ServiceNowTableFunction.class);
    var annotation = ServiceNowTableFunction.class.getAnnotation(io.camunda.connector.api.annotation.OutboundConnector.class);
    assertThat(annotation.type()).isEqualTo("com.acme:servicenow-table:1");
    assertThat(annotation.name()).isEqualTo("ServiceNow Table");
  }

  @Test
  void templateOffersEveryOperationAndTheCommonTables() {
    ElementTemplate template = TableConnectorTestSupport.TEMPLATE;
    assertThat(template.id()).isEqualTo(ServiceNowTableFunction.TEMPLATE_ID);
    assertThat(template.json().path("engines").path("camunda").asText()).isEqualTo("^8.8");
    assertThat(template.property("operation.type").orElseThrow().json().path("choices").findValuesAsText("value"))
        .containsExactlyInAnyOrder(
            "create", "get", "query", "queryAll", "update", "replace", "delete", "upsert", "count", "aggregate",
            "attachmentUpload", "attachmentList", "attachmentDownload", "attachmentDelete");
    assertThat(template.property("table").orElseThrow().json().path("choices").findValuesAsText("value"))
        .containsExactly(
            "incident", "change_request", "change_task", "problem", "sc_request", "sc_req_item", "sc_task", "sys_user",
            "sys_user_group", "cmdb_ci", "custom");
    assertThat(template.properties()).filteredOn(p -> "zeebe:taskDefinition".equals(p.bindingType()))
        .anySatisfy(p -> assertThat(p.defaultValue()).contains(ServiceNowTableFunction.TYPE));
  }
}
