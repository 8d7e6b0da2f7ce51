package com.acme.servicenow.client.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code sys_flow_context} row read through the Table API (outputs are not readable there).
 *
 * @param sysId the context id
 * @param state current state
 * @param errorMessage {@code error_message}
 * @param started {@code started}
 * @param ended {@code ended}
 * @param raw all returned fields
 */
public record FlowContext(String sysId, FlowState state, String errorMessage, String started, String ended, ObjectNode raw) {

  public boolean isTerminal() {
    return state.isTerminal();
  }
}
