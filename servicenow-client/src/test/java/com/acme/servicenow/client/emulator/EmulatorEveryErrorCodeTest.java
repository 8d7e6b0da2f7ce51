package com.acme.servicenow.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.ServiceNowConnection;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.flow.FlowType;
import com.acme.servicenow.client.http.HostAllowList;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.table.Caps;
import com.acme.servicenow.emulator.EmulatorClock;
import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.FlowDefinition;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One scenario per {@link ErrorCode}, each against the emulator (over HTTPS), and a check that no code is left
 * out: adding a code without a scenario fails this test.
 */
class EmulatorEveryErrorCodeTest {

  static final EmulatorClock SN_CLOCK = EmulatorClock.fixed(Instant.parse("2026-01-15T10:00:00Z"));
  static final String LIST = "/api/now/table/incident";
  static final String NO_ID = "0123456789abcdef0123456789abcdef";

  @RegisterExtension
  static ServiceNowEmulatorExtension ext = ServiceNowEmulatorExtension.create(b -> b
      .https(true).seed("demo").clock(SN_CLOCK)
      .user("reader", "pw", "itil").tableAccess("reader", "incident", true, false)
      .oauthClient("cid", "csecret")
      .flow(FlowDefinition.named("global.wait_for_approval").waitsFor("ASK_FOR_APPROVAL"))
      .flow(FlowDefinition.named("global.cancel_me").waitsFor("TIMER")));

  final EmulatorSupport s = new EmulatorSupport();

  private ServiceNowEmulator sn() {
    return ext.emulator();
  }

  private String anyIncident() {
    return sn().records().list("incident").get(0).get("sys_id");
  }

  private ServiceNowClient admin() {
    return s.client(sn(), Auth.basic("admin", "admin"));
  }

  private void fault(String method, String path, Function<FaultRule, FaultRule> f) {
    sn().faults().add(f.apply(FaultRule.on(method, path)));
  }

  private static String envelope(String message, String detail) {
    return "{\"error\":{\"message\":\"" + message + "\",\"detail\":\"" + detail + "\"},\"status\":\"failure\"}";
  }

