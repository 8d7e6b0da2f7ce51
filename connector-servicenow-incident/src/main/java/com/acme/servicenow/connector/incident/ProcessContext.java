package com.acme.servicenow.connector.incident;

import io.camunda.connector.api.outbound.JobContext;

/** What the job tells us about where in which process it runs (used for correlation ids and descriptions). */
public record ProcessContext(
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    long processInstanceKey,
    String elementId,
    long elementInstanceKey,
    String tenantId) {

  public static ProcessContext of(JobContext job) {
    return new ProcessContext(
        job.getBpmnProcessId(),
        job.getProcessDefinitionVersion(),
        job.getProcessDefinitionKey(),
        job.getProcessInstanceKey(),
        job.getElementId(),
        job.getElementInstanceKey(),
        job.getTenantId());
  }
}
