package com.acme.servicenow.emulator.flow;

import com.acme.servicenow.emulator.FlowDefinition;
import com.acme.servicenow.emulator.FlowType;
import com.acme.servicenow.emulator.auth.Principal;
import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.data.GlideTime;
import com.acme.servicenow.emulator.http.Json;
import com.acme.servicenow.emulator.table.RecordWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs flows on the emulator clock. Nothing happens in the background: the state of a run is computed from its start
 * time whenever it is read (flow API status, or any read of {@code sys_flow_context}), and written back to the row.
 * Contexts are deleted two weeks after they finished, as on a real instance (reference A5.2).
 */
public final class FlowEngine {

  public static final Duration RETENTION = Duration.ofDays(14);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final EmulatorContext ctx;
  private final RecordWriter writer;
  private final Map<String, FlowDefinition> definitions = new ConcurrentHashMap<>();
  private final Map<String, Run> runs = new ConcurrentHashMap<>();

  /** One start of a definition. */
  static final class Run {
    final FlowDefinition definition;
    final Instant started;
    volatile Instant cancelledAt;
    volatile String cancelReason = "";

    Run(FlowDefinition definition, Instant started) {
      this.definition = definition;
      this.started = started;
    }
  }

  /** A run's state at some instant. */
  public record Status(String state, String errorMessage, Map<String, Object> outputs, List<Object> waitingOn,
                       Instant endedAt) {
    public boolean isTerminal() {
      return state.equals("COMPLETE") || state.equals("ERROR") || state.equals("CANCELLED");
    }
  }

  /** Thrown when FlowAPI.run() would throw. */
  public static final class StartException extends RuntimeException {
    StartException(String message) {
      super(message, null, false, false);
    }
  }

  public FlowEngine(EmulatorContext ctx, RecordWriter writer) {
    this.ctx = ctx;
    this.writer = writer;
    ctx.store.onRead("sys_flow_context", this::refreshAll);
    ctx.resetHooks.add(runs::clear);
  }

  public void define(FlowDefinition definition) {
    definitions.put(definition.name(), definition);
  }

  public boolean isDefined(String name) {
    return definitions.containsKey(name);
  }

  public List<FlowDefinition> definitions() {
    return List.copyOf(definitions.values());
  }

  public Optional<FlowDefinition> find(FlowType type, String name) {
    return Optional.ofNullable(definitions.get(name)).filter(d -> d.type() == type);
  }

  /**
   * Starts a run and creates its context row. {@code alreadyRan} moves the start into the past: a synchronous run
   * ({@code inForeground()}) has used up that much of its time by the time it returns.
   */
  public String start(FlowDefinition def, Map<String, Object> inputs, Principal caller, Duration alreadyRan,
                      String executionId, String callingSource) {
    if (def.startFailure() != null) {
      throw new StartException(def.startFailure());
    }
    Instant now = ctx.clock.now();
    Instant started = now.minus(alreadyRan);
    Map<String, String> row = new LinkedHashMap<>();
    row.put("name", def.name());
    row.put("flow", def.name());
    row.put("context_type", def.type().apiName());
    row.put("state", "QUEUED");
    row.put("started", GlideTime.format(started));
    row.put("execution_id", executionId == null ? "" : executionId);
    row.put("calling_source", callingSource);
    row.put("inputs", Json.writeString(inputs));
    row.put("reporting", "false");
    Map<String, String> stored = writer.insert(ctx.table("sys_flow_context"), row, caller, RecordWriter.Options.TRUSTED);
    String id = stored.get("sys_id");
    runs.put(id, new Run(def, started));
    refresh(id);
    return id;
  }

