package com.acme.servicenow.client.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answer of {@code POST /start}.
 *
 * @param contextId sys_id of the {@code sys_flow_context}
 * @param type flow, subflow or action
 * @param name scoped name
 * @param state state when the call returned (QUEUED for async)
 * @param outputs outputs when COMPLETE (sync), else empty
 * @param errorMessage flow error when ERROR, else null
 */
public record FlowStart(String contextId, String type, String name, FlowState state, ObjectNode outputs, String errorMessage) {}
