package com.acme.servicenow.connector.incident.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What the default {@code correlation_id} of a created incident identifies, and so what makes a second
 * create return the first incident instead of opening another one.
 */
public enum CorrelationScope {
  /** One incident per run of the task (process instance key + element instance key): job retries are safe. */
  TASK,
  /** One incident per process instance: every create in the instance returns the same incident. */
  PROCESS_INSTANCE,
  /** No correlation id, no look-up: every job creates a new incident (a retried job may create a duplicate). */
  NONE;

  @JsonCreator
  public static CorrelationScope parse(Object input) {
    if (input == null || String.valueOf(input).isBlank()) {
      return null;
    }
    String s = String.valueOf(input).strip();
    for (CorrelationScope c : values()) {
      if (c.name().equalsIgnoreCase(s)) {
        return c;
      }
    }
    throw new IllegalArgumentException("'" + s + "' is not a correlation scope; use TASK, PROCESS_INSTANCE or NONE");
  }
}
