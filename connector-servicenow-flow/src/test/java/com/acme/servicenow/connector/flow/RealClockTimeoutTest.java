package com.acme.servicenow.connector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.connector.common.RuntimeSettings;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.JobOutcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same bound with the client's default (system) sleeper and clock, as in production: the wait
 * really sleeps, and the job returns once the timeout is used up — not before, and not much after.
 */
class RealClockTimeoutTest extends FlowConnectorTestSupport {

  @Test
  void timeoutReturnsAfterTheTimeoutWithTheSystemClock() {
    ServiceNowFlowFunction function = new ServiceNowFlowFunction(
        ServiceNowClientFactory.of(new RuntimeSettings(true, null), ClientOptions.defaults()));
    ConnectorRuntimeHarness harness =
        ConnectorRuntimeHarness.forFunction(function).secret("SN_PASSWORD", PASSWORD).build();

    // warm up the runtime's one-time initialisation (object mapper, validation) outside the measurement
    harness.run(job(Map.of("type", "startFlow", "flowType", "flow", "name", "not valid")).build()).asFailed();
    emulator().journal().clear();

    long started = System.nanoTime();
    JobOutcome.Failed failed = harness.run(job(Map.of("type", "startFlow", "flowType", "flow",
        "name", "x_acme_it.never_ends", "waitForCompletion", true, "waitTimeoutSeconds", 2)).build()).asFailed();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(error(failed)).containsEntry("code", "SERVICENOW_FLOW_TIMEOUT");
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    // generous: one status request after the deadline on a busy build machine, never another poll cycle
    assertThat(elapsed).isLessThan(Duration.ofSeconds(2 + 28));
    // at most: one read at the start, one after the 1 s sleep, one at the deadline (fewer on a slow start)
    assertThat(emulator().journal().count("GET", "/api/x_acme_camunda/flow/v1/status/")).isBetween(1L, 3L);
  }
}