  /** Current status, or empty when the context does not exist (never did, or was deleted after retention). */
  public Optional<Status> status(String contextId) {
    refresh(contextId);
    Run run = runs.get(contextId);
    if (run == null || ctx.store.get("sys_flow_context", contextId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(statusAt(run, ctx.clock.now()));
  }

  /** Cancels a run that has not finished; returns its status afterwards. */
  public Optional<Status> cancel(String contextId, String reason) {
    Optional<Status> current = status(contextId);
    if (current.isEmpty() || current.get().isTerminal()) {
      return current;
    }
    Run run = runs.get(contextId);
    run.cancelReason = reason;
    run.cancelledAt = ctx.clock.now();
    refresh(contextId);
    return status(contextId);
  }

  /** Random 32-letter execution id like the IntegrationHub REST trigger's. */
  public static String newExecutionId() {
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      sb.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return sb.toString();
  }

  Status statusAt(Run run, Instant now) {
    FlowDefinition def = run.definition;
    if (run.cancelledAt != null) {
      return new Status("CANCELLED", run.cancelReason, Map.of(), List.of(), run.cancelledAt);
    }
    Duration elapsed = Duration.between(run.started, now);
    boolean finite = def.outcome() == FlowDefinition.Outcome.COMPLETE || def.outcome() == FlowDefinition.Outcome.ERROR;
    if (finite && elapsed.compareTo(def.runTime()) >= 0) {
      Instant end = run.started.plus(def.runTime());
      return def.outcome() == FlowDefinition.Outcome.COMPLETE
          ? new Status("COMPLETE", "", def.outputs(), List.of(), end)
          : new Status("ERROR", def.errorMessage(), Map.of(), List.of(), end);
    }
    if (elapsed.compareTo(def.queuedFor()) < 0) {
      return new Status("QUEUED", "", Map.of(), List.of(), null);
    }
    if (def.outcome() == FlowDefinition.Outcome.WAITING) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("order", 1);
      step.put("stepType", def.waitingStepType());
      step.put("table", "");
      step.put("condition", "");
      step.put("endTime", "");
      List<Object> waitingOn = new ArrayList<>();
      waitingOn.add(step);
      return new Status("WAITING", "", Map.of(), waitingOn, null);
    }
    return new Status("IN_PROGRESS", "", Map.of(), List.of(), null);
  }

  private void refreshAll() {
    for (String id : List.copyOf(runs.keySet())) {
      refresh(id);
    }
  }

  /** Writes the computed state to the row; deletes contexts finished more than two weeks ago. */
  private void refresh(String contextId) {
    Run run = runs.get(contextId);
    if (run == null) {
      return;
    }
    Instant now = ctx.clock.now();
    Status s = statusAt(run, now);
    if (s.endedAt() != null && !now.isBefore(s.endedAt().plus(RETENTION))) {
      ctx.store.delete("sys_flow_context", contextId);
      runs.remove(contextId);
      return;
    }
    String ended = s.endedAt() == null ? "" : GlideTime.format(s.endedAt());
    String runTime = s.endedAt() == null ? "" : Long.toString(Duration.between(run.started, s.endedAt()).toMillis());
    String[] previous = new String[1];
    ctx.store.update("sys_flow_context", contextId, row -> {
      if (s.state().equals(row.get("state")) && ended.equals(row.get("ended"))) {
        return row;
      }
      previous[0] = row.get("state");
      Map<String, String> next = new LinkedHashMap<>(row);
      next.put("state", s.state());
      next.put("ended", ended);
      next.put("run_time", runTime);
      next.put("error_message", s.errorMessage());
      return next;
    });
    if (previous[0] != null) {
      log(contextId, run, previous[0], s);
    }
  }

  /** One {@code sys_flow_log} row per observed state change, stamped with the time the change happened. */
  private void log(String contextId, Run run, String from, Status s) {
    Instant at = s.endedAt() != null ? s.endedAt()
        : s.state().equals("QUEUED") ? run.started : run.started.plus(run.definition.queuedFor());
    String message = switch (s.state()) {
      case "COMPLETE" -> "Flow completed";
      case "ERROR" -> "Flow failed: " + s.errorMessage();
      case "CANCELLED" -> "Flow cancelled: " + s.errorMessage();
      case "WAITING" -> "Flow waiting on " + run.definition.waitingStepType();
      default -> "Flow state changed from " + from + " to " + s.state();
    };
    Map<String, String> row = new LinkedHashMap<>();
    row.put("context", contextId);
    row.put("message", message);
    row.put("level", s.state().equals("ERROR") ? "error" : "info");
    row.put("operation", s.state());
    row.put("sys_created_on", GlideTime.format(at));
    row.put("sys_updated_on", GlideTime.format(at));
    writer.insert(ctx.table("sys_flow_log"), row, null, RecordWriter.Options.TRUSTED);
  }
}
