package com.acme.servicenow.connector.flow;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateDiscriminatorProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DefaultValueType;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.EqualsBoolean;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * The four ways into ServiceNow automation. The ids of the subtypes are the values of {@code
 * operation.type}; property ids are unique per template, hence the prefixes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = FlowOperation.CallRestTrigger.class, name = FlowOperation.CALL_REST_TRIGGER),
  @JsonSubTypes.Type(value = FlowOperation.StartFlow.class, name = FlowOperation.START_FLOW),
  @JsonSubTypes.Type(value = FlowOperation.OrderCatalogItem.class, name = FlowOperation.ORDER_CATALOG_ITEM),
  @JsonSubTypes.Type(value = FlowOperation.GetStatus.class, name = FlowOperation.GET_STATUS)
})
@TemplateDiscriminatorProperty(
    name = "type",
    id = "type",
    label = "Operation",
    group = "operation",
    defaultValue = FlowOperation.START_FLOW,
    description =
        "Start flow needs the x_acme_camunda app on the instance; a REST trigger needs IntegrationHub Enterprise.")
public sealed interface FlowOperation {

  String CALL_REST_TRIGGER = "callRestTrigger";
  String START_FLOW = "startFlow";
  String ORDER_CATALOG_ITEM = "orderCatalogItem";
  String GET_STATUS = "getStatus";

  /** Wait timeouts are bounded: the job must finish before the runtime's job timeout (5 minutes by default). */
  int MAX_WAIT_SECONDS = 3600;

  String SYS_ID_PATTERN = "^(=.*|[0-9a-fA-F]{32})$";
  String OPTIONAL_SYS_ID_PATTERN = "^(|=.*|[0-9a-fA-F]{32})$";

  /** An IntegrationHub "REST API – Asynchronous" trigger: {@code /api/<scope>/<flow>…} → executionId. */
  @TemplateSubType(id = CALL_REST_TRIGGER, label = "Call a REST-triggered flow (IntegrationHub)")
  record CallRestTrigger(
      @TemplateProperty(
              id = "restTriggerPath",
              label = "REST trigger path",
              group = "operation",
              tooltip =
                  "The trigger's resource path as shown in the REST API Explorer once the flow is active, e.g. /api/x_acme/provision_laptop. Path parameters are part of the path; no query string (use Query parameters).",
              exampleValue = "/api/x_acme/provision_laptop")
          @NotBlank
          @Pattern(
              regexp = "^(=.*|/api/[A-Za-z0-9_\\-./%~]+)$",
              message = "must start with /api/ and contain only URL path characters (no query string)")
          String path,
      @TemplateProperty(
              id = "restTriggerMethod",
              label = "Method",
              group = "operation",
              type = PropertyType.Dropdown,
              defaultValue = "POST",
              tooltip = "The HTTP method the flow's REST trigger was defined with.",
              choices = {
                @DropdownPropertyChoice(value = "POST", label = "POST"),
                @DropdownPropertyChoice(value = "GET", label = "GET"),
                @DropdownPropertyChoice(value = "PUT", label = "PUT"),
                @DropdownPropertyChoice(value = "PATCH", label = "PATCH"),
                @DropdownPropertyChoice(value = "DELETE", label = "DELETE")
              })
          @NotBlank
          @Pattern(regexp = "^(POST|GET|PUT|PATCH|DELETE)$", message = "must be POST, GET, PUT, PATCH or DELETE")
          String method,
      @TemplateProperty(
              id = "restTriggerHeaders",
              label = "Headers",
              group = "operation",
              optional = true,
              feel = FeelMode.required,
              tooltip =
                  "Headers the trigger requires, as a FEEL context, e.g. {\"X-Correlation\": camId}. Authorization is set by the connector and cannot be overridden.")
          Map<String, String> headers,
      @TemplateProperty(
              id = "restTriggerQueryParameters",
              label = "Query parameters",
              group = "operation",
              optional = true,
              feel = FeelMode.required,
              tooltip = "Query parameters the trigger expects, as a FEEL context; they are URL-encoded for you.")
          Map<String, String> queryParameters,
      @TemplateProperty(
              id = "restTriggerBody",
              label = "Body",
              group = "operation",
              type = PropertyType.Text,
              optional = true,
              feel = FeelMode.required,
              tooltip =
                  "The JSON body, matching the complex-object schema of the trigger, e.g. {correlationValue: camId, serial: serialNumber}. Pass a correlation value here when the flow reports back with a Camunda message.")
          Object body,
      @TemplateProperty(
              id = "restTriggerWait",
              label = "Wait for the flow to finish",
              group = "wait",
              type = PropertyType.Boolean,
              defaultValue = "false",
              defaultValueType = DefaultValueType.Boolean,
              tooltip =
                  "Finds the flow's context by the returned executionId in sys_flow_context and polls it. The Table API does not expose outputs: the result carries state and error message only. Needs read access to sys_flow_context.")
          Boolean waitForCompletion,
      @TemplateProperty(
              id = "restTriggerWaitTimeout",
              label = "Wait timeout (seconds)",
              group = "wait",
              type = PropertyType.Number,
              optional = true,
              defaultValue = "60",
              defaultValueType = DefaultValueType.Number,
              condition = @PropertyCondition(property = "operation.restTriggerWait", equalsBoolean = EqualsBoolean.TRUE),
              tooltip =
                  "At most this long (1-3600 s); then the task fails with SERVICENOW_FLOW_TIMEOUT while the flow keeps running. Keep it, plus the read timeout, below the connector runtime's job timeout (5 minutes by default).")
          @Min(1)
          @Max(MAX_WAIT_SECONDS)
          Integer waitTimeoutSeconds)
      implements FlowOperation {}

