package com.acme.servicenow.harness;

import com.acme.servicenow.harness.ElementTemplate.TemplateProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.feel.FeelEngineWrapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Does what Camunda Modeler and the engine do between a filled-in element template and an activated
 * job: keeps only the properties whose conditions hold, applies defaults, checks the template's
 * constraints, evaluates the {@code zeebe:input} mappings with the FEEL engine against the process
 * variables, and collects task headers, task type and retries.
 */
public final class ElementTemplateInvocation {

  private static final FeelEngineWrapper FEEL = new FeelEngineWrapper();

  private final ElementTemplate template;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Object> processVariables = new LinkedHashMap<>();
  private Collection<String> fetchVariables;

  ElementTemplateInvocation(ElementTemplate template) {
    this.template = template;
  }

  /**
   * Sets a property by its template id, as typed into the properties panel. Strings starting with
   * {@code =} are FEEL expressions; booleans are for Boolean properties.
   */
  public ElementTemplateInvocation set(String propertyId, Object value) {
    if (template.property(propertyId).isEmpty()) {
      throw new IllegalArgumentException(
          "Template " + template.id() + " has no property with id '" + propertyId + "'");
    }
    values.put(propertyId, value);
    return this;
  }

  /** Variables of the process instance, visible to the input mappings and to the job. */
  public ElementTemplateInvocation processVariable(String name, Object value) {
    processVariables.put(name, value);
    return this;
  }

  public ElementTemplateInvocation processVariables(Map<String, ?> variables) {
    processVariables.putAll(variables);
    return this;
  }

  /**
   * Restricts the job's variables to these top-level names, as the job worker does with the
   * connector's {@code inputVariables}.
   */
  public ElementTemplateInvocation fetchVariables(Collection<String> names) {
    this.fetchVariables = List.copyOf(names);
    return this;
  }

  /** The effective value of every active property (after defaults and conditions). */
  public Map<String, Object> activeValues() {
    Map<String, Object> active = new LinkedHashMap<>();
    // Conditions may refer to properties that are themselves conditional; iterate to a fixpoint.
    boolean changed = true;
    Map<String, Object> candidate = new HashMap<>();
    for (TemplateProperty p : template.properties()) {
      if (p.id() != null) {
        candidate.put(p.id(), effectiveValue(p));
      }
    }
    Set<String> inactive = new java.util.HashSet<>();
    while (changed) {
      changed = false;
      for (TemplateProperty p : template.properties()) {
        if (p.id() == null || inactive.contains(p.id())) {
          continue;
        }
        if (!conditionHolds(p.condition(), candidate, inactive)) {
          inactive.add(p.id());
          changed = true;
        }
      }
    }
    for (TemplateProperty p : template.properties()) {
      if (p.id() != null && !inactive.contains(p.id())) {
        active.put(p.id(), candidate.get(p.id()));
      }
    }
    return active;
  }

