package com.acme.servicenow.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElementTemplateInvocationTest {

  private static ElementTemplate template() throws URISyntaxException {
    return ElementTemplate.load(
        Path.of(ElementTemplateInvocationTest.class.getResource("/echo-template.json").toURI()));
  }

  @Test
  void appliesDefaultsConditionsFeelAndHeaders() throws Exception {
    JobRequest job =
        template()
            .invocation()
            .set("token", "{{secrets.SN_TOKEN}}")
            .set("operation.type", "create")
            .set("createPayload", "={short_description: \"Disk full on \" + host, urgency: 1}")
            .processVariable("host", "db-01")
            .processVariable("unrelated", "x")
            .fetchVariables(List.of("token", "mode", "operation"))
            .toJobRequest();

    assertThat(job.type()).isEqualTo("com.acme:echo:1");
    assertThat(job.retries()).isEqualTo(5);
    assertThat(job.headers())
        .containsEntry("resultVariable", "echoResult")
        .containsEntry("elementTemplateId", "com.acme.echo.v1")
        .doesNotContainKey("errorExpression");
    assertThat(job.variables()).doesNotContainKey("unrelated").containsEntry("mode", "ok");
    @SuppressWarnings("unchecked")
    Map<String, Object> operation = (Map<String, Object>) job.variables().get("operation");
    assertThat(operation).containsEntry("type", "create").doesNotContainKey("limit");
    assertThat(operation.get("payload"))
        .isEqualTo(Map.of("short_description", "Disk full on db-01", "urgency", 1L));
  }

  @Test
  void inactivePropertiesAreNotBound() throws Exception {
    JobRequest job =
        template()
            .invocation()
            .set("token", "t")
            .set("operation.type", "query")
            .set("createPayload", "={a: 1}")
            .toJobRequest();
    @SuppressWarnings("unchecked")
    Map<String, Object> operation = (Map<String, Object>) job.variables().get("operation");
    assertThat(operation).containsEntry("type", "query").doesNotContainKey("payload");
    assertThat(operation.get("limit")).isEqualTo(10L);
  }

  @Test
  void violatedConstraintsAreReportedLikeTheModelerWould() throws Exception {
    assertThatThrownBy(() -> template().invocation().set("operation.type", "create").toJobRequest())
        .hasMessageContaining("token must not be empty");
    assertThatThrownBy(
            () ->
                template()
                    .invocation()
                    .set("token", "t")
                    .set("operation.type", "query")
                    .set("queryLimit", "ten")
                    .toJobRequest())
        .hasMessageContaining("Limit must be a number");
  }

  @Test
  void unknownPropertyIdsAreRejected() {
    assertThatThrownBy(() -> template().invocation().set("nope", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void filledTemplateRunsThroughTheRuntime() throws Exception {
    JobRequest job =
        template()
            .invocation()
            .set("token", "{{secrets.SN_TOKEN}}")
            .set("operation.type", "create")
            .set("createPayload", "={a: 1}")
            .toJobRequest();
    var outcome =
        ConnectorRuntimeHarness.forFunction(new EchoFunction())
            .secret("SN_TOKEN", "abc")
            .build()
            .run(job)
            .asCompleted();
    assertThat(outcome.variables().get("echoResult").toString()).contains("tokenLength=3");
  }
}
