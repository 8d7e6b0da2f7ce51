package com.acme.servicenow.connector.incident;

import static com.acme.servicenow.connector.incident.IncidentFixture.PASSWORD;
import static com.acme.servicenow.connector.incident.IncidentFixture.USER;
import static com.acme.servicenow.connector.incident.IncidentFixture.incidentByNumber;
import static com.acme.servicenow.connector.incident.IncidentFixture.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.connector.common.RuntimeSettings;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.JobOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-instance close-code cache and what happens when sys_choice cannot be read. */
class CloseCodeCheckTest {

  static final String RESTRICTED = "restricted.user";

  @RegisterExtension
  static ServiceNowEmulatorExtension ext =
      ServiceNowEmulatorExtension.create(
          b -> b.seed("demo")
              .user(USER, PASSWORD, "itil")
              .user(RESTRICTED, PASSWORD, "itil")
              .tableAccess(RESTRICTED, "sys_choice", false, false));

  private ServiceNowEmulator sn;

  /** A clock the test moves forward. */
  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-04T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void freshSeed() {
    sn = ext.emulator();
    sn.reset();
  }

  private static ConnectorRuntimeHarness harness(IncidentService service, String user) {
    ServiceNowClientFactory factory = ServiceNowClientFactory.of(new RuntimeSettings(true, null), ClientOptions.defaults());
    return ConnectorRuntimeHarness.forFunction(new ServiceNowIncidentFunction(factory, service))
        .secret("SN_USER", user)
        .secret("SN_PASSWORD", PASSWORD)
        .build();
  }

  private JobOutcome resolve(ConnectorRuntimeHarness harness, String number, String code) {
    return harness.run(job(sn, "resolve", Map.of("incident", number, "closeCode", code, "closeNotes", "n")).build());
  }

  @Test
  void codesAreCachedPerInstanceAndAMissReadsThemAgain() {
    MutableClock clock = new MutableClock();
    ConnectorRuntimeHarness harness = harness(new IncidentService(Duration.ofMinutes(5), clock), USER);

    resolve(harness, "INC0000003", "Solution provided").asCompleted();
    resolve(harness, "INC0000002", "Known error").asCompleted();
    assertThat(sn.journal().count("GET", "/api/now/table/sys_choice")).isEqualTo(1);

    // a code added on the instance is accepted at once: the miss triggers one fresh read
    sn.records().insert("sys_choice", Map.of("name", "incident", "element", "close_code", "value", "Fixed by automation",
        "label", "Fixed by automation", "inactive", "false", "language", "en"));
    resolve(harness, "INC0000001", "Fixed by automation").asCompleted();
    assertThat(sn.journal().count("GET", "/api/now/table/sys_choice")).isEqualTo(2);
    assertThat(incidentByNumber(sn, "INC0000001")).containsEntry("close_code", "Fixed by automation");

    // a removed code stays accepted until the cache expires, then it is rejected
    for (Map<String, String> row : sn.records().find("sys_choice", "element=close_code^value=Known error")) {
      sn.records().update("sys_choice", row.get("sys_id"), Map.of("inactive", "true"));
    }
    clock.now = clock.now.plus(Duration.ofMinutes(6));
    JobOutcome.Failed failed = resolve(harness, "INC0000007", "Known error").asFailed();
    assertThat(failed.retries()).isZero();
    assertThat(failed.errorMessage()).contains("valid codes are:").contains("Fixed by automation")
        .doesNotContain("Known error,");
    assertThat(sn.journal().count("GET", "/api/now/table/sys_choice")).isEqualTo(3);
    assertThat(sn.journal().count("PATCH", "/api/now/table/incident/" + incidentByNumber(sn, "INC0000007").get("sys_id")))
        .isZero();
  }

  @Test
  void withoutReadAccessToSysChoiceServiceNowDecides() {
    ConnectorRuntimeHarness harness = harness(new IncidentService(), RESTRICTED);
    resolve(harness, "INC0000003", "Site-specific code").asCompleted();
    assertThat(incidentByNumber(sn, "INC0000003")).containsEntry("state", "6")
        .containsEntry("close_code", "Site-specific code");
  }

  @Test
  void withoutChoicesTheCodeIsNotChecked() {
    for (Map<String, String> row : sn.records().find("sys_choice", "name=incident^element=close_code")) {
      sn.records().delete("sys_choice", row.get("sys_id"));
    }
    resolve(harness(new IncidentService(), USER), "INC0000003", "Anything goes").asCompleted();
    assertThat(incidentByNumber(sn, "INC0000003")).containsEntry("close_code", "Anything goes");
  }
}