  /** Builds the job the engine would create for this task. */
  public JobRequest toJobRequest() {
    Map<String, Object> active = activeValues();
    List<String> errors = new ArrayList<>();
    Map<String, Object> inputs = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    String type = null;
    int retries = 3;

    for (TemplateProperty p : template.properties()) {
      boolean hasId = p.id() != null;
      if (hasId && !active.containsKey(p.id())) {
        continue;
      }
      if (!hasId && p.condition() != null) {
        continue;
      }
      Object value = hasId ? active.get(p.id()) : p.defaultValue().orElse(null);
      checkConstraints(p, value, errors);
      boolean empty = value == null || (value instanceof String s && s.isEmpty());
      switch (p.bindingType()) {
        case "zeebe:input" -> {
          if (empty) {
            continue;
          }
          Map<String, Object> scope = new LinkedHashMap<>(processVariables);
          scope.putAll(inputs);
          Object evaluated = evaluateInput(p, value, scope, errors);
          InputMappings.putPath(inputs, p.bindingName(), evaluated);
        }
        case "zeebe:taskHeader" -> {
          if (!empty) {
            headers.put(p.bindingName(), String.valueOf(value));
          }
        }
        case "zeebe:taskDefinition", "zeebe:taskDefinition:type" -> {
          String property = p.bindingType().endsWith(":type") ? "type" : p.bindingName();
          if ("type".equals(property)) {
            type = String.valueOf(value);
          } else if ("retries".equals(property) && !empty) {
            retries = Integer.parseInt(String.valueOf(value).replaceFirst("^=", "").trim());
          }
        }
        default -> {
          // zeebe:property and others do not reach the job
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException(
          "Template " + template.id() + " would not be valid in the Modeler: " + errors);
    }
    if (type == null) {
      throw new IllegalStateException("Template " + template.id() + " binds no task type");
    }
    Map<String, Object> variables = new LinkedHashMap<>(processVariables);
    variables.putAll(inputs);
    if (fetchVariables != null) {
      variables.keySet().retainAll(Set.copyOf(fetchVariables));
    }
    return JobRequest.builder().variables(variables).headers(headers).type(type).retries(retries).build();
  }

  private Object effectiveValue(TemplateProperty p) {
    if (values.containsKey(p.id())) {
      return values.get(p.id());
    }
    if ("Boolean".equals(p.type())) {
      return p.json().has("value") && p.json().get("value").asBoolean();
    }
    return p.defaultValue().orElse(null);
  }

  private static boolean conditionHolds(
      JsonNode condition, Map<String, Object> values, Set<String> inactive) {
    if (condition == null || condition.isNull()) {
      return true;
    }
    if (condition.has("allMatch")) {
      for (JsonNode c : condition.get("allMatch")) {
        if (!conditionHolds(c, values, inactive)) {
          return false;
        }
      }
      return true;
    }
    String property = condition.path("property").asText();
    boolean propertyActive = !inactive.contains(property) && values.containsKey(property);
    if (condition.has("isActive")) {
      return condition.get("isActive").asBoolean() == propertyActive;
    }
    if (!propertyActive) {
      return false;
    }
    Object actual = values.get(property);
    if (condition.has("equals")) {
      return matches(condition.get("equals"), actual);
    }
    if (condition.has("oneOf")) {
      for (JsonNode candidate : condition.get("oneOf")) {
        if (matches(candidate, actual)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  private static boolean matches(JsonNode expected, Object actual) {
    if (expected.isBoolean()) {
      return actual instanceof Boolean b ? b == expected.asBoolean()
          : String.valueOf(expected.asBoolean()).equals(String.valueOf(actual));
    }
    return expected.asText().equals(actual == null ? null : String.valueOf(actual));
  }

  private static void checkConstraints(TemplateProperty p, Object value, List<String> errors) {
    JsonNode constraints = p.constraints();
    String text = value == null ? "" : String.valueOf(value);
    if (constraints.path("notEmpty").asBoolean(false) && text.isBlank()) {
      errors.add(p.id() + " must not be empty");
      return;
    }
    JsonNode pattern = constraints.path("pattern");
    if (!text.isEmpty() && !text.startsWith("=") && pattern.isObject() && pattern.has("value")) {
      if (!Pattern.compile(pattern.get("value").asText()).matcher(text).matches()) {
        errors.add(p.id() + ": " + pattern.path("message").asText("does not match " + pattern.get("value").asText()));
      }
    } else if (!text.isEmpty() && !text.startsWith("=") && pattern.isTextual()) {
      if (!Pattern.compile(pattern.asText()).matcher(text).matches()) {
        errors.add(p.id() + " does not match " + pattern.asText());
      }
    }
  }

  private static Object evaluateInput(
      TemplateProperty p, Object value, Map<String, Object> scope, List<String> errors) {
    if (value instanceof Boolean || value instanceof Number) {
      return value;
    }
    String text = String.valueOf(value);
    boolean feel = text.startsWith("=");
    if (!feel && "required".equals(p.feel())) {
      // The Modeler stores FEEL-required fields as expressions even when the "=" is not typed.
      text = "=" + text;
      feel = true;
    }
    if ("Boolean".equals(p.type()) && !feel) {
      return Boolean.parseBoolean(text);
    }
    if (!feel) {
      return text;
    }
    try {
      return FEEL.evaluate(text.substring(1), scope);
    } catch (RuntimeException e) {
      errors.add(p.id() + ": FEEL expression " + text + " failed: " + e.getMessage());
      return null;
    }
  }
}