  private Map<ErrorCode, Function<ServiceNowClient, Object>> scenarios() {
    Map<ErrorCode, Function<ServiceNowClient, Object>> m = new EnumMap<>(ErrorCode.class);
    m.put(ErrorCode.INVALID_INPUT, c -> c.table().query("incident",
        com.acme.servicenow.client.query.QuerySpec.where(Condition.eq("number", "x^NQactive=true")), null, 1, 0));
    m.put(ErrorCode.SERVICENOW_NOT_FOUND, c -> { c.table().delete("incident", NO_ID); return null; });
    m.put(ErrorCode.SERVICENOW_UNAUTHORIZED, c -> s.client(sn(), Auth.basic("admin", "wrong")).table().query("incident", null, null, 1, 0));
    m.put(ErrorCode.SERVICENOW_FORBIDDEN, c -> s.client(sn(), Auth.basic("reader", "pw")).table()
        .create("incident", Map.of("short_description", "x"), null));
    m.put(ErrorCode.SERVICENOW_DATA_POLICY, c -> c.table().update("incident",
        c.table().create("incident", Map.of("short_description", "dp"), null).get("sys_id").asText(), Map.of("state", "6"), null));
    m.put(ErrorCode.SERVICENOW_BUSINESS_RULE, c -> {
      fault("POST", LIST, f -> f.times(1).respond(403, envelope("Operation Failed",
          "Operation against file 'incident' was aborted by Business Rule 'Block^abc'."), Map.of("Content-Type", "application/json")));
      return c.table().create("incident", Map.of("short_description", "br"), null);
    });
    m.put(ErrorCode.SERVICENOW_BAD_REQUEST, c -> c.table().query("no_such_table", null, null, 1, 0));
    m.put(ErrorCode.SERVICENOW_CONFLICT, c -> {
      String ctx = c.flows().start(FlowType.FLOW, "global.cancel_me", null, false, null).contextId();
      c.flows().cancel(ctx, "first");
      return c.flows().cancel(ctx, "second");
    });
    m.put(ErrorCode.SERVICENOW_RATE_LIMITED, c -> {
      fault("GET", LIST, f -> f.rateLimited(Duration.ofHours(1)));
      return c.table().query("incident", null, null, 1, 0);
    });
    m.put(ErrorCode.SERVICENOW_SERVER_ERROR, c -> {
      fault("POST", LIST, f -> f.times(1).serverError(503));
      return c.table().create("incident", Map.of("short_description", "x"), null);
    });
    m.put(ErrorCode.SERVICENOW_INVALID_RESPONSE, c -> {
      fault("GET", LIST, f -> f.respond(200, "{\"records\":[]}", Map.of("Content-Type", "application/json")));
      return c.table().query("incident", null, null, 1, 0);
    });
    m.put(ErrorCode.SERVICENOW_HTML_RESPONSE, c -> {
      fault("GET", LIST, FaultRule::htmlPage);
      return c.table().query("incident", null, null, 1, 0);
    });
    m.put(ErrorCode.SERVICENOW_TRANSACTION_CANCELLED, c -> {
      fault("GET", LIST, FaultRule::truncatedBody);
      return c.table().query("incident", null, null, 5, 0);
    });
    m.put(ErrorCode.SERVICENOW_REQUEST_DROPPED, c -> {
      fault("GET", LIST, FaultRule::emptyAccepted);
      return c.table().query("incident", null, null, 1, 0);
    });
    m.put(ErrorCode.SERVICENOW_TIMEOUT, c -> {
      fault("POST", LIST, f -> f.times(1).delay(Duration.ofMillis(1200)));
      ServiceNowClient fast = ServiceNowClient.create(s.connection(sn(), Auth.basic("admin", "admin"))
          .readTimeout(Duration.ofMillis(300)).build(), s.options());
      return fast.table().create("incident", Map.of("short_description", "slow"), null);
    });
    m.put(ErrorCode.SERVICENOW_CONNECTION_FAILED, c -> {
      int port;
      try (ServerSocket ss = new ServerSocket(0)) {
        port = ss.getLocalPort();
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      return ServiceNowClient.create(ServiceNowConnection.builder().baseUrl("https://127.0.0.1:" + port)
          .auth(Auth.basic("a", "b")).build(), s.options()).table().query("incident", null, null, 1, 0);
    });
    m.put(ErrorCode.SERVICENOW_TLS_ERROR, c -> ServiceNowClient.create(ServiceNowConnection.builder()
        .baseUrl(sn().baseUrl()).auth(Auth.basic("admin", "admin")).build(), s.options())
        .table().query("incident", null, null, 1, 0));
    m.put(ErrorCode.SERVICENOW_RESULT_TOO_LARGE, c -> c.table().queryAll("incident", null, null, Caps.of(1, 1_000_000, 10)));
    m.put(ErrorCode.SERVICENOW_TOKEN_ERROR, c -> s.client(sn(), Auth.password("cid", "wrong", "admin", "admin"))
        .table().query("incident", null, null, 1, 0));
    m.put(ErrorCode.SERVICENOW_HOST_NOT_ALLOWED, c -> {
      System.setProperty(HostAllowList.SYSTEM_PROPERTY, "*.service-now.com");
      try {
        return c.table().query("incident", null, null, 1, 0);
      } finally {
        System.clearProperty(HostAllowList.SYSTEM_PROPERTY);
      }
    });
    m.put(ErrorCode.SERVICENOW_WAIT_TIMEOUT, c -> c.flows().awaitCompletionOrThrow(
        c.flows().start(FlowType.FLOW, "global.wait_for_approval", null, false, null).contextId(), Duration.ofSeconds(10)));
    m.put(ErrorCode.SERVICENOW_INTERRUPTED, c -> {
      ServiceNowClient impatient = ServiceNowClient.create(s.connection(sn(), Auth.basic("admin", "admin")).build(),
          s.options().withSleeper(d -> {
            throw new InterruptedException("shutdown");
          }));
      fault("GET", LIST, f -> f.times(1).serverError(503));
      try {
        return impatient.table().query("incident", null, null, 1, 0);
      } finally {
        Thread.interrupted();
      }
    });
    m.put(ErrorCode.SERVICENOW_UNEXPECTED_STATUS, c -> {
      fault("GET", LIST, f -> f.respond(302, "", Map.of("Location", "https://sso.example.com/login")));
      return c.table().query("incident", null, null, 1, 0);
    });
    return m;
  }

  @Test
  void everyErrorCodeHasAnEmulatorScenarioThatProducesIt() {
    Map<ErrorCode, Function<ServiceNowClient, Object>> scenarios = scenarios();
    assertThat(scenarios.keySet()).containsExactlyInAnyOrder(ErrorCode.values());
    for (Map.Entry<ErrorCode, Function<ServiceNowClient, Object>> e : scenarios.entrySet()) {
      sn().faults().clear();
      try (ServiceNowClient c = admin()) {
        ServiceNowException ex = catchThrowableOfType(ServiceNowException.class, () -> e.getValue().apply(c));
        assertThat(ex).as(e.getKey().name()).isNotNull();
        assertThat(ex.code()).as(ex.getMessage()).isEqualTo(e.getKey());
        assertThat(ex.getMessage()).as(e.getKey().name()).isNotBlank().doesNotContain("csecret", "wrong");
      }
    }
  }
}
