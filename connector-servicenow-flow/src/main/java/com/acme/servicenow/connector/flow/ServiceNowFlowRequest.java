package com.acme.servicenow.connector.flow;

import com.acme.servicenow.connector.common.ServiceNowAuthentication;
import com.acme.servicenow.connector.common.ServiceNowConnectionInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The job's input: where the instance is, how to log in, and what to start. The three top-level names
 * are the connector's {@code inputVariables}.
 */
public record ServiceNowFlowRequest(
    @Valid @NotNull ServiceNowConnectionInput connection,
    @Valid @NotNull ServiceNowAuthentication authentication,
    @Valid @NotNull FlowOperation operation) {}
