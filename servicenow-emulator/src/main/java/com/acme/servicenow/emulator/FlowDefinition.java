package com.acme.servicenow.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Flow Designer flow, subflow or action the emulator can run (reference A5, {@code docs/flow-api.md}). Each start
 * creates a {@code sys_flow_context} row whose state advances on the {@link EmulatorClock}:
 * QUEUED (for {@link #queuedFor}) → IN_PROGRESS → COMPLETE | ERROR, or WAITING / IN_PROGRESS forever.
 * <pre>{@code
 * FlowDefinition.named("global.provision_vm").completesAfter(Duration.ofSeconds(2)).withOutputs(Map.of("ip", "10.0.0.7"))
 * FlowDefinition.named("global.always_fails").failsAfter(Duration.ofSeconds(1), "Backend unreachable")
 * FlowDefinition.named("global.notify_team").restTrigger("POST", "/api/x_acme/notify")
 * }</pre>
 */
public final class FlowDefinition {

  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_]+\\.[A-Za-z0-9_]+$");

  /** How a run ends. */
  public enum Outcome {
    COMPLETE, ERROR, WAITING, NEVER_COMPLETES
  }

  private final String name;
  private FlowType type = FlowType.FLOW;
  private Duration queuedFor = Duration.ZERO;
  private Duration runTime = Duration.ZERO;
  private Outcome outcome = Outcome.COMPLETE;
  private Map<String, Object> outputs = Map.of();
  private String errorMessage = "";
  private String waitingStepType = "";
  private String startFailure;
  private String triggerMethod;
  private String triggerPath;

  private FlowDefinition(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Flow names look like scope.internal_name, e.g. global.notify_team: " + name);
    }
    this.name = name;
  }

  /** A flow that completes at once with no outputs until told otherwise. */
  public static FlowDefinition named(String scopedName) {
    return new FlowDefinition(scopedName);
  }

  public FlowDefinition type(FlowType type) {
    this.type = Objects.requireNonNull(type);
    return this;
  }

  /** Time a run stays QUEUED before it is IN_PROGRESS (default zero). */
  public FlowDefinition queuedFor(Duration duration) {
    this.queuedFor = Objects.requireNonNull(duration);
    return this;
  }

  /** The run is COMPLETE this long after it started. */
  public FlowDefinition completesAfter(Duration duration) {
    this.outcome = Outcome.COMPLETE;
    this.runTime = Objects.requireNonNull(duration);
    return this;
  }

  /** Outputs of a completed run ({@code FlowAPI.getOutputs}). */
  public FlowDefinition withOutputs(Map<String, Object> outputs) {
    this.outputs = new LinkedHashMap<>(outputs);
    return this;
  }

  /** The run ends in ERROR with this message this long after it started. */
  public FlowDefinition failsAfter(Duration duration, String errorMessage) {
    this.outcome = Outcome.ERROR;
    this.runTime = Objects.requireNonNull(duration);
    this.errorMessage = Objects.requireNonNull(errorMessage);
    return this;
  }

  /**
   * The run stops in WAITING on a step of this type ({@code ASK_FOR_APPROVAL}, {@code TIMER},
   * {@code WAIT_FOR_CONDITION}, ...) and never completes by itself; cancel it or let the test give up.
   */
  public FlowDefinition waitsFor(String stepType) {
    this.outcome = Outcome.WAITING;
    this.waitingStepType = Objects.requireNonNull(stepType);
    return this;
  }

  /** The run stays IN_PROGRESS forever. */
  public FlowDefinition neverCompletes() {
    this.outcome = Outcome.NEVER_COMPLETES;
    return this;
  }

  /** {@code FlowAPI.run()} throws with this message: the flow API answers 500 "Flow could not be started". */
  public FlowDefinition failsToStart(String message) {
    this.startFailure = Objects.requireNonNull(message);
    return this;
  }

  /**
   * Also starts on an IntegrationHub REST trigger at this method and path (e.g. {@code POST /api/x_acme/notify}),
   * which answers {@code {"result":{"executionId":"..."}}}; the request's JSON body becomes the inputs.
   */
  public FlowDefinition restTrigger(String method, String path) {
    this.triggerMethod = Objects.requireNonNull(method).toUpperCase();
    this.triggerPath = Objects.requireNonNull(path);
    return this;
  }

  public String name() {
    return name;
  }

  public FlowType type() {
    return type;
  }

  public Duration queuedFor() {
    return queuedFor;
  }

  public Duration runTime() {
    return runTime;
  }

  public Outcome outcome() {
    return outcome;
  }

  public Map<String, Object> outputs() {
    return outputs;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public String waitingStepType() {
    return waitingStepType;
  }

  public String startFailure() {
    return startFailure;
  }

  public String triggerMethod() {
    return triggerMethod;
  }

  public String triggerPath() {
    return triggerPath;
  }

  @Override
  public String toString() {
    return "FlowDefinition[" + type.apiName() + " " + name + ", " + outcome + " after " + runTime + "]";
  }
}
