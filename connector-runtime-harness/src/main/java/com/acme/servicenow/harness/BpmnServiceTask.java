package com.acme.servicenow.harness;

import io.camunda.connector.feel.FeelEngineWrapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One task of a BPMN file that a job worker would serve: its {@code zeebe:taskDefinition}, the
 * {@code zeebe:ioMapping} inputs and outputs, and the {@code zeebe:taskHeaders}, as Camunda Modeler
 * saved them. {@link #invocation()} does the engine's part — evaluating the input mappings with the
 * FEEL engine against process variables — and yields the {@link JobRequest} the connector runtime
 * would receive.
 *
 * <p>Read them with {@link BpmnExamples#serviceTasks(Path)}.
 */
public record BpmnServiceTask(
    Path source,
    String processId,
    String elementId,
    String elementType,
    String name,
    String documentation,
    String type,
    String retries,
    List<Mapping> inputs,
    List<Mapping> outputs,
    Map<String, String> headers,
    String modelerTemplate,
    Integer modelerTemplateVersion) {

  private static final FeelEngineWrapper FEEL = new FeelEngineWrapper();

  public BpmnServiceTask {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A {@code zeebe:input} or {@code zeebe:output}: {@code source} is FEEL when it starts with {@code =}. */
  public record Mapping(String source, String target) {}

  /** The {@code source} of the input with this target, if the task has one. */
  public Optional<String> input(String target) {
    return inputs.stream().filter(m -> m.target().equals(target)).map(Mapping::source).findFirst();
  }

  public Optional<String> header(String key) {
    return Optional.ofNullable(headers.get(key));
  }

  /** Starts building the job for this task. */
  public Invocation invocation() {
    return new Invocation(this);
  }

  /** Shorthand for {@code invocation().processVariables(variables).toJobRequest()}. */
  public JobRequest toJobRequest(Map<String, ?> processVariables) {
    return invocation().processVariables(processVariables).toJobRequest();
  }

  /**
   * The variables the completed job hands to the process, as the engine propagates them: with
   * {@code zeebe:output} mappings only their targets (evaluated against the job's result variables
   * and the process variables), otherwise all of the job's variables.
   */
  public Map<String, Object> propagatedVariables(
      Map<String, Object> jobResultVariables, Map<String, ?> processVariables) {
    if (outputs.isEmpty()) {
      return new LinkedHashMap<>(jobResultVariables);
    }
    Map<String, Object> scope = new LinkedHashMap<>(processVariables);
    scope.putAll(jobResultVariables);
    Map<String, Object> result = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (Mapping output : outputs) {
      Object value = evaluate("output " + output.target(), output.source(), scope, errors);
      InputMappings.putPath(result, output.target(), value);
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException(describe() + ": " + errors);
    }
    return result;
  }

  /** "process/elementId (file)" for messages. */
  public String describe() {
    return processId + "/" + elementId + (source == null ? "" : " (" + source.getFileName() + ")");
  }

  @Override
  public String toString() {
    return "BpmnServiceTask[" + describe() + ", type=" + type + "]";
  }

  private static Object evaluate(String what, String source, Map<String, Object> scope, List<String> errors) {
    if (source == null || !source.startsWith("=")) {
      // a static value: the engine stores it as a string
      return source;
    }
    try {
      return FEEL.evaluate(source.substring(1), scope);
    } catch (RuntimeException e) {
      errors.add(what + ": FEEL expression " + source + " failed: " + e.getMessage());
      return null;
    }
  }

  /** The engine's side of one job: process variables in, the activated job out. */
  public static final class Invocation {
    private final BpmnServiceTask task;
    private final Map<String, Object> processVariables = new LinkedHashMap<>();
    private final Map<String, Object> overrides = new LinkedHashMap<>();
    private Collection<String> fetchVariables;
    private Long processInstanceKey;
    private Long elementInstanceKey;

    private Invocation(BpmnServiceTask task) {
      this.task = task;
    }

    public Invocation processVariable(String name, Object value) {
      processVariables.put(name, value);
      return this;
    }

    public Invocation processVariables(Map<String, ?> variables) {
      processVariables.putAll(variables);
      return this;
    }

    /**
     * Replaces the source of the input with this target by a plain value (e.g. the instance URL of
     * a test emulator instead of the example's {@code dev12345}). The target must exist in the task,
     * so a renamed input cannot silently stop being overridden.
     */
    public Invocation overrideInput(String target, Object value) {
      if (task.input(target).isEmpty()) {
        throw new IllegalArgumentException(
            task.describe() + " has no zeebe:input with target '" + target + "'; it has " + task.inputs());
      }
      overrides.put(target, value);
      return this;
    }

    /** Keeps only these top-level variables, as the job worker does with the connector's inputVariables. */
    public Invocation fetchVariables(Collection<String> names) {
      this.fetchVariables = List.copyOf(names);
      return this;
    }

    public Invocation processInstanceKey(long key) {
      this.processInstanceKey = key;
      return this;
    }

    public Invocation elementInstanceKey(long key) {
      this.elementInstanceKey = key;
      return this;
    }

    /**
     * Evaluates the input mappings in document order — each one sees the process variables and the
     * inputs mapped before it, as in the engine — and builds the job.
     */
    public JobRequest toJobRequest() {
      List<String> errors = new ArrayList<>();
      Map<String, Object> inputs = new LinkedHashMap<>();
      for (Mapping input : task.inputs()) {
        Object value;
        if (overrides.containsKey(input.target())) {
          value = overrides.get(input.target());
        } else {
          Map<String, Object> scope = new LinkedHashMap<>(processVariables);
          scope.putAll(inputs);
          value = evaluate("input " + input.target(), input.source(), scope, errors);
        }
        InputMappings.putPath(inputs, input.target(), value);
      }
      String type = task.type();
      if (type != null && type.startsWith("=")) {
        type = String.valueOf(evaluate("task type", type, new LinkedHashMap<>(processVariables), errors));
      }
      int retries = 3;
      if (task.retries() != null && !task.retries().isBlank()) {
        Object r = task.retries().startsWith("=")
            ? evaluate("retries", task.retries(), new LinkedHashMap<>(processVariables), errors)
            : task.retries().trim();
        try {
          retries = Integer.parseInt(String.valueOf(r).trim());
        } catch (NumberFormatException e) {
          errors.add("retries '" + task.retries() + "' is not a number");
        }
      }
      if (type == null || type.isBlank()) {
        errors.add("no task type");
      }
      if (!errors.isEmpty()) {
        throw new IllegalStateException(task.describe() + " cannot become a job: " + errors);
      }
      Map<String, Object> variables = new LinkedHashMap<>(processVariables);
      variables.putAll(inputs);
      if (fetchVariables != null) {
        variables.keySet().retainAll(Set.copyOf(fetchVariables));
      }
      JobRequest.Builder builder =
          JobRequest.builder()
              .variables(variables)
              .headers(task.headers())
              .type(type)
              .retries(retries)
              .bpmnProcessId(task.processId())
              .elementId(task.elementId());
      if (processInstanceKey != null) {
        builder.processInstanceKey(processInstanceKey);
      }
      if (elementInstanceKey != null) {
        builder.elementInstanceKey(elementInstanceKey);
      }
      return builder.build();
    }
  }
}
