package com.acme.servicenow.harness;

import java.time.Duration;
import java.util.Map;

/** What the connector runtime told the engine after handling one job. */
public sealed interface JobOutcome {

  /** The job was completed; {@code variables} are the output variables sent to the engine. */
  record Completed(Map<String, Object> variables) implements JobOutcome {}

  /**
   * The job was failed. {@code retries} is what the runtime handed to the engine (0 means an incident
   * at once), {@code retryBackoff} the backoff it asked for, {@code variables} the attached
   * {@code {"error": ...}} payload.
   */
  record Failed(int retries, String errorMessage, Duration retryBackoff, Map<String, Object> variables)
      implements JobOutcome {}

  /** A BPMN error was thrown (the error expression returned {@code bpmnError(...)}). */
  record BpmnError(String errorCode, String errorMessage, Map<String, Object> variables)
      implements JobOutcome {}

  default Completed asCompleted() {
    if (this instanceof Completed c) {
      return c;
    }
    throw new AssertionError("Expected the job to complete, but it ended as " + this);
  }

  default Failed asFailed() {
    if (this instanceof Failed f) {
      return f;
    }
    throw new AssertionError("Expected the job to fail, but it ended as " + this);
  }

  default BpmnError asBpmnError() {
    if (this instanceof BpmnError e) {
      return e;
    }
    throw new AssertionError("Expected a BPMN error, but the job ended as " + this);
  }
}
