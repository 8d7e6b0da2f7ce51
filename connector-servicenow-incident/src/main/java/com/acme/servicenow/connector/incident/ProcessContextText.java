package com.acme.servicenow.connector.incident;

import com.acme.servicenow.connector.incident.model.IncidentOperation.CreateFromError;

/**
 * The texts of an incident raised from a BPMN error: what failed, where, in which process instance —
 * so the service desk can find the instance in Operate without asking the process owner.
 */
final class ProcessContextText {

  private ProcessContextText() {}

  static String shortDescription(CreateFromError e, ProcessContext p) {
    StringBuilder sb = new StringBuilder(p.bpmnProcessId() == null ? "Camunda process" : p.bpmnProcessId()).append(": ");
    boolean hasCode = notBlank(e.errorCode());
    boolean hasMessage = notBlank(e.errorMessage());
    if (hasCode) {
      sb.append(e.errorCode().strip());
    }
    if (hasCode && hasMessage) {
      sb.append(" – ");
    }
    if (hasMessage) {
      sb.append(oneLine(e.errorMessage()));
    }
    if (!hasCode && !hasMessage) {
      sb.append("error in process instance ").append(p.processInstanceKey());
    }
    String s = sb.toString();
    return s.length() <= NewIncident.SHORT_DESCRIPTION_MAX ? s : s.substring(0, NewIncident.SHORT_DESCRIPTION_MAX - 1) + "…";
  }

  static String description(CreateFromError e, ProcessContext p) {
    StringBuilder sb = new StringBuilder();
    if (notBlank(e.description())) {
      sb.append(e.description().strip()).append("\n\n");
    }
    sb.append("Camunda process context\n");
    sb.append("Process: ").append(p.bpmnProcessId())
        .append(" (version ").append(p.processDefinitionVersion())
        .append(", process definition key ").append(p.processDefinitionKey()).append(")\n");
    sb.append("Process instance key: ").append(p.processInstanceKey()).append('\n');
    if (notBlank(e.failedActivity())) {
      sb.append("Failed activity: ").append(e.failedActivity().strip()).append('\n');
    }
    sb.append("Reported by element: ").append(p.elementId())
        .append(" (element instance key ").append(p.elementInstanceKey()).append(")\n");
    if (notBlank(e.errorCode())) {
      sb.append("Error code: ").append(e.errorCode().strip()).append('\n');
    }
    if (notBlank(e.errorMessage())) {
      sb.append("Error message: ").append(e.errorMessage().strip()).append('\n');
    }
    if (notBlank(p.tenantId()) && !"<default>".equals(p.tenantId())) {
      sb.append("Tenant: ").append(p.tenantId()).append('\n');
    }
    if (notBlank(e.operateUrl())) {
      String base = e.operateUrl().strip();
      if (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      sb.append("Operate: ").append(base).append("/processes/").append(p.processInstanceKey()).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
