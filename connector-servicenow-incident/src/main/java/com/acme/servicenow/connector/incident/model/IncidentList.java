package com.acme.servicenow.connector.incident.model;

import java.util.List;

/**
 * The result of find.
 *
 * @param count how many incidents are in {@code incidents}
 * @param totalCount how many match in ServiceNow (X-Total-Count), may exceed {@code count}; null when unknown
 * @param incidents the matching incidents, newest first
 */
public record IncidentList(int count, Long totalCount, List<IncidentResult> incidents) {}
