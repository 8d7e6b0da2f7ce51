package com.acme.servicenow.connector.table;

import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;

/**
 * The ServiceNow Table connector: any operation on any table. Binds and validates the job's
 * variables, then delegates to {@link TableOperations}. Thread-safe (one instance serves all jobs of
 * its type).
 */
@OutboundConnector(
    name = "ServiceNow Table",
    type = ServiceNowTableFunction.TYPE,
    inputVariables = {"connection", "authentication", "operation", "table", "customTable", "options"})
@ElementTemplate(
    id = ServiceNowTableFunction.TEMPLATE_ID,
    name = "ServiceNow Table",
    version = 1,
    description =
        "Create, read, query, update, replace, delete, upsert, count and aggregate records of any ServiceNow table, and upload, list, download and delete attachments.",
    icon = "servicenow.svg",
    documentationRef = "https://github.com/acme/camunda-servicenow-connectors/blob/main/docs/table-connector.md",
    engineVersion = "^8.8",
    metadata = @ElementTemplate.Metadata(keywords = {"servicenow", "table", "record", "incident", "query", "attachment"}),
    inputDataClass = TableRequest.class,
    propertyGroups = {
      @PropertyGroup(id = "connection", label = "Connection"),
      @PropertyGroup(id = "authentication", label = "Authentication"),
      @PropertyGroup(id = "operation", label = "Operation"),
      @PropertyGroup(id = "options", label = "Record options", openByDefault = false)
    })
public class ServiceNowTableFunction implements OutboundConnectorFunction {

  public static final String TYPE = "com.acme:servicenow-table:1";
  public static final String TEMPLATE_ID = "com.acme.connectors.servicenow.table.v1";

  private final TableOperations operations;

  /** Used by the runtime (SPI): operator settings from the environment, process-wide client cache. */
  public ServiceNowTableFunction() {
    this(ServiceNowClientFactory.fromEnvironment());
  }

  /** For tests and embedding: clients come from this factory (e.g. one that trusts an emulator). */
  public ServiceNowTableFunction(ServiceNowClientFactory clients) {
    this.operations = new TableOperations(clients);
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    TableRequest request = context.bindVariables(TableRequest.class);
    return operations.execute(request, context);
  }
}
