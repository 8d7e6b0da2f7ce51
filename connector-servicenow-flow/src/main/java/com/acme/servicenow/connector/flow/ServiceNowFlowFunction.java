package com.acme.servicenow.connector.flow;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.connector.common.ConnectorErrors;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import java.util.Objects;
import java.util.function.Function;

/**
 * ServiceNow flows and catalog: call a REST-triggered flow, start any flow / subflow / action through
 * the x_acme_camunda flow API, order a catalog item, read a flow's status — and optionally wait,
 * bounded, for the flow's outcome. Binds the job's variables and delegates; thread-safe.
 */
@OutboundConnector(
    name = "ServiceNow Flow",
    type = ServiceNowFlowFunction.TYPE,
    inputVariables = {"connection", "authentication", "operation"})
@ElementTemplate(
    id = ServiceNowFlowFunction.TEMPLATE_ID,
    name = "ServiceNow Flow & Catalog",
    version = 1,
    description =
        "Start ServiceNow flows, subflows and actions (companion flow API or IntegrationHub REST trigger), order catalog items, read flow status, and wait for a flow's outputs.",
    icon = "servicenow.svg",
    documentationRef = "https://github.com/acme/servicenow-connectors/blob/main/docs/flow-connector.md",
    engineVersion = "^8.8",
    metadata =
        @ElementTemplate.Metadata(
            keywords = {"servicenow", "flow designer", "workflow studio", "subflow", "action", "service catalog", "order", "rest trigger"}),
    inputDataClass = ServiceNowFlowRequest.class,
    defaultResultVariable = "serviceNowFlow",
    propertyGroups = {
      @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
      @ElementTemplate.PropertyGroup(id = "authentication", label = "Authentication"),
      @ElementTemplate.PropertyGroup(id = "operation", label = "Operation"),
      @ElementTemplate.PropertyGroup(
          id = "wait",
          label = "Waiting",
          tooltip =
              "Waiting holds the job: keep the timeout below the runtime's job timeout. For long flows let the flow publish a Camunda message instead.")
    })
public class ServiceNowFlowFunction implements OutboundConnectorFunction {

  public static final String TYPE = "com.acme:servicenow-flow:1";
  public static final String TEMPLATE_ID = "com.acme.connectors.servicenow.flow.v1";

  private final Function<ServiceNowFlowRequest, ServiceNowClient> clients;

  /** Used by the runtime's SPI discovery: operator settings from the environment, shared clients. */
  public ServiceNowFlowFunction() {
    this(ServiceNowClientFactory.fromEnvironment());
  }

  public ServiceNowFlowFunction(ServiceNowClientFactory factory) {
    this(request -> factory.client(request.connection(), request.authentication()));
  }

  /** For tests: any way of obtaining the client for a request. */
  public ServiceNowFlowFunction(Function<ServiceNowFlowRequest, ServiceNowClient> clients) {
    this.clients = Objects.requireNonNull(clients);
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    ServiceNowFlowRequest request = context.bindVariables(ServiceNowFlowRequest.class);
    ServiceNowClient client = ConnectorErrors.call(() -> clients.apply(request));
    return new FlowService(client).execute(request.operation());
  }
}
