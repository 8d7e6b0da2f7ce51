package com.acme.servicenow.demo;

import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.connector.flow.ServiceNowFlowFunction;
import com.acme.servicenow.connector.incident.IncidentService;
import com.acme.servicenow.connector.incident.ServiceNowIncidentFunction;
import com.acme.servicenow.connector.table.ServiceNowTableFunction;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The three connectors, built with a client factory of the caller's choice (e.g. one that trusts the emulator). */
public enum Connector {
  TABLE(ServiceNowTableFunction.class, ServiceNowTableFunction::new),
  INCIDENT(ServiceNowIncidentFunction.class, clients -> new ServiceNowIncidentFunction(clients, new IncidentService())),
  FLOW(ServiceNowFlowFunction.class, ServiceNowFlowFunction::new);

  private final Class<? extends OutboundConnectorFunction> functionClass;
  private final Function<ServiceNowClientFactory, OutboundConnectorFunction> constructor;

  Connector(
      Class<? extends OutboundConnectorFunction> functionClass,
      Function<ServiceNowClientFactory, OutboundConnectorFunction> constructor) {
    this.functionClass = functionClass;
    this.constructor = constructor;
  }

  public OutboundConnectorFunction newFunction(ServiceNowClientFactory clients) {
    return constructor.apply(clients);
  }

  private OutboundConnector annotation() {
    return functionClass.getAnnotation(OutboundConnector.class);
  }

  /** The job type the connector serves, e.g. {@code com.acme:servicenow-incident:1}. */
  public String type() {
    return annotation().type();
  }

  public String displayName() {
    return annotation().name();
  }

  /** The variables the job worker fetches for this connector. */
  public List<String> inputVariables() {
    return List.of(annotation().inputVariables());
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Connector fromCli(String name) {
    for (Connector c : values()) {
      if (c.cliName().equalsIgnoreCase(name.trim())) {
        return c;
      }
    }
    throw new UsageException("--connector must be one of table, incident, flow (got '" + name + "')");
  }

  public static Connector forType(String type) {
    for (Connector c : values()) {
      if (c.type().equals(type)) {
        return c;
      }
    }
    throw new IllegalArgumentException("No connector serves job type " + type);
  }
}
