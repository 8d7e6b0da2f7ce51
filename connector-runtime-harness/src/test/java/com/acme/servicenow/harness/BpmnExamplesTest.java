package com.acme.servicenow.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpmnExamplesTest {

  private static Path fixture() throws Exception {
    return Path.of(BpmnExamplesTest.class.getResource("/echo-process.bpmn").toURI());
  }

  @Test
  void readsTaskDefinitionMappingsHeadersAndTemplateAttributes() throws Exception {
    List<BpmnServiceTask> tasks = BpmnExamples.serviceTasks(fixture());

    assertThat(tasks).extracting(BpmnServiceTask::elementId).containsExactly("EchoAgain", "Echo");
    BpmnServiceTask echo = tasks.get(1);
    assertThat(echo.processId()).isEqualTo("echo-process");
    assertThat(echo.elementType()).isEqualTo("serviceTask");
    assertThat(echo.name()).isEqualTo("Echo");
    assertThat(echo.documentation()).isEqualTo("Echoes the payload.");
    assertThat(tasks.get(0).documentation()).isNull();
    assertThat(echo.type()).isEqualTo("com.acme:echo:1");
    assertThat(echo.retries()).isEqualTo("5");
    assertThat(echo.modelerTemplate()).isEqualTo("com.acme.echo.v1");
    assertThat(echo.modelerTemplateVersion()).isEqualTo(1);
    assertThat(echo.input("operation.payload"))
        .contains("={short_description: \"Disk full on \" + host, urgency: 1}");
    assertThat(echo.headers())
        .containsExactly(
            Map.entry("resultVariable", "first"), Map.entry("resultExpression", "={id: response.sys_id}"));
  }

  @Test
  void flowOrderFollowsTheSequenceFlowsNotTheFile() throws Exception {
    assertThat(BpmnExamples.serviceTasksInFlowOrder(fixture()))
        .extracting(BpmnServiceTask::elementId)
        .containsExactly("Echo", "EchoAgain");
  }

  @Test
  void evaluatesInputMappingsLikeTheEngine() throws Exception {
    BpmnServiceTask echo = BpmnExamples.serviceTasks(fixture()).get(1);

    JobRequest job =
        echo.invocation()
            .processVariable("host", "db-01")
            .processVariable("unrelated", "x")
            .fetchVariables(List.of("token", "mode", "operation", "nothing"))
            .processInstanceKey(77L)
            .toJobRequest();

    assertThat(job.type()).isEqualTo("com.acme:echo:1");
    assertThat(job.retries()).isEqualTo(5);
    assertThat(job.bpmnProcessId()).isEqualTo("echo-process");
    assertThat(job.elementId()).isEqualTo("Echo");
    assertThat(job.processInstanceKey()).isEqualTo(77L);
    // static values stay strings, secrets placeholders are left for the runtime
    assertThat(job.variables())
        .containsEntry("token", "{{secrets.SN_TOKEN}}")
        .containsEntry("mode", "ok")
        .doesNotContainKey("unrelated")
        .containsKey("nothing");
    assertThat(job.variables().get("nothing")).isNull();
    @SuppressWarnings("unchecked")
    Map<String, Object> operation = (Map<String, Object>) job.variables().get("operation");
    assertThat(operation)
        .containsEntry("type", "create")
        .containsEntry("limit", 10L)
        .containsEntry("payload", Map.of("short_description", "Disk full on db-01", "urgency", 1L));
  }

  @Test
  void laterInputsSeeEarlierOnesAndFeelRetriesAreEvaluated() throws Exception {
    BpmnServiceTask again = BpmnExamples.serviceTasks(fixture()).get(0);
    JobRequest job = again.toJobRequest(Map.of("first", Map.of("sys_id", "abc")));
    assertThat(job.retries()).isEqualTo(3);
    @SuppressWarnings("unchecked")
    Map<String, Object> payload =
        (Map<String, Object>) ((Map<String, Object>) job.variables().get("operation")).get("payload");
    assertThat(payload).containsEntry("previous", "abc").containsEntry("next", "abc-2");
  }

  @Test
  void overridesReplaceAnInputAndMustNameAnExistingTarget() throws Exception {
    BpmnServiceTask echo = BpmnExamples.serviceTasks(fixture()).get(1);
    JobRequest job = echo.invocation().overrideInput("mode", "notFound").processVariable("host", "h").toJobRequest();
    assertThat(job.variables()).containsEntry("mode", "notFound");
    assertThatThrownBy(() -> echo.invocation().overrideInput("connection.instance", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connection.instance");
  }

  @Test
  void theProcessRunsTaskByTaskThroughTheRuntime() throws Exception {
    ConnectorRuntimeHarness harness =
        ConnectorRuntimeHarness.forFunction(new EchoFunction()).secret("SN_TOKEN", "s3cr3t").build();
    Map<String, Object> processVariables = new LinkedHashMap<>(Map.of("host", "db-01"));

    for (BpmnServiceTask task : BpmnExamples.serviceTasksInFlowOrder(fixture())) {
      JobOutcome.Completed done = harness.run(task.toJobRequest(processVariables)).asCompleted();
      processVariables.putAll(task.propagatedVariables(done.variables(), processVariables));
    }

    assertThat(processVariables).containsEntry("id", "abc");
    assertThat(processVariables.get("second").toString())
        .contains("tokenLength=6")
        .contains("previous=abc")
        .contains("next=abc-2");
  }

  @Test
  void brokenFeelIsReportedWithTheTaskAndTarget(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.bpmn");
    Files.writeString(
        file,
        Files.readString(fixture()).replace("=10", "=10 +* 2"));
    BpmnServiceTask echo = BpmnExamples.serviceTasks(file).get(1);
    assertThatThrownBy(() -> echo.toJobRequest(Map.of("host", "h")))
        .hasMessageContaining("echo-process/Echo")
        .hasMessageContaining("operation.limit");
  }

  @Test
  void doctypesAreRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("xxe.bpmn");
    Files.writeString(
        file,
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<bpmn:definitions xmlns:bpmn=\"" + BpmnExamples.BPMN_NS + "\">&x;</bpmn:definitions>");
    assertThatThrownBy(() -> BpmnExamples.serviceTasks(file)).hasMessageContaining("not well-formed");
  }
}
