package com.acme.servicenow.connector.incident;

import static com.acme.servicenow.connector.incident.IncidentFixture.PASSWORD;
import static com.acme.servicenow.connector.incident.IncidentFixture.SEED_INCIDENT_2;
import static com.acme.servicenow.connector.incident.IncidentFixture.SEED_INCIDENT_3;
import static com.acme.servicenow.connector.incident.IncidentFixture.harness;
import static com.acme.servicenow.connector.incident.IncidentFixture.incidentByNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.ElementTemplateInvocation;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import io.camunda.connector.api.annotation.OutboundConnector;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fills the generated template as a modeler would, lets the harness do the engine's part (conditions,
 * defaults, FEEL input mappings, fetch variables) and runs the job through the real runtime path —
 * once for every operation.
 */
class TemplateInvocationTest {

  @RegisterExtension static ServiceNowEmulatorExtension ext = IncidentFixture.emulator();

  private ServiceNowEmulator sn;

  @BeforeEach
  void freshSeed() {
    sn = ext.emulator();
    sn.reset();
  }

  private ElementTemplateInvocation invocation(String operation) {
    return IncidentFixture.template()
        .invocation()
        .set("connection.instance", sn.baseUrl())
        .set("authentication.type", "basic")
        .set("authentication.basicUsername", "{{secrets.SN_USER}}")
        .set("authentication.basicPassword", "{{secrets.SN_PASSWORD}}")
        .set("operation.operation.type", operation)
        .fetchVariables(List.of(ServiceNowIncidentFunction.class.getAnnotation(OutboundConnector.class).inputVariables()));
  }

