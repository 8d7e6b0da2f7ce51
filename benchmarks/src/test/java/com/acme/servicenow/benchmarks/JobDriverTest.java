package com.acme.servicenow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.http.RetryPolicy;
import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's lean driver must tell the engine exactly what the harness (Mockito job client)
 * reports, for completions and failures, for our connector and for Camunda's REST connector.
 */
class JobDriverTest {

  private static BenchEnvironment env;

  @BeforeAll
  static void start() {
    env = new BenchEnvironment(Duration.ofMinutes(30), b -> {});
    env.installJdkTrustStore();
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  private static Map<String, Object> tableGet(String sysId) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("connection", env.connection());
    v.put("authentication", BenchEnvironment.basicAuth());
    v.put("table", "incident");
    v.put("operation", Map.of("type", "get", "sysId", sysId));
    return v;
  }

  @Test
  void completionAndFailuresMatchTheHarness() throws Exception {
    ServiceNowEmulator sn = env.emulator();
    var function = env.tableFunction(ClientOptions.defaults().withRetryPolicy(RetryPolicy.noRetries()));
    JobDriver driver = new JobDriver(function, BenchEnvironment.SECRETS);
    ConnectorRuntimeHarness harness =
        ConnectorRuntimeHarness.forFunction(function).secrets(BenchEnvironment.SECRETS).build();
    String sysId = sn.records().find("incident", "number=INC0000002").get(0).get("sys_id");
    ObjectMapper mapper = driver.mapper();

    // completed: the same output variables
    Map<String, Object> vars = tableGet(sysId);
    JobDriver.Outcome ours = driver.run(driver.job(vars, Map.of("resultVariable", "result"), 3));
    JobOutcome.Completed theirs = harness.run(JobRequest.builder().variables(vars).resultVariable("result").build()).asCompleted();
    assertThat(ours.completed()).isTrue();
    assertThat(mapper.readTree(mapper.writeValueAsString(ours.variables())))
        .isEqualTo(mapper.valueToTree(theirs.variables()));

    // a classified failure: the same retries and message
    Map<String, Object> missing = tableGet("0123456789abcdef0123456789abcdef");
    JobDriver.Outcome oursFailed = driver.run(driver.job(missing, Map.of(), 3));
    JobOutcome.Failed theirsFailed = harness.run(JobRequest.builder().variables(missing).build()).asFailed();
    assertThat(oursFailed.command()).isEqualTo("fail");
    assertThat(oursFailed.retries()).isEqualTo(theirsFailed.retries()).isEqualTo(2);
    assertThat(oursFailed.errorMessage()).isEqualTo(theirsFailed.errorMessage());

    // a retry with the server's backoff
    sn.faults().add(FaultRule.on("GET", "/api/now/table/incident").times(2).rateLimited(Duration.ofSeconds(41)));
    JobDriver.Outcome oursLimited = driver.run(driver.job(vars, Map.of(), 3));
    JobOutcome.Failed theirsLimited = harness.run(JobRequest.builder().variables(vars).build()).asFailed();
    assertThat(oursLimited.backoff()).isEqualTo(theirsLimited.retryBackoff()).isEqualTo(Duration.ofSeconds(41));

    // input errors: no retries
    JobDriver.Outcome oursBad = driver.run(driver.job(tableGet("not-a-sys-id"), Map.of(), 3));
    assertThat(oursBad.retries()).isZero();
  }

  @Test
  void theRestConnectorRunsWithTheOfficialTemplatesVariablesOverHttps() {
    JobDriver driver = new JobDriver(BenchEnvironment.restConnector(), BenchEnvironment.SECRETS);
    ConnectorRuntimeHarness harness =
        ConnectorRuntimeHarness.forFunction(BenchEnvironment.restConnector()).secrets(BenchEnvironment.SECRETS).build();
    Map<String, Object> vars = env.restCreateIncident(BenchEnvironment.restBasicAuth());

    JobDriver.Outcome ours = driver.run(driver.job(vars, Map.of("resultVariable", "snQueryResult"), 3));
    JobOutcome.Completed theirs =
        harness.run(JobRequest.builder().variables(vars).resultVariable("snQueryResult").build()).asCompleted();

    assertThat(ours.completed()).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> response = (Map<String, Object>) theirs.variables().get("snQueryResult");
    assertThat(response).containsEntry("status", 201);
    assertThat(env.emulator().journal().count("POST", "/api/now/table/incident")).isEqualTo(2);
  }
}