  /** Any flow, subflow or action, by scoped name, through the x_acme_camunda companion flow API. */
  @TemplateSubType(id = START_FLOW, label = "Start a flow, subflow or action")
  record StartFlow(
      @TemplateProperty(
              id = "startFlowType",
              label = "What to start",
              group = "operation",
              type = PropertyType.Dropdown,
              defaultValue = "flow",
              choices = {
                @DropdownPropertyChoice(value = "flow", label = "Flow"),
                @DropdownPropertyChoice(value = "subflow", label = "Subflow"),
                @DropdownPropertyChoice(value = "action", label = "Action")
              })
          @NotBlank
          @Pattern(regexp = "^(flow|subflow|action)$", message = "must be flow, subflow or action")
          String flowType,
      @TemplateProperty(
              id = "startFlowName",
              label = "Scoped name",
              group = "operation",
              tooltip =
                  "The internal name with its scope, as in Workflow Studio's properties: global.notify_team or x_acme_it.provision_vm. The object must be active (published).",
              exampleValue = "global.notify_team")
          @NotBlank
          @Pattern(
              regexp = "^(=.*|[A-Za-z0-9_]+\\.[A-Za-z0-9_]+)$",
              message = "must be a scoped internal name such as global.notify_team")
          String name,
      @TemplateProperty(
              id = "startFlowInputs",
              label = "Inputs",
              group = "operation",
              optional = true,
              feel = FeelMode.required,
              tooltip =
                  "Input name → value as a FEEL context, e.g. {correlation_key: camId, requested_for: userSysId}. Names are the inputs' internal names.")
          Map<String, Object> inputs,
      @TemplateProperty(
              id = "startFlowWait",
              label = "Wait for the flow to finish",
              group = "wait",
              type = PropertyType.Boolean,
              defaultValue = "false",
              defaultValueType = DefaultValueType.Boolean,
              tooltip =
                  "Off: the task completes at once with the context id (use a Camunda message callback or Get status). On: polls the flow and returns its outputs when it completes.")
          Boolean waitForCompletion,
      @TemplateProperty(
              id = "startFlowWaitTimeout",
              label = "Wait timeout (seconds)",
              group = "wait",
              type = PropertyType.Number,
              optional = true,
              defaultValue = "60",
              defaultValueType = DefaultValueType.Number,
              condition = @PropertyCondition(property = "operation.startFlowWait", equalsBoolean = EqualsBoolean.TRUE),
              tooltip =
                  "At most this long (1-3600 s); then the task fails with SERVICENOW_FLOW_TIMEOUT while the flow keeps running. Keep it, plus the read timeout, below the connector runtime's job timeout (5 minutes by default).")
          @Min(1)
          @Max(MAX_WAIT_SECONDS)
          Integer waitTimeoutSeconds)
      implements FlowOperation {}

