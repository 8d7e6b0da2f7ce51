package com.acme.servicenow.client.flow;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.http.Json;
import com.acme.servicenow.client.http.RequestSpec;
import com.acme.servicenow.client.http.Transport;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.Identifiers;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.Page;
import com.acme.servicenow.client.table.ReadOptions;
import com.acme.servicenow.client.table.TableApi;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The companion Flow API ({@code /api/x_acme_camunda/flow/v1}, see {@code docs/flow-api.md}) plus
 * polling of {@code sys_flow_context} through the Table API (reference A5). Thread-safe.
 */
public final class FlowApi {

  public static final String BASE = "/api/x_acme_camunda/flow/v1";
  public static final String CONTEXT_TABLE = "sys_flow_context";
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_]+\\.[A-Za-z0-9_]+$");
  private static final Pattern INPUT = Pattern.compile("^[A-Za-z0-9_]{1,100}$");
  private static final Pattern EXECUTION_ID = Pattern.compile("^[A-Za-z0-9_\\-]{1,100}$");
  private static final ReadOptions CONTEXT_FIELDS =
      ReadOptions.builder().fields("sys_id", "state", "error_message", "started", "ended").build();

  private final Transport transport;
  private final TableApi table;

  public FlowApi(Transport transport, TableApi table) {
    this.transport = transport;
    this.table = table;
  }

  /**
   * Starts a flow, subflow or action. {@code sync=false} returns at once (state QUEUED); {@code sync=true}
   * waits on the ServiceNow side up to {@code timeout} (1 ms … 300 s, default 30 s). Not retried on
   * 5xx/timeouts: the flow may already run.
   */
  public FlowStart start(FlowType type, String name, Map<String, ?> inputs, boolean sync, Duration timeout) {
    if (type == null) {
      throw new ServiceNowInputException("type", "must be one of flow, subflow, action");
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ServiceNowInputException("name",
          "must be a scoped internal name such as global.notify_team (letters, digits, '_' and one '.')");
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("type", type.param());
    body.put("name", name);
    ObjectNode in = body.putObject("inputs");
    if (inputs != null) {
      for (Map.Entry<String, ?> e : inputs.entrySet()) {
        if (e.getKey() == null || !INPUT.matcher(e.getKey()).matches()) {
          throw new ServiceNowInputException("inputs",
              "'" + (e.getKey() == null ? "null" : Identifiers.shorten(e.getKey())) + "' is not a valid input name");
        }
        in.set(e.getKey(), Json.MAPPER.valueToTree(e.getValue()));
      }
    }
    body.put("mode", sync ? "sync" : "async");
    if (sync) {
      long ms = timeout == null ? 30_000 : timeout.toMillis();
      if (ms < 1 || ms > 300_000) {
        throw new ServiceNowInputException("timeout", "must be between 1 ms and 300 s");
      }
      body.put("timeout", ms);
    }
    RequestSpec spec = RequestSpec.method("POST", BASE + "/start").jsonBody(bytes(body)).build();
    ObjectNode r = transport.execute(spec, TableApi::resultObject);
    return new FlowStart(text(r, "contextId"), text(r, "type"), text(r, "name"), FlowState.parse(text(r, "state")),
        r.has("outputs") && r.get("outputs").isObject() ? (ObjectNode) r.get("outputs") : Json.MAPPER.createObjectNode(),
        emptyToNull(text(r, "errorMessage")));
  }

  /** {@code GET /status/{contextId}}. 404 (unknown or deleted after 2 weeks) → SERVICENOW_NOT_FOUND. */
  public FlowStatus status(String contextId) {
    Identifiers.sysId("contextId", contextId);
    ObjectNode r = transport.execute(RequestSpec.get(BASE + "/status/" + contextId).build(), TableApi::resultObject);
    return status(contextId, r);
  }

  /** {@code POST /cancel/{contextId}}; 409 (already finished) → SERVICENOW_CONFLICT. */
  public FlowStatus cancel(String contextId, String reason) {
    Identifiers.sysId("contextId", contextId);
    ObjectNode body = Json.MAPPER.createObjectNode();
    if (reason != null) {
      if (reason.length() > 4000) {
        throw new ServiceNowInputException("reason", "is longer than 4000 characters");
      }
      body.put("reason", reason);
    }
    RequestSpec spec = RequestSpec.method("POST", BASE + "/cancel/" + contextId).jsonBody(bytes(body)).build();
    ObjectNode r = transport.execute(spec, TableApi::resultObject);
    return status(contextId, r);
  }

  /**
   * Finds the context of a flow started by an IntegrationHub REST trigger (which only returns an
   * {@code executionId}): {@code sys_flow_context?sysparm_query=execution_id=<id>&sysparm_limit=1}.
   */
  public Optional<FlowContext> findContextByExecutionId(String executionId) {
    if (executionId == null || !EXECUTION_ID.matcher(executionId).matches()) {
      throw new ServiceNowInputException("executionId", "must be letters, digits, '_' or '-' (1-100 characters)");
    }
    Page page = table.query(CONTEXT_TABLE, QuerySpec.where(Condition.eq("execution_id", executionId)),
        CONTEXT_FIELDS, 1, 0);
    return page.records().isEmpty() ? Optional.empty() : Optional.of(context(page.records().get(0)));
  }

  /** Reads a context through the Table API; 404 → SERVICENOW_NOT_FOUND. */
  public FlowContext getContext(String contextId) {
    Identifiers.sysId("contextId", contextId);
    return table.get(CONTEXT_TABLE, contextId, CONTEXT_FIELDS)
        .map(FlowApi::context)
        .orElseThrow(() -> new ServiceNowException(ErrorCode.SERVICENOW_NOT_FOUND,
            "Flow context " + contextId + " not found (contexts are deleted 2 weeks after completion)", 404,
            null, null, null, false, null, null));
  }

  /** Polls {@link #status} until a terminal state or until {@code timeout}; 1 s doubling up to 15 s. */
  public FlowStatus awaitCompletion(String contextId, Duration timeout) {
    return awaitCompletion(contextId, timeout, Duration.ofSeconds(1), Duration.ofSeconds(15));
  }

  /**
   * Polls {@link #status} with backoff ({@code initialInterval} doubling up to {@code maxInterval}) until the
   * flow is terminal or {@code timeout} has passed, using the client's injectable sleeper and clock.
   * Returns the last status seen; check {@link FlowStatus#isTerminal()} to know whether it finished.
   */
  public FlowStatus awaitCompletion(String contextId, Duration timeout, Duration initialInterval, Duration maxInterval) {
    Identifiers.sysId("contextId", contextId);
    return poll(() -> status(contextId), FlowStatus::isTerminal, timeout, initialInterval, maxInterval);
  }

  /**
   * Like {@link #awaitCompletion(String, Duration)} but a flow that has not finished in time is an error:
   * {@code SERVICENOW_WAIT_TIMEOUT} (retryable, naming the last state).
   */
  public FlowStatus awaitCompletionOrThrow(String contextId, Duration timeout) {
    FlowStatus s = awaitCompletion(contextId, timeout);
    if (!s.isTerminal()) {
      throw new ServiceNowException(ErrorCode.SERVICENOW_WAIT_TIMEOUT, "Flow context " + contextId
          + " did not finish within " + timeout + " (last state " + s.rawState() + ")", true, null);
    }
    return s;
  }

  /** Like {@link #awaitCompletion} but reads {@code sys_flow_context} through the Table API (no outputs). */
  public FlowContext awaitContext(String contextId, Duration timeout, Duration initialInterval, Duration maxInterval) {
    Identifiers.sysId("contextId", contextId);
    return poll(() -> getContext(contextId), FlowContext::isTerminal, timeout, initialInterval, maxInterval);
  }

  private <T> T poll(Supplier<T> read, java.util.function.Predicate<T> done, Duration timeout, Duration initial,
      Duration max) {
    if (timeout == null || timeout.isNegative()) {
      throw new ServiceNowInputException("timeout", "must be zero or positive");
    }
    if (initial == null || initial.isNegative() || initial.isZero() || max == null || max.compareTo(initial) < 0) {
      throw new ServiceNowInputException("pollInterval", "need 0 < initialInterval <= maxInterval");
    }
    long deadline = transport.options().clock().millis() + timeout.toMillis();
    Duration interval = initial;
    while (true) {
      T value = read.get();
      if (done.test(value)) {
        return value;
      }
      long remaining = deadline - transport.options().clock().millis();
      if (remaining <= 0) {
        return value;
      }
      Duration sleep = interval.toMillis() > remaining ? Duration.ofMillis(remaining) : interval;
      try {
        transport.options().sleeper().sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceNowException(ErrorCode.SERVICENOW_INTERRUPTED, "Interrupted while waiting for a flow", true, e);
      }
      Duration next = interval.multipliedBy(2);
      interval = next.compareTo(max) > 0 ? max : next;
    }
  }

  private static FlowStatus status(String contextId, ObjectNode r) {
    String raw = text(r, "state");
    ObjectNode outputs = r.has("outputs") && r.get("outputs").isObject()
        ? (ObjectNode) r.get("outputs") : Json.MAPPER.createObjectNode();
    ArrayNode waiting = r.has("waitingOn") && r.get("waitingOn").isArray()
        ? (ArrayNode) r.get("waitingOn") : Json.MAPPER.createArrayNode();
    String ctx = text(r, "contextId");
    return new FlowStatus(ctx == null ? contextId : ctx, FlowState.parse(raw), raw, emptyToNull(text(r, "errorMessage")),
        outputs, waiting);
  }

  private static FlowContext context(ObjectNode n) {
    return new FlowContext(value(n, "sys_id"), FlowState.parse(value(n, "state")), emptyToNull(value(n, "error_message")),
        value(n, "started"), value(n, "ended"), n);
  }

  /** A field's raw value whatever the display-value shape. */
  private static String value(ObjectNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isObject() ? v.path("value").asText(null) : v.asText();
  }

  private static String text(ObjectNode n, String f) {
    return n.hasNonNull(f) ? n.get(f).asText() : null;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static byte[] bytes(ObjectNode n) {
    try {
      return Json.MAPPER.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new ServiceNowInputException("body", "cannot be written as JSON");
    }
  }
}
