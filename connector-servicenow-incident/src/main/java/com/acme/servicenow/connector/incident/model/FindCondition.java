package com.acme.servicenow.connector.incident.model;

import jakarta.validation.constraints.NotBlank;

/**
 * One condition of a find, e.g. {@code {field: "priority", operator: "<=", value: 2}}. Turned into a
 * validated encoded-query condition by the client (no {@code ^}, no {@code javascript:}).
 */
public record FindCondition(@NotBlank String field, String operator, Object value) {}