  /** Service Catalog {@code order_now}: creates an sc_request and its requested items. */
  @TemplateSubType(id = ORDER_CATALOG_ITEM, label = "Order a catalog item")
  record OrderCatalogItem(
      @TemplateProperty(
              id = "catalogItemSysId",
              label = "Catalog item sys_id",
              group = "operation",
              tooltip = "sys_id of the sc_cat_item (32 hexadecimal characters).")
          @NotBlank
          @Pattern(regexp = SYS_ID_PATTERN, message = "must be a 32 character hexadecimal sys_id")
          String itemSysId,
      @TemplateProperty(
              id = "catalogQuantity",
              label = "Quantity",
              group = "operation",
              type = PropertyType.Number,
              optional = true,
              defaultValue = "1",
              defaultValueType = DefaultValueType.Number)
          @Min(1)
          @Max(1000)
          Integer quantity,
      @TemplateProperty(
              id = "catalogVariables",
              label = "Variables",
              group = "operation",
              optional = true,
              feel = FeelMode.required,
              tooltip =
                  "Catalog variables by name as a FEEL context, e.g. {replacement: \"Yes\", ram: \"16\"}. Values are sent as text; lists become comma lists (list collectors).")
          Map<String, Object> variables,
      @TemplateProperty(
              id = "catalogRequestedFor",
              label = "Requested for (user sys_id)",
              group = "operation",
              optional = true,
              tooltip = "sys_id of the sys_user the request is for; empty = the connector's user.")
          @Pattern(regexp = OPTIONAL_SYS_ID_PATTERN, message = "must be a 32 character hexadecimal sys_id")
          String requestedFor)
      implements FlowOperation {}

  /** State, error message and (through the flow API) outputs of a flow context. */
  @TemplateSubType(id = GET_STATUS, label = "Get flow status")
  record GetStatus(
      @TemplateProperty(
              id = "statusSource",
              label = "Look up",
              group = "operation",
              type = PropertyType.Dropdown,
              defaultValue = StatusSource.FLOW_API,
              choices = {
                @DropdownPropertyChoice(value = StatusSource.FLOW_API, label = "Context id, through the flow API (with outputs)"),
                @DropdownPropertyChoice(value = StatusSource.TABLE, label = "Context id, through sys_flow_context (no outputs)"),
                @DropdownPropertyChoice(value = StatusSource.EXECUTION_ID, label = "REST trigger execution id (no outputs)")
              },
              tooltip =
                  "The flow API needs the x_acme_camunda app. sys_flow_context is read through the Table API, which does not expose outputs.")
          @NotNull
          @Pattern(regexp = "^(flowApi|table|executionId)$", message = "must be flowApi, table or executionId")
          String source,
      @TemplateProperty(
              id = "statusContextId",
              label = "Context id",
              group = "operation",
              optional = true,
              condition =
                  @PropertyCondition(
                      property = "operation.statusSource",
                      oneOf = {StatusSource.FLOW_API, StatusSource.TABLE}),
              tooltip = "The contextId returned by Start flow (sys_id of sys_flow_context).")
          @Pattern(regexp = OPTIONAL_SYS_ID_PATTERN, message = "must be a 32 character hexadecimal sys_id")
          String contextId,
      @TemplateProperty(
              id = "statusExecutionId",
              label = "Execution id",
              group = "operation",
              optional = true,
              condition = @PropertyCondition(property = "operation.statusSource", equals = StatusSource.EXECUTION_ID),
              tooltip = "The executionId returned by a REST-triggered flow.")
          @Pattern(regexp = "^(=.*|[A-Za-z0-9_\\-]{0,100})$", message = "must be letters, digits, '_' or '-'")
          String executionId)
      implements FlowOperation {}

  /** Values of {@link GetStatus#source()}. */
  final class StatusSource {
    public static final String FLOW_API = "flowApi";
    public static final String TABLE = "table";
    public static final String EXECUTION_ID = "executionId";

    private StatusSource() {}
  }
}
