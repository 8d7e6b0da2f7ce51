package com.acme.servicenow.harness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One activated job as the engine would hand it to the connector runtime: the variables after
 * input mapping, the task headers, the task type and the job's remaining retries.
 */
public record JobRequest(
    Map<String, Object> variables,
    Map<String, String> headers,
    String type,
    int retries,
    String bpmnProcessId,
    String elementId,
    long processInstanceKey,
    long elementInstanceKey) {

  public JobRequest {
    // not Map.copyOf: a FEEL input mapping may legitimately evaluate to null
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String type = "com.acme:test:1";
    private int retries = 3;
    private String bpmnProcessId = "test-process";
    private String elementId = "ServiceTask_1";
    private long processInstanceKey = 2251799813685249L;
    private long elementInstanceKey = 2251799813685260L;

    public Builder variables(Map<String, ?> values) {
      variables.putAll(values);
      return this;
    }

    public Builder variable(String name, Object value) {
      variables.put(name, value);
      return this;
    }

    public Builder header(String key, String value) {
      headers.put(key, value);
      return this;
    }

    public Builder headers(Map<String, String> values) {
      headers.putAll(values);
      return this;
    }

    public Builder resultVariable(String name) {
      return header("resultVariable", name);
    }

    public Builder resultExpression(String feel) {
      return header("resultExpression", feel);
    }

    public Builder errorExpression(String feel) {
      return header("errorExpression", feel);
    }

    public Builder retryBackoff(String isoDuration) {
      return header("retryBackoff", isoDuration);
    }

    public Builder type(String value) {
      type = value;
      return this;
    }

    public Builder retries(int value) {
      retries = value;
      return this;
    }

    public Builder bpmnProcessId(String value) {
      bpmnProcessId = value;
      return this;
    }

    public Builder elementId(String value) {
      elementId = value;
      return this;
    }

    public Builder processInstanceKey(long value) {
      processInstanceKey = value;
      return this;
    }

    public Builder elementInstanceKey(long value) {
      elementInstanceKey = value;
      return this;
    }

    public JobRequest build() {
      return new JobRequest(
          variables,
          headers,
          type,
          retries,
          bpmnProcessId,
          elementId,
          processInstanceKey,
          elementInstanceKey);
    }
  }
}
