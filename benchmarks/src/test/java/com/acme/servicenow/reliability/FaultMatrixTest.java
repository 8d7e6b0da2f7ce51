package com.acme.servicenow.reliability;

import static com.acme.servicenow.reliability.Reliability.incidentJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import com.acme.servicenow.reliability.Reliability.Auth;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the fault matrix through the runtime's job handler, with its expected outcome. */
class FaultMatrixTest {

  @RegisterExtension static final ServiceNowEmulatorExtension SN = Reliability.emulator();

  static Stream<FaultMatrix.Row> rows() {
    return FaultMatrix.rows().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void faultEndsAsExpected(FaultMatrix.Row row) throws Exception {
    FaultMatrix.Ctx ctx = FaultMatrix.Ctx.of(SN.emulator());
    Auth auth = row.oauthOnly() ? Auth.OAUTH : Auth.BASIC;
    JobOutcome outcome = row.runner().run(ctx, auth);
    row.expectation().check(ctx, outcome);
  }

  /**
   * A create whose answer comes after the read timeout may have been stored: the connector looks
   * the correlation id up before it gives up, and a redelivered job finds the incident instead of
   * creating a second one.
   */
  @Test
  void slowAnswerToAnIdempotentCreateNeverYieldsTwoIncidents() throws Exception {
    ServiceNowEmulator sn = SN.emulator();
    FaultMatrix.Ctx ctx = FaultMatrix.Ctx.of(sn);
    sn.faults().add(FaultRule.on("POST", "/api/now/table/incident").times(1).delay(Duration.ofMillis(2500)));
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("type", "create");
    op.put("shortDescription", "Slow answer on create");
    JobRequest job = incidentJob(sn, Auth.BASIC, op, 1).processInstanceKey(777001L).elementInstanceKey(777002L).build();

    JobOutcome first = ctx.incident().run(job);
    String correlationId = "camunda:777001:777002";
    if (first instanceof JobOutcome.Failed failed) {
      // the POST was still being handled when we looked: retry is handed to the engine
      assertThat(failed.retries()).isEqualTo(2);
      assertThat(Reliability.error(failed)).containsEntry("code", "SERVICENOW_TIMEOUT");
      awaitStored(sn, correlationId);
      JobOutcome redelivered = ctx.incident().run(job);
      @SuppressWarnings("unchecked")
      Map<String, Object> incident = (Map<String, Object>) redelivered.asCompleted().variables().get("incident");
      assertThat(incident).containsEntry("created", false);
    } else {
      first.asCompleted();
    }
    awaitStored(sn, correlationId);
    assertThat(sn.journal().count("POST", "/api/now/table/incident")).isEqualTo(1);
    assertThat(sn.records().find("incident", "correlation_id=" + correlationId)).hasSize(1);
  }

  private static void awaitStored(ServiceNowEmulator sn, String correlationId) throws InterruptedException {
    for (int i = 0; i < 100 && sn.records().find("incident", "correlation_id=" + correlationId).isEmpty(); i++) {
      Thread.sleep(50);
    }
  }
}
