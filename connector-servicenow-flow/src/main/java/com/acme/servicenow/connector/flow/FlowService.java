package com.acme.servicenow.connector.flow;

import com.acme.servicenow.client.ApiRequest;
import com.acme.servicenow.client.ApiResponse;
import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.catalog.CatalogOrder;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.flow.FlowContext;
import com.acme.servicenow.client.flow.FlowStart;
import com.acme.servicenow.client.flow.FlowState;
import com.acme.servicenow.client.flow.FlowStatus;
import com.acme.servicenow.client.flow.FlowType;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.Page;
import com.acme.servicenow.client.table.ReadOptions;
import com.acme.servicenow.connector.common.ConnectorErrors;
import com.acme.servicenow.connector.flow.FlowOperation.CallRestTrigger;
import com.acme.servicenow.connector.flow.FlowOperation.GetStatus;
import com.acme.servicenow.connector.flow.FlowOperation.OrderCatalogItem;
import com.acme.servicenow.connector.flow.FlowOperation.StartFlow;
import com.acme.servicenow.connector.flow.FlowOperation.StatusSource;
import com.acme.servicenow.connector.flow.FlowResult.CatalogItemOrdered;
import com.acme.servicenow.connector.flow.FlowResult.FlowStarted;
import com.acme.servicenow.connector.flow.FlowResult.FlowStatusResult;
import com.acme.servicenow.connector.flow.FlowResult.RequestItem;
import com.acme.servicenow.connector.flow.FlowResult.RestTriggerCalled;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.camunda.connector.api.error.ConnectorInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Executes one {@link FlowOperation} with a {@link ServiceNowClient}. Waiting uses the client's flow
 * polling (its sleeper and clock), so tests drive time instead of sleeping.
 */
final class FlowService {

  /** Error code when a waited-for flow ends in ERROR. */
  static final String FLOW_ERROR = "SERVICENOW_FLOW_ERROR";
  /** Error code when a waited-for flow ends CANCELLED. */
  static final String FLOW_CANCELLED = "SERVICENOW_FLOW_CANCELLED";
  /** Error code when a waited-for flow has not finished within the wait timeout. */
  static final String FLOW_TIMEOUT = "SERVICENOW_FLOW_TIMEOUT";

  static final int DEFAULT_WAIT_SECONDS = 60;
  /** First poll after 1 s, doubling up to 15 s: quick flows return fast, long ones cost few requests. */
  static final Duration FIRST_POLL = Duration.ofSeconds(1);
  static final Duration MAX_POLL = Duration.ofSeconds(15);
  static final int MAX_REQUEST_ITEMS = 100;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
  private static final ReadOptions REQUEST_ITEM_FIELDS =
      ReadOptions.builder()
          .fields("sys_id", "number", "cat_item", "quantity", "stage", "state")
          .excludeReferenceLink(true)
          .build();

  private final ServiceNowClient client;

  FlowService(ServiceNowClient client) {
    this.client = client;
  }

  FlowResult execute(FlowOperation operation) {
    return switch (operation) {
      case CallRestTrigger c -> callRestTrigger(c);
      case StartFlow s -> startFlow(s);
      case OrderCatalogItem o -> orderCatalogItem(o);
      case GetStatus g -> getStatus(g);
    };
  }

  // --- REST trigger ---------------------------------------------------------------------------

