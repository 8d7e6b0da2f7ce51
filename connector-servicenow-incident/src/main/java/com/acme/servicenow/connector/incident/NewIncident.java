package com.acme.servicenow.connector.incident;

import com.acme.servicenow.connector.incident.model.CorrelationScope;
import com.acme.servicenow.connector.incident.model.IncidentOperation.Create;
import com.acme.servicenow.connector.incident.model.IncidentOperation.CreateFromError;
import com.acme.servicenow.connector.incident.model.Level;
import java.util.Map;

/** What both create operations boil down to. */
record NewIncident(
    String shortDescription,
    String description,
    String caller,
    String category,
    String subcategory,
    Level impact,
    Level urgency,
    String assignmentGroup,
    String assignedTo,
    String configurationItem,
    Map<String, Object> additionalFields,
    CorrelationScope scope,
    String correlationIdOverride,
    String correlationPrefix) {

  static final String DEFAULT_PREFIX = "camunda";
  static final int SHORT_DESCRIPTION_MAX = 160;

  static NewIncident of(Create c) {
    return new NewIncident(
        c.shortDescription(), c.description(), c.caller(), c.category(), c.subcategory(), c.impact(), c.urgency(),
        c.assignmentGroup(), c.assignedTo(), c.configurationItem(), c.additionalFields(), c.correlationScope(),
        c.correlationId(), c.correlationPrefix());
  }

  static NewIncident of(CreateFromError e, ProcessContext process) {
    String shortDescription =
        e.shortDescription() == null || e.shortDescription().isBlank()
            ? ProcessContextText.shortDescription(e, process)
            : e.shortDescription();
    return new NewIncident(
        shortDescription, ProcessContextText.description(e, process), e.caller(), e.category(), e.subcategory(),
        e.impact(), e.urgency(), e.assignmentGroup(), e.assignedTo(), e.configurationItem(), e.additionalFields(),
        e.correlationScope(), e.correlationId(), e.correlationPrefix());
  }

  /**
   * The correlation_id: the override, else {@code <prefix>:<process instance key>:<element instance key>}
   * (TASK, the default) or {@code <prefix>:<process instance key>} (PROCESS_INSTANCE); null for NONE
   * without an override. A retried job has the same keys, so it finds the incident its first attempt
   * created; a new run of the task (a loop, a second token) has a new element instance key.
   */
  String correlationId(ProcessContext process) {
    if (correlationIdOverride != null && !correlationIdOverride.isBlank()) {
      return correlationIdOverride.strip();
    }
    String prefix = correlationPrefix == null || correlationPrefix.isBlank() ? DEFAULT_PREFIX : correlationPrefix.strip();
    CorrelationScope s = scope == null ? CorrelationScope.TASK : scope;
    return switch (s) {
      case TASK -> prefix + ":" + process.processInstanceKey() + ":" + process.elementInstanceKey();
      case PROCESS_INSTANCE -> prefix + ":" + process.processInstanceKey();
      case NONE -> null;
    };
  }
}
