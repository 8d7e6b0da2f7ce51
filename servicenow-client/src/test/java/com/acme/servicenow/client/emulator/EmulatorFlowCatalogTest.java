package com.acme.servicenow.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.acme.servicenow.client.ApiRequest;
import com.acme.servicenow.client.ApiResponse;
import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.catalog.CatalogOrder;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.flow.FlowContext;
import com.acme.servicenow.client.flow.FlowStart;
import com.acme.servicenow.client.flow.FlowState;
import com.acme.servicenow.client.flow.FlowStatus;
import com.acme.servicenow.client.flow.FlowType;
import com.acme.servicenow.emulator.EmulatorClock;
import com.acme.servicenow.emulator.FlowDefinition;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Companion Flow API, REST-trigger polling through sys_flow_context, and the Service Catalog, against the emulator. */
class EmulatorFlowCatalogTest {

  static final EmulatorClock SN_CLOCK = EmulatorClock.fixed(Instant.parse("2026-01-15T10:00:00Z"));
  static final String LAPTOP = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  @RegisterExtension
  static ServiceNowEmulatorExtension ext = ServiceNowEmulatorExtension.create(b -> b
      .clock(SN_CLOCK)
      .catalogItem(LAPTOP, "Standard Laptop")
      .flow(FlowDefinition.named("global.provision_vm").queuedFor(Duration.ofSeconds(1))
          .completesAfter(Duration.ofSeconds(5)).withOutputs(Map.of("vm_name", "vm-01")))
      .flow(FlowDefinition.named("global.always_fails").failsAfter(Duration.ofSeconds(2), "Backend unreachable"))
      .flow(FlowDefinition.named("global.wait_for_approval").waitsFor("ASK_FOR_APPROVAL"))
      .flow(FlowDefinition.named("global.broken").failsToStart("Script error in step 1"))
      .flow(FlowDefinition.named("global.notify_team").completesAfter(Duration.ofSeconds(3))
          .restTrigger("POST", "/api/x_acme/notify")));

  final EmulatorSupport s = new EmulatorSupport();
  final CopyOnWriteArrayList<Duration> polls = new CopyOnWriteArrayList<>();
  ServiceNowClient c;

  @BeforeEach
  void open() {
    // waiting moves both clocks: the client's deadline and the emulator's flow progress
    c = ServiceNowClient.create(s.connection(ext.emulator(), Auth.basic("admin", "admin")).build(),
        s.options().withSleeper(d -> {
          polls.add(d);
          s.clock.advance(d);
          SN_CLOCK.advance(d);
        }));
  }

  @AfterEach
  void close() {
    c.close();
  }