  private static JobRequest withKeys(JobRequest job, long processInstanceKey, long elementInstanceKey) {
    return JobRequest.builder()
        .variables(job.variables())
        .headers(job.headers())
        .type(job.type())
        .retries(job.retries())
        .bpmnProcessId("order-fulfilment")
        .elementId("RaiseIncident")
        .processInstanceKey(processInstanceKey)
        .elementInstanceKey(elementInstanceKey)
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resultOf(JobOutcome outcome) {
    Map<String, Object> variables = outcome.asCompleted().variables();
    assertThat(variables.toString()).doesNotContain(PASSWORD);
    return (Map<String, Object>) variables.get("incident");
  }

  static Stream<Arguments> operations() {
    return Stream.of(
        op("create", i -> i.set("operation.create.shortDescription", "=\"Payment failed for order \" + orderId")
                .set("operation.create.assignmentGroup", "Software")
                .set("operation.create.additionalFields", "={contact_type: \"email\"}"),
            (sn, r) -> assertThat(r).containsEntry("created", true).containsEntry("priority", "3")),
        op("createFromError", i -> i.processVariable("errorCode", "PAYMENT_DECLINED"),
            (sn, r) -> assertThat(r).containsEntry("created", true).containsEntry("priority", "2")),
        op("get", i -> i.set("operation.get.incident", SEED_INCIDENT_2),
            (sn, r) -> assertThat(r).containsEntry("number", SEED_INCIDENT_2).doesNotContainKey("journal")),
        op("find", i -> i.set("operation.find.conditions", "=[{field: \"number\", operator: \"=\", value: \"" + SEED_INCIDENT_2 + "\"}]"),
            (sn, r) -> assertThat(r).containsEntry("count", 1)),
        op("update", i -> i.set("operation.update.incident", SEED_INCIDENT_2).set("operation.update.urgency", "HIGH")
                .set("operation.update.fields", "={short_description: \"NAS down for \" + orderId}"),
            (sn, r) -> assertThat(incidentByNumber(sn, SEED_INCIDENT_2)).containsEntry("urgency", "1")
                .containsEntry("short_description", "NAS down for 4711").containsEntry("state", "1")),
        op("addComment", i -> i.set("operation.addComment.incident", SEED_INCIDENT_2).set("operation.addComment.comment", "Hello"),
            (sn, r) -> assertThat(sn.records().journal("incident", (String) r.get("sysId"), "comments")).containsExactly("Hello")),
        op("addWorkNote", i -> i.set("operation.addWorkNote.incident", SEED_INCIDENT_2).set("operation.addWorkNote.workNote", "=\"Order \" + orderId"),
            (sn, r) -> assertThat(sn.records().journal("incident", (String) r.get("sysId"), "work_notes")).containsExactly("Order 4711")),
        op("assign", i -> i.set("operation.assign.incident", SEED_INCIDENT_2).set("operation.assign.assignmentGroup", "Hardware"),
            (sn, r) -> assertThat(r).extracting("displayValues").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("assignment_group", "Hardware")),
        op("hold", i -> i.set("operation.hold.incident", SEED_INCIDENT_3).set("operation.hold.comment", "Please confirm"),
            (sn, r) -> assertThat(incidentByNumber(sn, SEED_INCIDENT_3)).containsEntry("state", "3").containsEntry("hold_reason", "1")),
        op("resume", i -> i.set("operation.resume.incident", "INC0000004"),
            (sn, r) -> assertThat(r).containsEntry("state", "2")),
        op("resolve", i -> i.set("operation.resolve.incident", SEED_INCIDENT_3).set("operation.resolve.closeCode", "Solution provided")
                .set("operation.resolve.closeNotes", "Fixed"),
            (sn, r) -> assertThat(r).containsEntry("state", "6")),
        op("close", i -> i.set("operation.close.incident", "INC0000005"),
            (sn, r) -> assertThat(r).containsEntry("state", "7")),
        op("reopen", i -> i.set("operation.reopen.incident", "INC0000005").set("operation.reopen.comment", "Again"),
            (sn, r) -> assertThat(r).containsEntry("state", "2")),
        op("cancel", i -> i.set("operation.cancel.incident", SEED_INCIDENT_2),
            (sn, r) -> assertThat(r).containsEntry("state", "8")));
  }

  interface Check {
    void verify(ServiceNowEmulator sn, Map<String, Object> result);
  }

  private static Arguments op(String operation, Consumer<ElementTemplateInvocation> fill, Check check) {
    return Arguments.of(operation, fill, check);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationRunsFromTheTemplate(String operation, Consumer<ElementTemplateInvocation> fill, Check check) {
    ElementTemplateInvocation invocation = invocation(operation).processVariable("orderId", "4711");
    fill.accept(invocation);
    JobRequest job = withKeys(invocation.toJobRequest(), 3001L, 4001L);
    assertThat(job.type()).isEqualTo(ServiceNowIncidentFunction.TYPE);
    assertThat(job.headers()).containsEntry("resultVariable", "incident");
    check.verify(sn, resultOf(harness().run(job)));
  }

  @Test
  void createFromErrorPutsTheProcessContextIntoTheIncident() {
    JobRequest job =
        withKeys(
            invocation("createFromError")
                .processVariable("errorCode", "PAYMENT_DECLINED")
                .processVariable("errorMessage", "Card issuer refused the charge for order 4711")
                .set("operation.createFromError.failedActivity", "Charge credit card")
                .set("operation.createFromError.operateUrl", "https://operate.example.com/operate/")
                .set("operation.createFromError.assignmentGroup", "Software")
                .toJobRequest(),
            2251799813690001L,
            2251799813690077L);

    Map<String, Object> incident = resultOf(harness().run(job));

    assertThat(incident).containsEntry("created", true)
        .containsEntry("correlationId", "camunda:2251799813690001:2251799813690077");
    Map<String, String> stored = sn.records().get("incident", (String) incident.get("sysId")).orElseThrow();
    assertThat(stored.get("short_description"))
        .isEqualTo("order-fulfilment: PAYMENT_DECLINED – Card issuer refused the charge for order 4711");
    assertThat(stored.get("description"))
        .contains("Process: order-fulfilment")
        .contains("Process instance key: 2251799813690001")
        .contains("Failed activity: Charge credit card")
        .contains("Reported by element: RaiseIncident (element instance key 2251799813690077)")
        .contains("Error code: PAYMENT_DECLINED")
        .contains("Error message: Card issuer refused the charge for order 4711")
        .contains("Operate: https://operate.example.com/operate/processes/2251799813690001");
    assertThat(stored).containsEntry("impact", "1").containsEntry("urgency", "2")
        .containsEntry("correlation_id", "camunda:2251799813690001:2251799813690077");

    // the error path may be taken again by a retried job: still one incident
    Map<String, Object> again = resultOf(harness().run(job));
    assertThat(again).containsEntry("created", false).containsEntry("sysId", incident.get("sysId"));
  }

  @Test
  void createFromErrorWithoutErrorVariablesStillDescribesTheInstance() {
    JobRequest job = withKeys(invocation("createFromError").toJobRequest(), 77L, 78L);
    Map<String, Object> incident = resultOf(harness().run(job));
    Map<String, String> stored = sn.records().get("incident", (String) incident.get("sysId")).orElseThrow();
    assertThat(stored.get("short_description")).isEqualTo("order-fulfilment: error in process instance 77");
    assertThat(stored.get("description")).contains("Process instance key: 77").doesNotContain("Error code");
  }

  @Test
  void resultAndErrorExpressionsFromTheTemplate() {
    JobRequest job =
        withKeys(
            invocation("create")
                .set("operation.create.shortDescription", "Printer on fire")
                .set("resultExpression", "={incidentNumber: response.number, incidentLink: response.link}")
                .toJobRequest(),
            5L,
            6L);
    Map<String, Object> variables = harness().run(job).asCompleted().variables();
    assertThat((String) variables.get("incidentNumber")).startsWith("INC");
    assertThat((String) variables.get("incidentLink")).contains("/nav_to.do?uri=incident.do%3Fsys_id%3D");

    JobRequest failing =
        withKeys(
            invocation("resolve")
                .set("operation.resolve.incident", SEED_INCIDENT_3)
                .set("operation.resolve.closeCode", "Fixed it")
                .set("operation.resolve.closeNotes", "n")
                .set("errorExpression", "=bpmnError(\"BAD_CLOSE_CODE\", error.message)")
                .toJobRequest(),
            5L,
            7L);
    JobOutcome.BpmnError error = harness().run(failing).asBpmnError();
    assertThat(error.errorCode()).isEqualTo("BAD_CLOSE_CODE");
    assertThat(error.errorMessage()).contains("valid codes are:");
  }
}
