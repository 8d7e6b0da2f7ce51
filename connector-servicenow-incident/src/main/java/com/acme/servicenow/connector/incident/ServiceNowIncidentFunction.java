package com.acme.servicenow.connector.incident;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.connector.common.ConnectorErrors;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.connector.incident.model.IncidentRequest;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;

/**
 * The ServiceNow incident connector: binds the job's variables and hands them to {@link IncidentService}.
 * Thread-safe; the runtime keeps one instance per job type.
 */
@OutboundConnector(
    name = "ServiceNow Incident",
    type = ServiceNowIncidentFunction.TYPE,
    inputVariables = {"connection", "authentication", "operation"})
@ElementTemplate(
    id = ServiceNowIncidentFunction.TEMPLATE_ID,
    name = "ServiceNow Incident",
    version = 1,
    description =
        "Raise, update, hold, resolve, close, reopen, cancel and assign ServiceNow incidents — idempotent create, also from a BPMN error with the process context",
    icon = "servicenow.svg",
    documentationRef = "https://github.com/acme/servicenow-connectors/blob/main/docs/incident-connector.md",
    engineVersion = "^8.8",
    metadata = @ElementTemplate.Metadata(keywords = {"servicenow", "incident", "itsm", "resolve", "work note"}),
    propertyGroups = {
      @PropertyGroup(id = "connection", label = "Connection"),
      @PropertyGroup(id = "authentication", label = "Authentication"),
      @PropertyGroup(id = "operation", label = "Operation"),
      @PropertyGroup(id = "processContext", label = "Process context (from the BPMN error)"),
      @PropertyGroup(id = "details", label = "Incident details"),
      @PropertyGroup(id = "correlation", label = "Idempotency", openByDefault = false)
    },
    inputDataClass = IncidentRequest.class,
    defaultResultVariable = "incident")
public class ServiceNowIncidentFunction implements OutboundConnectorFunction {

  public static final String TYPE = "com.acme:servicenow-incident:1";
  public static final String TEMPLATE_ID = "com.acme.connectors.servicenow.incident.v1";

  private final ServiceNowClientFactory clients;
  private final IncidentService service;

  /** Used by the runtime (SPI): operator settings from the environment, the process-wide client cache. */
  public ServiceNowIncidentFunction() {
    this(ServiceNowClientFactory.fromEnvironment(), new IncidentService());
  }

  public ServiceNowIncidentFunction(ServiceNowClientFactory clients, IncidentService service) {
    this.clients = clients;
    this.service = service;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    IncidentRequest request = context.bindVariables(IncidentRequest.class);
    ServiceNowClient client =
        ConnectorErrors.call(() -> clients.client(request.connection(), request.authentication()));
    return service.execute(client, request.operation(), ProcessContext.of(context.getJobContext()));
  }
}
