package com.acme.servicenow.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectorRuntimeHarnessTest {

  private final ConnectorRuntimeHarness harness =
      ConnectorRuntimeHarness.forFunction(new EchoFunction()).secret("SN_TOKEN", "s3cr3t").build();

  @Test
  void completesWithSecretReplacedAndResultExpressionApplied() {
    JobOutcome outcome =
        harness.run(
            JobRequest.builder()
                .variable("token", "{{secrets.SN_TOKEN}}")
                .variable("mode", "ok")
                .resultVariable("res")
                .resultExpression("={id: response.sys_id}")
                .processInstanceKey(42L)
                .build());

    var completed = outcome.asCompleted();
    assertThat(completed.variables()).containsEntry("id", "abc");
    assertThat(completed.variables().get("res").toString())
        .contains("tokenLength=6")
        .contains("processInstanceKey=42");
  }

  @Test
  void errorExpressionTurnsConnectorErrorIntoBpmnErrorWithSecretMasked() {
    JobOutcome outcome =
        harness.run(
            JobRequest.builder()
                .variable("token", "{{secrets.SN_TOKEN}}")
                .variable("mode", "notFound")
                .errorExpression(
                    "=if error.code = \"SERVICENOW_NOT_FOUND\" then bpmnError(\"NOT_FOUND\", error.message, {status: error.variables.httpStatus}) else null")
                .build());

    var error = outcome.asBpmnError();
    assertThat(error.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(error.errorMessage()).contains("***").doesNotContain("s3cr3t");
    assertThat(error.variables()).containsEntry("status", 404);
  }

  @Test
  void retryExceptionHandsRetriesAndBackoffToTheEngine() {
    var failed =
        harness
            .run(JobRequest.builder().variable("token", "t").variable("mode", "retry").build())
            .asFailed();
    assertThat(failed.retries()).isEqualTo(5);
    assertThat(failed.retryBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(failed.errorMessage()).contains("Rate limit exceeded");
  }

  @Test
  void validationFailureEndsWithNoRetries() {
    var failed =
        harness
            .run(JobRequest.builder().variable("token", "").variable("mode", "ok").retries(3).build())
            .asFailed();
    assertThat(failed.retries()).isZero();
    assertThat(failed.errorMessage()).contains("token");
  }

  @Test
  void missingSecretEndsWithNoRetries() {
    var failed =
        harness
            .run(
                JobRequest.builder()
                    .variable("token", "{{secrets.MISSING}}")
                    .variable("mode", "ok")
                    .build())
            .asFailed();
    assertThat(failed.retries()).isZero();
    assertThat(failed.errorMessage()).contains("MISSING");
  }

  @Test
  void outcomeVariablesAreJsonValuesAndKeepTheirNumberTypes() {
    ConnectorRuntimeHarness runtime =
        ConnectorRuntimeHarness.forFunction(
                context -> {
                  var document =
                      io.camunda.connector.api.document.DocumentCreationRequest.from(new byte[] {1, 2, 3})
                          .fileName("a.bin")
                          .build();
                  var doc = context.create(document);
                  return java.util.Map.of("count", 3L, "small", 7, "doc", doc);
                })
            .build();
    var completed = runtime.run(JobRequest.builder().resultVariable("r").build()).asCompleted();
    @SuppressWarnings("unchecked")
    var r = (java.util.Map<String, Object>) completed.variables().get("r");
    assertThat(r).containsEntry("count", 3L).containsEntry("small", 7);
    assertThat(r.get("doc")).isInstanceOf(java.util.Map.class);
    assertThat(r.get("doc").toString()).contains("camunda.document.type");
  }
}
