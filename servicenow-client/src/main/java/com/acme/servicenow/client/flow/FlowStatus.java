package com.acme.servicenow.client.flow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answer of {@code GET /status/{contextId}} or {@code POST /cancel/{contextId}}.
 *
 * @param contextId the context
 * @param state current state
 * @param rawState the state text as sent
 * @param errorMessage flow error (ERROR) or cancel reason (CANCELLED); null/empty otherwise
 * @param outputs outputs when COMPLETE, else empty
 * @param waitingOn what a WAITING flow waits for
 */
public record FlowStatus(
    String contextId, FlowState state, String rawState, String errorMessage, ObjectNode outputs, ArrayNode waitingOn) {

  public boolean isTerminal() {
    return state.isTerminal();
  }
}