  private FlowResult callRestTrigger(CallRestTrigger op) {
    String method = op.method().toUpperCase(Locale.ROOT);
    if (op.body() != null && !BODY_METHODS.contains(method)) {
      throw new ConnectorInputException("Invalid input 'body': a body is only sent with POST, PUT or PATCH, not " + method);
    }
    boolean wait = Boolean.TRUE.equals(op.waitForCompletion());
    Duration timeout = waitTimeout(op.waitTimeoutSeconds());
    ApiRequest request =
        ConnectorErrors.call(
            () ->
                new ApiRequest(
                    method, op.path(), op.queryParameters(), op.headers(),
                    op.body() == null ? null : MAPPER.valueToTree(op.body()), null));
    long startedAt = now();
    ApiResponse response = ConnectorErrors.call(() -> client.send(request));
    JsonNode executionIdNode = response.body() == null ? null : response.body().path("result").get("executionId");
    String executionId =
        executionIdNode == null || executionIdNode.isNull() || executionIdNode.asText().isEmpty()
            ? null
            : executionIdNode.asText();
    Object body = response.body() == null ? null : MAPPER.convertValue(response.body(), Object.class);
    if (!wait) {
      return new RestTriggerCalled(executionId, response.status(), body, null, null, null, null);
    }
    if (executionId == null) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("code", ErrorCode.SERVICENOW_INVALID_RESPONSE.code());
      variables.put("httpStatus", response.status());
      variables.put("transactionId", response.transactionId());
      throw ConnectorErrors.failure(
          ErrorCode.SERVICENOW_INVALID_RESPONSE.code(),
          "The REST trigger " + op.path() + " answered " + response.status()
              + " without result.executionId, so its flow cannot be waited for (is it an asynchronous REST API trigger?)",
          variables);
    }
    Optional<FlowContext> found =
        afterStart(null, executionId, () -> awaitByExecutionId(executionId, remaining(startedAt, timeout)));
    FlowContext context = found.orElse(null);
    String label = "REST-triggered flow " + op.path();
    if (context == null) {
      throw outcome(FLOW_TIMEOUT,
          label + " (executionId " + executionId + ") did not show up in sys_flow_context within "
              + timeout.toSeconds() + " s; it may still be queued",
          null, executionId, op.path(), null, null, timeout);
    }
    FlowState state = context.state();
    if (state == FlowState.COMPLETE) {
      return new RestTriggerCalled(
          executionId, response.status(), body, context.sysId(), state.name(), context.started(), context.ended());
    }
    throw terminalOrTimeout(label, context.sysId(), executionId, op.path(), stateText(state, null),
        context.errorMessage(), timeout);
  }

  /**
   * The REST trigger only returns an executionId; the context row appears when the flow engine picks
   * it up. The client has no "await by execution id", so look the row up with the client's backoff
   * parameters (and its sleeper and clock) until it exists, then let the client poll the context.
   */
  private Optional<FlowContext> awaitByExecutionId(String executionId, Duration timeout) {
    long deadline = now() + timeout.toMillis();
    Duration interval = FIRST_POLL;
    while (true) {
      Optional<FlowContext> context = client.flows().findContextByExecutionId(executionId);
      if (context.isPresent()) {
        FlowContext c = context.get();
        if (c.isTerminal()) {
          return context;
        }
        long left = Math.max(0, deadline - now());
        return Optional.of(client.flows().awaitContext(c.sysId(), Duration.ofMillis(left), interval, MAX_POLL));
      }
      long left = deadline - now();
      if (left <= 0) {
        return Optional.empty();
      }
      sleep(interval.toMillis() > left ? Duration.ofMillis(left) : interval);
      Duration next = interval.multipliedBy(2);
      interval = next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
    }
  }

  private void sleep(Duration duration) {
    try {
      client.options().sleeper().sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceNowException(ErrorCode.SERVICENOW_INTERRUPTED, "Interrupted while waiting for a flow", true, e);
    }
  }

  // --- flow API -------------------------------------------------------------------------------

  private FlowResult startFlow(StartFlow op) {
    boolean wait = Boolean.TRUE.equals(op.waitForCompletion());
    Duration timeout = waitTimeout(op.waitTimeoutSeconds());
    long startedAt = now();
    // Always start in the background: a foreground start would hold the HTTP request (and the
    // instance's transaction) open for the whole wait, bounded by the read timeout, not ours.
    FlowStart started =
        ConnectorErrors.call(
            () -> client.flows().start(FlowType.parse(op.flowType()), op.name(), op.inputs(), false, null));
    String type = started.type() == null ? op.flowType() : started.type();
    String name = started.name() == null ? op.name() : started.name();
    if (!wait) {
      return new FlowStarted(started.contextId(), type, name, stateText(started.state(), null), null);
    }
    String contextId = started.contextId();
    FlowStatus status =
        afterStart(contextId, null,
            () -> client.flows().awaitCompletion(contextId, remaining(startedAt, timeout), FIRST_POLL, MAX_POLL));
    if (status.state() == FlowState.COMPLETE) {
      return new FlowStarted(contextId, type, name, FlowState.COMPLETE.name(), toMap(status.outputs()));
    }
    throw terminalOrTimeout(type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1) + " " + name,
        contextId, null, name, stateText(status.state(), status.rawState()), status.errorMessage(), timeout);
  }

  private FlowResult getStatus(GetStatus op) {
    String source = op.source();
    if (StatusSource.EXECUTION_ID.equals(source)) {
      String executionId = required("executionId", op.executionId(), source);
      FlowContext context =
          ConnectorErrors.call(
              () ->
                  client.flows().findContextByExecutionId(executionId)
                      .orElseThrow(
                          () ->
                              new ServiceNowException(ErrorCode.SERVICENOW_NOT_FOUND,
                                  "No flow context with execution_id " + executionId
                                      + " (not started yet, not readable, or deleted 2 weeks after completion)",
                                  404, null, null, null, false, null, null)));
      return fromContext(context, executionId, StatusSource.EXECUTION_ID);
    }
    String contextId = required("contextId", op.contextId(), source);
    if (StatusSource.TABLE.equals(source)) {
      return fromContext(ConnectorErrors.call(() -> client.flows().getContext(contextId)), null, StatusSource.TABLE);
    }
    FlowStatus status = ConnectorErrors.call(() -> client.flows().status(contextId));
    boolean hasOutputs = status.outputs() != null && (status.outputs().size() > 0 || status.state() == FlowState.COMPLETE);
    List<Object> waitingOn =
        status.waitingOn() == null || status.waitingOn().isEmpty()
            ? null
            : MAPPER.convertValue(status.waitingOn(), new TypeReference<List<Object>>() {});
    return new FlowStatusResult(
        status.contextId(), null, stateText(status.state(), status.rawState()), status.isTerminal(),
        status.errorMessage(), hasOutputs ? toMap(status.outputs()) : null, waitingOn, null, null, StatusSource.FLOW_API);
  }

  private static FlowStatusResult fromContext(FlowContext c, String executionId, String source) {
    String raw = c.raw() == null ? null : text(c.raw(), "state");
    return new FlowStatusResult(c.sysId(), executionId, stateText(c.state(), raw), c.isTerminal(), c.errorMessage(),
        null, null, emptyToNull(c.started()), emptyToNull(c.ended()), source);
  }

  // --- catalog --------------------------------------------------------------------------------

  private FlowResult orderCatalogItem(OrderCatalogItem op) {
    int quantity = op.quantity() == null ? 1 : op.quantity();
    String requestedFor = emptyToNull(op.requestedFor() == null ? null : op.requestedFor().trim());
    CatalogOrder order =
        ConnectorErrors.call(() -> client.catalog().orderNow(op.itemSysId(), quantity, op.variables(), requestedFor));
    String requestSysId = order.sysId() != null ? order.sysId() : order.requestId();
    String number = order.number() != null ? order.number() : order.requestNumber();
    if (requestSysId == null) {
      return new CatalogItemOrdered(null, number, List.of(), "order_now returned no request sys_id");
    }
    // The order is placed: from here on nothing may fail the job, or a retry would order twice.
    try {
      Page page =
          client.table().query("sc_req_item", QuerySpec.where(Condition.eq("request", requestSysId)),
              REQUEST_ITEM_FIELDS, MAX_REQUEST_ITEMS, 0);
      List<RequestItem> items = new ArrayList<>();
      for (ObjectNode n : page.records()) {
        items.add(new RequestItem(text(n, "sys_id"), text(n, "number"), text(n, "cat_item"), text(n, "quantity"),
            text(n, "stage"), text(n, "state")));
      }
      return new CatalogItemOrdered(requestSysId, number, items, null);
    } catch (ServiceNowException e) {
      return new CatalogItemOrdered(requestSysId, number, null,
          "The request was created, but its items could not be read (" + e.code().code() + "): " + e.getMessage());
    }
  }

  // --- outcomes -------------------------------------------------------------------------------

  private static ConnectorException terminalOrTimeout(
      String label, String contextId, String executionId, String name, String state, String errorMessage,
      Duration timeout) {
    String where = " (context " + contextId + ")";
    if (FlowState.ERROR.name().equals(state)) {
      return outcome(FLOW_ERROR,
          label + " failed" + where + ": " + (errorMessage == null ? "no error message" : errorMessage),
          contextId, executionId, name, state, errorMessage, timeout);
    }
    if (FlowState.CANCELLED.name().equals(state)) {
      return outcome(FLOW_CANCELLED,
          label + " was cancelled" + where + (errorMessage == null ? "" : ": " + errorMessage),
          contextId, executionId, name, state, errorMessage, timeout);
    }
    return outcome(FLOW_TIMEOUT,
        label + " did not finish within " + timeout.toSeconds() + " s" + where + "; last state " + state
            + ". It keeps running in ServiceNow: follow it with Get status or a message callback",
        contextId, executionId, name, state, errorMessage, timeout);
  }

  private static ConnectorException outcome(
      String code, String message, String contextId, String executionId, String name, String state,
      String errorMessage, Duration timeout) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("code", code);
    variables.put("contextId", contextId);
    variables.put("executionId", executionId);
    variables.put("name", name);
    variables.put("state", state);
    variables.put("flowErrorMessage", errorMessage);
    variables.put("waitTimeoutSeconds", (int) timeout.toSeconds());
    return ConnectorErrors.failure(code, message, variables);
  }

  /**
   * Once a flow runs, a failed poll must not look like a failed start: the error names the context so
   * the process can follow it up instead of blindly starting the flow again.
   */
  private static <T> T afterStart(String contextId, String executionId, Supplier<T> action) {
    try {
      return action.get();
    } catch (ServiceNowException e) {
      Map<String, Object> variables = new LinkedHashMap<>(ConnectorErrors.errorVariables(e));
      variables.put("contextId", contextId);
      variables.put("executionId", executionId);
      variables.put("flowStarted", true);
      String id = contextId != null ? "context " + contextId : "executionId " + executionId;
      throw new ConnectorExceptionBuilder()
          .errorCode(e.code().code())
          .message("The flow was started (" + id + ") but waiting for it failed: " + e.getMessage())
          .cause(e)
          .errorVariables(variables)
          .build();
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  private long now() {
    return client.options().clock().millis();
  }

  private Duration remaining(long startedAt, Duration timeout) {
    return Duration.ofMillis(Math.max(0, startedAt + timeout.toMillis() - now()));
  }

  private static Duration waitTimeout(Integer seconds) {
    return Duration.ofSeconds(seconds == null ? DEFAULT_WAIT_SECONDS : seconds);
  }

  private static String required(String field, String value, String source) {
    if (value == null || value.isBlank()) {
      throw ConnectorErrors.toConnectorException(
          new ServiceNowInputException(field, "is required when looking up by " + source));
    }
    return value.trim();
  }

  private static String stateText(FlowState state, String raw) {
    if (state == null) {
      return raw;
    }
    return state == FlowState.UNKNOWN && raw != null ? raw : state.name();
  }

  private static Map<String, Object> toMap(ObjectNode node) {
    return node == null ? Map.of() : MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() {});
  }

  /** A field's raw value whatever the display-value shape. */
  private static String text(ObjectNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isObject() ? v.path("value").asText(null) : v.asText();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
