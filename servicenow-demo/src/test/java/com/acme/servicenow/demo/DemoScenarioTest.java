package com.acme.servicenow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.harness.JobOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {

  @Test
  void theDemoRunsEndToEndAndEveryStepPrintsARealResult() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      exit = DemoMain.run(new String[0], out, name -> null);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(printed).isZero();
    assertThat(printed)
        .contains("Step 1/6: Open an incident")
        .contains("Step 2/6: Add a work note")
        .contains("Step 3/6: Query related incidents")
        .contains("Step 4/6: Start a flow and wait")
        .contains("Step 5/6: Order a catalog item")
        .contains("Step 6/6: Resolve the incident")
        .containsPattern("\"incidentNumber\" : \"INC\\d{7}\"")
        .containsPattern("\"flowState\" : \"COMPLETE\"")
        .containsPattern("\"requestNumber\" : \"REQ\\d{7}\"")
        .containsPattern("\"incidentState\" : \"Resolved\"")
        .contains("POST /api/now/table/incident")
        .contains("/api/x_acme_camunda/flow/v1/start")
        .contains("/order_now")
        .doesNotContain("=> failed")
        .doesNotContain("=> BPMN error");
    // secrets: placeholders are shown, values never
    assertThat(printed).contains("{{secrets.SERVICENOW_PASSWORD}}");
    for (String secret : DemoEmulator.SECRETS.values()) {
      if (!secret.equals("camunda.integration")) {
        assertThat(printed).doesNotContain(secret);
      }
    }
  }

  @Test
  void everyStepCompletesAgainstTheEmulatorAndChangesItsData() {
    var result = new DemoScenario(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();

    assertThat(result.ok()).isTrue();
    assertThat(result.steps()).hasSize(6);
    assertThat(result.steps()).allSatisfy(s -> {
      assertThat(s.outcome()).isInstanceOf(JobOutcome.Completed.class);
      assertThat(s.requests()).as(s.task().name() + " talked to ServiceNow").isNotEmpty();
      assertThat(s.requests()).allSatisfy(r -> assertThat(r.status()).isLessThan(400));
    });
    Map<String, Object> vars = result.processVariables();
    assertThat((String) vars.get("incidentNumber")).startsWith("INC");
    assertThat(vars.get("incidentState")).isEqualTo("Resolved");
    assertThat(vars.get("flowState")).isEqualTo("COMPLETE");
    assertThat((String) vars.get("requestNumber")).startsWith("REQ");
    assertThat(String.valueOf(vars.get("relatedNumbers"))).contains((String) vars.get("incidentNumber"));
  }
}
