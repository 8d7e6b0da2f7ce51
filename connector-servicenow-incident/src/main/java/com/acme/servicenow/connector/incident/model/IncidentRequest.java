package com.acme.servicenow.connector.incident.model;

import com.acme.servicenow.connector.common.ServiceNowAuthentication;
import com.acme.servicenow.connector.common.ServiceNowConnectionInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The job's input: where ServiceNow is, how to authenticate, and what to do with which incident. */
public record IncidentRequest(
    @Valid @NotNull ServiceNowConnectionInput connection,
    @Valid @NotNull ServiceNowAuthentication authentication,
    @Valid @NotNull IncidentOperation operation) {}