  @Test
  void asyncStartThenAwaitCompletionWithOutputs() {
    FlowStart start = c.flows().start(FlowType.FLOW, "global.provision_vm", Map.of("size", "L"), false, null);
    assertThat(start.contextId()).matches("[0-9a-f]{32}");
    assertThat(start.state()).isEqualTo(FlowState.QUEUED);
    FlowStatus done = c.flows().awaitCompletion(start.contextId(), Duration.ofMinutes(1), Duration.ofSeconds(1),
        Duration.ofSeconds(4));
    assertThat(done.state()).isEqualTo(FlowState.COMPLETE);
    assertThat(done.outputs().get("vm_name").asText()).isEqualTo("vm-01");
    assertThat(polls).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(4)));
    FlowContext ctx = c.flows().getContext(start.contextId());
    assertThat(ctx.state()).isEqualTo(FlowState.COMPLETE);
  }

  @Test
  void syncStartReturnsTheFinalState() {
    FlowStart start = c.flows().start(FlowType.FLOW, "global.always_fails", null, true, Duration.ofSeconds(30));
    assertThat(start.state()).isEqualTo(FlowState.ERROR);
    assertThat(start.errorMessage()).isEqualTo("Backend unreachable");
  }

  @Test
  void failingFlowEndsInErrorWithItsMessage() {
    FlowStart start = c.flows().start(FlowType.FLOW, "global.always_fails", null, false, null);
    FlowStatus done = c.flows().awaitCompletion(start.contextId(), Duration.ofMinutes(1));
    assertThat(done.state()).isEqualTo(FlowState.ERROR);
    assertThat(done.errorMessage()).isEqualTo("Backend unreachable");
  }

  @Test
  void waitingFlowTimesOutWithoutErrorThenCancelThenConflict() {
    FlowStart start = c.flows().start(FlowType.FLOW, "global.wait_for_approval", null, false, null);
    FlowStatus last = c.flows().awaitCompletion(start.contextId(), Duration.ofSeconds(20));
    assertThat(last.isTerminal()).isFalse();
    assertThat(last.state()).isEqualTo(FlowState.WAITING);
    assertThat(last.waitingOn()).isNotEmpty();
    assertThat(polls.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(20_000);

    assertThat(c.flows().cancel(start.contextId(), "process cancelled").state()).isEqualTo(FlowState.CANCELLED);
    FlowStatus after = c.flows().status(start.contextId());
    assertThat(after.state()).isEqualTo(FlowState.CANCELLED);
    assertThat(after.errorMessage()).isEqualTo("process cancelled");
    ServiceNowException again = catchThrowableOfType(ServiceNowException.class,
        () -> c.flows().cancel(start.contextId(), "again"));
    assertThat(again.code()).isEqualTo(ErrorCode.SERVICENOW_CONFLICT);
    assertThat(again.serviceNowMessage()).isEqualTo("Flow context already finished");
  }

  @Test
  void unknownFlowAndUnknownContextAreNotFound() {
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class,
        () -> c.flows().start(FlowType.FLOW, "global.nope", null, false, null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_NOT_FOUND);
    assertThat(e.serviceNowMessage()).isEqualTo("Flow not found");
    ServiceNowException s404 = catchThrowableOfType(ServiceNowException.class,
        () -> c.flows().status("0123456789abcdef0123456789abcdef"));
    assertThat(s404.code()).isEqualTo(ErrorCode.SERVICENOW_NOT_FOUND);
    assertThat(s404.serviceNowMessage()).isEqualTo("Flow context not found");
  }

  @Test
  void flowThatCannotStartIsServerErrorAndNotRetried() {
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class,
        () -> c.flows().start(FlowType.FLOW, "global.broken", null, false, null));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_SERVER_ERROR);
    assertThat(e.httpStatus()).isEqualTo(500);
    assertThat(e.serviceNowMessage()).isEqualTo("Flow could not be started");
    assertThat(e.serviceNowDetail()).contains("Script error in step 1");
    assertThat(ext.emulator().journal().count("POST", "/api/x_acme_camunda/flow/v1/start")).isEqualTo(1);
  }

  @Test
  void restTriggerThenPollSysFlowContextByExecutionId() {
    ApiResponse r = c.send(new ApiRequest("POST", "/api/x_acme/notify", null, null,
        JsonNodeFactory.instance.objectNode().put("team", "ops"), null));
    String executionId = r.body().path("result").path("executionId").asText();
    assertThat(executionId).isNotBlank();
    Optional<FlowContext> ctx = c.flows().findContextByExecutionId(executionId);
    assertThat(ctx).isPresent();
    FlowContext done = c.flows().awaitContext(ctx.get().sysId(), Duration.ofMinutes(1), Duration.ofSeconds(1),
        Duration.ofSeconds(2));
    assertThat(done.state()).isEqualTo(FlowState.COMPLETE);
    assertThat(c.flows().findContextByExecutionId("doesNotExist123")).isEmpty();
  }

  @Test
  void orderNowCreatesARequest() {
    CatalogOrder o = c.catalog().orderNow(LAPTOP, 2, Map.of("ram", "16GB"));
    assertThat(o.number()).startsWith("REQ");
    assertThat(o.table()).isEqualTo("sc_request");
    assertThat(ext.emulator().records().find("sc_req_item", "request=" + o.sysId())).hasSize(1);
    ServiceNowException e = catchThrowableOfType(ServiceNowException.class,
        () -> c.catalog().orderNow("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 1, Map.of()));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_NOT_FOUND);
    long before = ext.emulator().journal().all().size();
    assertThatThrownBy(() -> c.catalog().orderNow(LAPTOP, 0, Map.of())).isInstanceOf(ServiceNowInputException.class);
    assertThatThrownBy(() -> c.catalog().orderNow(LAPTOP, 1, Map.of("bad name^", "x")))
        .isInstanceOf(ServiceNowInputException.class);
    assertThat(ext.emulator().journal().all()).hasSize((int) before);
  }
}
