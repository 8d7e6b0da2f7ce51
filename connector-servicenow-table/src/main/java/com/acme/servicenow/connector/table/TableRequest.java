package com.acme.servicenow.connector.table;

import com.acme.servicenow.connector.common.ServiceNowAuthentication;
import com.acme.servicenow.connector.common.ServiceNowConnectionInput;
import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The job's input: where, as whom, on which table, what. */
public record TableRequest(
    @Valid @NotNull ServiceNowConnectionInput connection,
    @Valid @NotNull ServiceNowAuthentication authentication,
    @TemplateProperty(
            id = "table",
            label = "Table",
            group = "operation",
            type = PropertyType.Dropdown,
            defaultValue = "incident",
            tooltip =
                "The table's name (not its label). Choose 'Other table' for any other table, including scoped ones such as x_acme_orders.",
            choices = {
              @DropdownPropertyChoice(value = "incident", label = "Incident (incident)"),
              @DropdownPropertyChoice(value = "change_request", label = "Change request (change_request)"),
              @DropdownPropertyChoice(value = "change_task", label = "Change task (change_task)"),
              @DropdownPropertyChoice(value = "problem", label = "Problem (problem)"),
              @DropdownPropertyChoice(value = "sc_request", label = "Request (sc_request)"),
              @DropdownPropertyChoice(value = "sc_req_item", label = "Requested item (sc_req_item)"),
              @DropdownPropertyChoice(value = "sc_task", label = "Catalog task (sc_task)"),
              @DropdownPropertyChoice(value = "sys_user", label = "User (sys_user)"),
              @DropdownPropertyChoice(value = "sys_user_group", label = "Group (sys_user_group)"),
              @DropdownPropertyChoice(value = "cmdb_ci", label = "Configuration item (cmdb_ci)"),
              @DropdownPropertyChoice(value = TableNames.CUSTOM, label = "Other table")
            },
            condition =
                @PropertyCondition(
                    property = "operation.type",
                    oneOf = {
                      "create", "get", "query", "queryAll", "update", "replace", "delete", "upsert", "count",
                      "aggregate", "attachmentUpload", "attachmentList"
                    }))
        String table,
    @TemplateProperty(
            id = "customTable",
            exampleValue = "x_acme_orders",
            label = "Table name",
            group = "operation",
            feel = FeelMode.optional,
            tooltip =
                "The table's name as in System Definition > Tables, e.g. x_acme_orders or cmdb_ci_server. Table names are lower case.",
            condition = @PropertyCondition(property = "table", equals = TableNames.CUSTOM))
        @Pattern(
            regexp = "^(=.*|[a-z][a-z0-9_]{0,79})$",
            message = "must be a table name: lower-case letters, digits and '_', starting with a letter")
        String customTable,
    @Valid @NotNull TableOperation operation,
    @Valid RecordOptions options) {

  /** The table the operation works on; null for attachment operations that need none. */
  public String tableName() {
    if (TableNames.CUSTOM.equals(table)) {
      return customTable;
    }
    return table;
  }

  @AssertTrue(message = "customTable: a table name is required when 'Other table' is chosen")
  boolean isCustomTableGiven() {
    return !TableNames.CUSTOM.equals(table) || (customTable != null && !customTable.isBlank());
  }

  public RecordOptions optionsOrDefault() {
    return options == null ? new RecordOptions(null, null, null, null) : options;
  }

  @Override
  public String toString() {
    // authentication redacts its own secrets
    return "TableRequest[connection=" + connection + ", authentication=" + authentication + ", table=" + tableName()
        + ", operation=" + operation.getClass().getSimpleName() + "]";
  }
}
