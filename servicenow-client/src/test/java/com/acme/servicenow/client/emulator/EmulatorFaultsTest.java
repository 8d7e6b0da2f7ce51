package com.acme.servicenow.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.ServiceNowConnection;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.Page;
import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every retry rule and every error code, produced by the emulator's real behaviour and fault injection. */
class EmulatorFaultsTest {

  private static final String LIST = "/api/now/table/incident";

  @RegisterExtension
  static ServiceNowEmulatorExtension ext = ServiceNowEmulatorExtension.create(b -> b
      .seed("demo")
      .user("reader", "pw", "itil")
      .tableAccess("reader", "incident", true, false)
      .user("blocked", "pw", "itil")
      .denyApiAccess("blocked"));

  final EmulatorSupport s = new EmulatorSupport();
  final List<ServiceNowClient> clients = new ArrayList<>();

  ServiceNowEmulator sn() {
    return ext.emulator();
  }

  ServiceNowClient client(Auth auth) {
    ServiceNowClient c = s.client(sn(), auth);
    clients.add(c);
    return c;
  }

  ServiceNowClient admin() {
    return client(Auth.basic("admin", "admin"));
  }

  @AfterEach
  void close() {
    clients.forEach(ServiceNowClient::close);
  }

  private static ServiceNowException failure(Runnable r) {
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class, r::run);
    assertThat(e).as("expected a ServiceNowException").isNotNull();
    return e;
  }

  private String anyIncident() {
    return sn().records().list("incident").get(0).get("sys_id");
  }

  private long calls(String method, String path) {
    return sn().journal().count(method, path);
  }

  // ---- retry rules ----

  @Test
  void retryAfterIsHonoured() {
    sn().faults().add(FaultRule.on("GET", LIST).times(1).rateLimited(Duration.ofSeconds(3)));
    Page p = admin().table().query("incident", null, null, 1, 0);
    assertThat(p.records()).hasSize(1);
    assertThat(s.sleeper.sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(calls("GET", LIST)).isEqualTo(2);
  }

  @Test
  void rateLimitResetIsHonoured() {
    sn().faults().add(FaultRule.on("GET", LIST).times(1)
        .rateLimitedUntilReset(s.clock.instant().plusSeconds(9)));
    admin().table().query("incident", null, null, 1, 0);
    assertThat(s.sleeper.sleeps).hasSize(1);
    // the emulator's wall clock and the test clock differ by the run time; allow a second of drift
    assertThat(s.sleeper.sleeps.get(0)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(9));
  }

  @Test
  void bareRateLimitUsesBackoffAndPostIsRetriedOn429() {
    sn().faults().add(FaultRule.on("POST", LIST).times(2).bareRateLimit());
    var created = admin().table().create("incident", Map.of("short_description", "retry me"), null);
    assertThat(created.get("number").asText()).startsWith("INC");
    assertThat(s.sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(calls("POST", LIST)).isEqualTo(3);
    assertThat(sn().records().find("incident", "short_description=retry me")).hasSize(1);
  }

  @Test
  void rateLimitLongerThanBudgetIsReturnedWithItsWait() {
    sn().faults().add(FaultRule.on("GET", LIST).rateLimited(Duration.ofMinutes(5)));
    ServiceNowException e = failure(() -> admin().table().query("incident", null, null, 1, 0));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_RATE_LIMITED);
    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(e.retryable()).isTrue();
    assertThat(e.suggestedWait()).contains(Duration.ofMinutes(5));
    assertThat(e.serviceNowMessage()).isEqualTo("Rate limit exceeded");
    assertThat(s.sleeper.sleeps).isEmpty();
    assertThat(calls("GET", LIST)).isEqualTo(1);
  }

  @Test
  void postIsNotRetriedOn503() {
    sn().faults().add(FaultRule.on("POST", LIST).times(1).serverError(503));
    ServiceNowException e = failure(() -> admin().table().create("incident", Map.of("short_description", "once"), null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_SERVER_ERROR);
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.retryable()).isFalse();
    assertThat(calls("POST", LIST)).isEqualTo(1);
    assertThat(sn().records().find("incident", "short_description=once")).isEmpty();
  }

  @Test
  void getIsRetriedOn502503504() {
    sn().faults().add(FaultRule.on("GET", LIST).times(1).serverError(502));
    sn().faults().add(FaultRule.on("GET", LIST).times(1).serverError(503));
    sn().faults().add(FaultRule.on("GET", LIST).times(1).serverError(504));
    assertThat(admin().table().query("incident", null, null, 1, 0).records()).hasSize(1);
    assertThat(calls("GET", LIST)).isEqualTo(4);
    assertThat(s.sleeper.sleeps).hasSize(3);
  }

  @Test
  void deleteAndPutAreRetriedOn503PatchWithWorkNotesIsNot() {
    String id = anyIncident();
    String path = LIST + "/" + id;
    sn().faults().add(FaultRule.on("PUT", path).times(1).serverError(503));
    admin().table().replace("incident", id, Map.of("short_description", "replaced"), null);
    assertThat(calls("PUT", path)).isEqualTo(2);

    sn().faults().add(FaultRule.on("PATCH", path).times(1).serverError(503));
    failure(() -> admin().table().update("incident", id, Map.of("work_notes", "only once"), null));
    assertThat(calls("PATCH", path)).isEqualTo(1);
    assertThat(sn().records().journal("incident", id, "work_notes")).doesNotContain("only once");

    String victim = admin().table().create("incident", Map.of("short_description", "to delete"), null).get("sys_id").asText();
    sn().faults().add(FaultRule.on("DELETE", LIST + "/" + victim).times(1).serverError(504));
    admin().table().delete("incident", victim);
    assertThat(calls("DELETE", LIST + "/" + victim)).isEqualTo(2);
  }

  @Test
  void connectionResetIsRetriedForGetButNotForPost() {
    sn().faults().add(FaultRule.on("GET", LIST).times(1).connectionReset());
    assertThat(admin().table().query("incident", null, null, 1, 0).records()).hasSize(1);
    assertThat(calls("GET", LIST)).isEqualTo(2);

    sn().faults().add(FaultRule.on("POST", LIST).times(1).connectionReset());
    ServiceNowException e = failure(() -> admin().table().create("incident", Map.of("short_description", "reset"), null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_CONNECTION_FAILED);
    assertThat(calls("POST", LIST)).isEqualTo(1);
  }

  @Test
  void truncatedBodyIsRetriedForGetAndRecognised() {
    sn().faults().add(FaultRule.on("GET", LIST).times(1).truncatedBody());
    assertThat(admin().table().query("incident", null, null, 5, 0).records()).hasSize(5);
    assertThat(calls("GET", LIST)).isEqualTo(2);

    sn().journal().clear();
    sn().faults().add(FaultRule.on("GET", LIST).truncatedBody());
    ServiceNowException e = failure(() -> admin().table().query("incident", null, null, 5, 0));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_TRANSACTION_CANCELLED);
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.retryable()).isTrue();
    assertThat(calls("GET", LIST)).isEqualTo(4);
  }

  @Test
  void queryAllShrinksPagesAfterATransactionCancelledCut() {
    int all = sn().records().count("incident");
    sn().faults().add(FaultRule.on("GET", LIST).times(1).truncatedBody());
    var r = admin().table().queryAll("incident", null, null, com.acme.servicenow.client.table.Caps.of(1000, 1_000_000, 40));
    assertThat(r.records()).hasSize(all);
    List<String> limits = sn().journal().all().stream().map(RecordedRequest::rawQuery)
        .map(q -> q.replaceAll(".*sysparm_limit=(\\d+).*", "$1")).toList();
    assertThat(limits.get(0)).isEqualTo("40");
    assertThat(limits.subList(1, limits.size())).containsOnly("20");
  }

  @Test
  void emptyAcceptedIsRetriedForGet() {
    sn().faults().add(FaultRule.on("GET", LIST).times(2).emptyAccepted());
    assertThat(admin().table().query("incident", null, null, 1, 0).records()).hasSize(1);
    assertThat(calls("GET", LIST)).isEqualTo(3);

    sn().faults().add(FaultRule.on("GET", LIST).emptyAccepted());
    ServiceNowException e = failure(() -> admin().table().query("incident", null, null, 1, 0));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_REQUEST_DROPPED);
    assertThat(e.httpStatus()).isEqualTo(202);
  }

  @Test
  void htmlPageIsRecognisedAndNotRetried() {
    sn().faults().add(FaultRule.on("GET", LIST).htmlPage());
    ServiceNowException e = failure(() -> admin().table().query("incident", null, null, 1, 0));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_HTML_RESPONSE);
    assertThat(calls("GET", LIST)).isEqualTo(1);
  }

  @Test
  void readTimeoutIsRetriedForGetOnly() {
    ServiceNowClient fast = ServiceNowClient.create(s.connection(sn(), Auth.basic("admin", "admin"))
        .readTimeout(Duration.ofMillis(300)).build(), s.options());
    clients.add(fast);
    sn().faults().add(FaultRule.on("GET", LIST).times(1).delay(Duration.ofMillis(1500)));
    assertThat(fast.table().query("incident", null, null, 1, 0).records()).hasSize(1);
    // the journal records the delayed request only when the emulator finishes it; the sleep proves the retry
    assertThat(s.sleeper.sleeps).hasSize(1);

    sn().faults().add(FaultRule.on("POST", LIST).times(1).delay(Duration.ofMillis(1500)));
    ServiceNowException e = failure(() -> fast.table().create("incident", Map.of("short_description", "slow"), null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_TIMEOUT);
    assertThat(e.retryable()).isFalse();
    assertThat(s.sleeper.sleeps).hasSize(1);
  }

  @Test
  void connectionRefusedIsRetriedThenReported() throws IOException {
    int port;
    try (ServerSocket ss = new ServerSocket(0)) {
      port = ss.getLocalPort();
    }
    ServiceNowClient c = ServiceNowClient.create(ServiceNowConnection.builder().baseUrl("http://127.0.0.1:" + port)
        .allowHttp(true).auth(Auth.basic("admin", "admin")).build(), s.options());
    clients.add(c);
    ServiceNowException e = failure(() -> c.table().create("incident", Map.of("a", "b"), null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_CONNECTION_FAILED);
    assertThat(e.retryable()).isTrue();
    assertThat(s.sleeper.sleeps).hasSize(3);
  }

  // ---- error codes from the emulator's real behaviour ----

  @Test
  void invalidTableIsBadRequest() {
    ServiceNowException e = failure(() -> admin().table().query("no_such_table", null, null, 1, 0));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_BAD_REQUEST);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.serviceNowMessage()).isEqualTo("Invalid table no_such_table");
    assertThat(e.serviceNowDetail()).isNull();
    assertThat(e.transactionId()).isNotBlank();
    assertThat(e.getMessage()).contains(e.transactionId());
  }

  @Test
  void missingRecordIsNotFound() {
    ServiceNowException e = failure(() -> admin().table().update("incident", "0123456789abcdef0123456789abcdef",
        Map.of("state", "2"), null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_NOT_FOUND);
    assertThat(e.serviceNowMessage()).isEqualTo("No Record found");
  }

  @Test
  void resolvingWithoutCloseFieldsIsDataPolicy() {
    String id = admin().table().create("incident", Map.of("short_description", "dp"), null).get("sys_id").asText();
    ServiceNowException e = failure(() -> admin().table().update("incident", id, Map.of("state", "6"), null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_DATA_POLICY);
    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.serviceNowDetail()).startsWith("Data Policy Exception");
  }

  @Test
  void aclAndApiAccessAreForbidden() {
    ServiceNowException write = failure(() -> client(Auth.basic("reader", "pw")).table()
        .create("incident", Map.of("short_description", "x"), null));
    assertThat(write.code()).isEqualTo(ErrorCode.SERVICENOW_FORBIDDEN);
    ServiceNowException api = failure(() -> client(Auth.basic("blocked", "pw")).table().query("incident", null, null, 1, 0));
    assertThat(api.code()).isEqualTo(ErrorCode.SERVICENOW_FORBIDDEN);
    assertThat(api.serviceNowDetail()).isEqualTo("Failed API level ACL Validation");
  }

  @Test
  void wrongCredentialsAreUnauthorized() {
    ServiceNowException e = failure(() -> client(Auth.basic("admin", "nope")).table().query("incident", null, null, 1, 0));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_UNAUTHORIZED);
    assertThat(e.httpStatus()).isEqualTo(401);
  }

  @Test
  void internalServerErrorIsServerErrorAndNotRetried() {
    sn().faults().add(FaultRule.on("GET", LIST).serverError(500));
    ServiceNowException e = failure(() -> admin().table().query("incident", null, null, 1, 0));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_SERVER_ERROR);
    assertThat(e.retryable()).isFalse();
    assertThat(calls("GET", LIST)).isEqualTo(1);
  }

  @Test
  void arbitraryResponseIsMapped() {
    sn().faults().add(FaultRule.on("GET", LIST).respond(409, "{\"error\":{\"message\":\"Conflict\",\"detail\":null},"
        + "\"status\":\"failure\"}", Map.of("Content-Type", "application/json")));
    ServiceNowException e = failure(() -> admin().table().query("incident", QuerySpec.all(), null, 1, 0));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_CONFLICT);
    assertThat(e.serviceNowMessage()).isEqualTo("Conflict");
    List<RecordedRequest> all = sn().journal().all();
    assertThat(all).hasSize(1);
  }
}
