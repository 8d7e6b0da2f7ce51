package com.acme.servicenow.connector.incident.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateDiscriminatorProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DefaultValueType;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * What to do with an incident. Every operation that acts on an existing incident takes its sys_id or
 * its number ({@code INC0010001}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = IncidentOperation.Create.class, name = "create"),
  @JsonSubTypes.Type(value = IncidentOperation.CreateFromError.class, name = "createFromError"),
  @JsonSubTypes.Type(value = IncidentOperation.Get.class, name = "get"),
  @JsonSubTypes.Type(value = IncidentOperation.Find.class, name = "find"),
  @JsonSubTypes.Type(value = IncidentOperation.Update.class, name = "update"),
  @JsonSubTypes.Type(value = IncidentOperation.AddComment.class, name = "addComment"),
  @JsonSubTypes.Type(value = IncidentOperation.AddWorkNote.class, name = "addWorkNote"),
  @JsonSubTypes.Type(value = IncidentOperation.Assign.class, name = "assign"),
  @JsonSubTypes.Type(value = IncidentOperation.Hold.class, name = "hold"),
  @JsonSubTypes.Type(value = IncidentOperation.Resume.class, name = "resume"),
  @JsonSubTypes.Type(value = IncidentOperation.Resolve.class, name = "resolve"),
  @JsonSubTypes.Type(value = IncidentOperation.Close.class, name = "close"),
  @JsonSubTypes.Type(value = IncidentOperation.Reopen.class, name = "reopen"),
  @JsonSubTypes.Type(value = IncidentOperation.Cancel.class, name = "cancel")
})
@TemplateDiscriminatorProperty(
    name = "type",
    id = "operation.type",
    label = "Operation",
    group = IncidentOperation.GROUP,
    defaultValue = "create",
    description = "What to do with the incident")
public sealed interface IncidentOperation {

  String GROUP = "operation";
  String DETAILS = "details";
  String CONTEXT = "processContext";
  String CORRELATION = "correlation";

  /** sys_id (32 hex digits) or a number such as INC0010001. */
  String IDENTIFIER_PATTERN = "^(=.*|[0-9a-fA-F]{32}|[A-Za-z][A-Za-z0-9_.-]{0,39})$";
  String IDENTIFIER_MESSAGE = "must be a sys_id (32 hex digits) or an incident number such as INC0010001";
  String IDENTIFIER_TOOLTIP = "The incident's sys_id, or its number (e.g. INC0010001), which is looked up first.";

  @TemplateSubType(id = "create", label = "Create incident (idempotent)")
  record Create(
      @TemplateProperty(id = "create.shortDescription", label = "Short description", group = GROUP,
              tooltip = "ServiceNow keeps up to 160 characters.")
          @NotBlank @Size(max = 160)
          String shortDescription,
      @TemplateProperty(id = "create.description", label = "Description", group = GROUP, type = PropertyType.Text,
              optional = true)
          String description,
      @TemplateProperty(id = "create.caller", label = "Caller", group = DETAILS, optional = true,
              tooltip = "sys_id, user name, e-mail or full name (looked up in sys_user; must match exactly one user).")
          String caller,
      @TemplateProperty(id = "create.category", label = "Category", group = DETAILS, optional = true,
              exampleValue = "software", tooltip = "A category value of your instance, e.g. inquiry, software, hardware, network, database.")
          String category,
      @TemplateProperty(id = "create.subcategory", label = "Subcategory", group = DETAILS, optional = true)
          String subcategory,
      @TemplateProperty(id = "create.impact", label = "Impact", group = DETAILS, type = PropertyType.Dropdown,
              defaultValue = "MEDIUM",
              choices = {
                @DropdownPropertyChoice(value = "HIGH", label = "1 - High"),
                @DropdownPropertyChoice(value = "MEDIUM", label = "2 - Medium"),
                @DropdownPropertyChoice(value = "LOW", label = "3 - Low")
              },
              tooltip = "With urgency it gives the priority (the instance computes it; a priority sent directly is overwritten).")
          Level impact,
      @TemplateProperty(id = "create.urgency", label = "Urgency", group = DETAILS, type = PropertyType.Dropdown,
              defaultValue = "MEDIUM",
              choices = {
                @DropdownPropertyChoice(value = "HIGH", label = "1 - High"),
                @DropdownPropertyChoice(value = "MEDIUM", label = "2 - Medium"),
                @DropdownPropertyChoice(value = "LOW", label = "3 - Low")
              })
          Level urgency,
      @TemplateProperty(id = "create.assignmentGroup", label = "Assignment group", group = DETAILS, optional = true,
              tooltip = "sys_id or the group's name (looked up in sys_user_group).")
          String assignmentGroup,
      @TemplateProperty(id = "create.assignedTo", label = "Assigned to", group = DETAILS, optional = true,
              tooltip = "sys_id, user name, e-mail or full name (looked up in sys_user).")
          String assignedTo,
      @TemplateProperty(id = "create.configurationItem", label = "Configuration item", group = DETAILS, optional = true,
              tooltip = "sys_id or the CI's name (looked up in cmdb_ci).")
          String configurationItem,
      @TemplateProperty(id = "create.additionalFields", label = "Additional fields", group = DETAILS, optional = true,
              feel = FeelMode.required,
              tooltip = "Any other incident fields as a FEEL context of ServiceNow values, e.g. {contact_type: \"integration\", u_team: \"ops\"}. The inputs above win over the same field here.")
          Map<String, Object> additionalFields,
      @TemplateProperty(id = "create.correlationScope", label = "Idempotency", group = CORRELATION,
              type = PropertyType.Dropdown, defaultValue = "TASK",
              choices = {
                @DropdownPropertyChoice(value = "TASK", label = "One incident per task run (safe job retries)"),
                @DropdownPropertyChoice(value = "PROCESS_INSTANCE", label = "One incident per process instance"),
                @DropdownPropertyChoice(value = "NONE", label = "None: always create")
              },
              tooltip = "Camunda delivers jobs at least once. The connector first looks for an incident with the correlation_id and returns it (created = false) instead of opening a second one.")
          CorrelationScope correlationScope,
      @TemplateProperty(id = "create.correlationId", label = "Correlation ID", group = CORRELATION, optional = true,
              tooltip = "Overrides the derived correlation_id (<prefix>:<process instance key>:<element instance key>), e.g. an order number. Up to 100 characters.")
          String correlationId,
      @TemplateProperty(id = "create.correlationPrefix", label = "Correlation ID prefix", group = CORRELATION,
              optional = true, defaultValue = "camunda",
              tooltip = "Start of the derived correlation_id. Give each Camunda cluster that writes to the same ServiceNow instance its own prefix: keys of different clusters can be equal.")
          @Pattern(regexp = "^(=.*|[A-Za-z0-9_.-]{0,40})$", message = "letters, digits, '_', '.', '-' (up to 40)")
          String correlationPrefix)
      implements IncidentOperation {}

  @TemplateSubType(id = "createFromError", label = "Create incident from a BPMN error")
  record CreateFromError(
      @TemplateProperty(id = "createFromError.errorCode", label = "Error code", group = CONTEXT,
              optional = true, defaultValue = "=errorCode",
              tooltip = "Defaults to the process variable errorCode (map it in the output mapping of the error boundary event). Empty or undefined is fine.")
          String errorCode,
      @TemplateProperty(id = "createFromError.errorMessage", label = "Error message", group = CONTEXT,
              optional = true, defaultValue = "=errorMessage",
              tooltip = "Defaults to the process variable errorMessage.")
          String errorMessage,
      @TemplateProperty(id = "createFromError.failedActivity", label = "Failed activity", group = CONTEXT,
              optional = true,
              tooltip = "Name of the activity whose error led here (the engine does not tell the connector which one it was).")
          String failedActivity,
      @TemplateProperty(id = "createFromError.operateUrl", label = "Operate URL", group = CONTEXT, optional = true,
              tooltip = "Base URL of Operate, e.g. https://operate.example.com/operate; the description then links to the process instance.")
          @Pattern(regexp = "^(=.*|https?://\\S+|)$", message = "must be an http(s) URL")
          String operateUrl,
      @TemplateProperty(id = "createFromError.shortDescription", label = "Short description", group = GROUP,
              optional = true,
              tooltip = "Leave empty for '<process id>: <error code> – <error message>' (cut to 160 characters).")
          String shortDescription,
      @TemplateProperty(id = "createFromError.description", label = "Description", group = GROUP,
              type = PropertyType.Text, optional = true,
              tooltip = "Text put before the process context that the connector appends (process, instance, element, error).")
          String description,
      @TemplateProperty(id = "createFromError.caller", label = "Caller", group = DETAILS, optional = true,
              tooltip = "sys_id, user name, e-mail or full name (looked up in sys_user; must match exactly one user).")
          String caller,
      @TemplateProperty(id = "createFromError.category", label = "Category", group = DETAILS, optional = true,
              exampleValue = "software", tooltip = "A category value of your instance, e.g. inquiry, software, hardware, network, database.")
          String category,
      @TemplateProperty(id = "createFromError.subcategory", label = "Subcategory", group = DETAILS, optional = true)
          String subcategory,
      @TemplateProperty(id = "createFromError.impact", label = "Impact", group = DETAILS, type = PropertyType.Dropdown,
              defaultValue = "HIGH",
              choices = {
                @DropdownPropertyChoice(value = "HIGH", label = "1 - High"),
                @DropdownPropertyChoice(value = "MEDIUM", label = "2 - Medium"),
                @DropdownPropertyChoice(value = "LOW", label = "3 - Low")
              },
              tooltip = "With urgency it gives the priority (the instance computes it; a priority sent directly is overwritten).")
          Level impact,
      @TemplateProperty(id = "createFromError.urgency", label = "Urgency", group = DETAILS, type = PropertyType.Dropdown,
              defaultValue = "MEDIUM",
              choices = {
                @DropdownPropertyChoice(value = "HIGH", label = "1 - High"),
                @DropdownPropertyChoice(value = "MEDIUM", label = "2 - Medium"),
                @DropdownPropertyChoice(value = "LOW", label = "3 - Low")
              })
          Level urgency,
      @TemplateProperty(id = "createFromError.assignmentGroup", label = "Assignment group", group = DETAILS, optional = true,
              tooltip = "sys_id or the group's name (looked up in sys_user_group).")
          String assignmentGroup,
      @TemplateProperty(id = "createFromError.assignedTo", label = "Assigned to", group = DETAILS, optional = true,
              tooltip = "sys_id, user name, e-mail or full name (looked up in sys_user).")
          String assignedTo,
      @TemplateProperty(id = "createFromError.configurationItem", label = "Configuration item", group = DETAILS, optional = true,
              tooltip = "sys_id or the CI's name (looked up in cmdb_ci).")
          String configurationItem,
      @TemplateProperty(id = "createFromError.additionalFields", label = "Additional fields", group = DETAILS, optional = true,
              feel = FeelMode.required,
              tooltip = "Any other incident fields as a FEEL context of ServiceNow values, e.g. {contact_type: \"integration\", u_team: \"ops\"}. The inputs above win over the same field here.")
          Map<String, Object> additionalFields,
      @TemplateProperty(id = "createFromError.correlationScope", label = "Idempotency", group = CORRELATION,
              type = PropertyType.Dropdown, defaultValue = "TASK",
              choices = {
                @DropdownPropertyChoice(value = "TASK", label = "One incident per task run (safe job retries)"),
                @DropdownPropertyChoice(value = "PROCESS_INSTANCE", label = "One incident per process instance"),
                @DropdownPropertyChoice(value = "NONE", label = "None: always create")
              },
              tooltip = "Camunda delivers jobs at least once. The connector first looks for an incident with the correlation_id and returns it (created = false) instead of opening a second one.")
          CorrelationScope correlationScope,
      @TemplateProperty(id = "createFromError.correlationId", label = "Correlation ID", group = CORRELATION, optional = true,
              tooltip = "Overrides the derived correlation_id (<prefix>:<process instance key>:<element instance key>), e.g. an order number. Up to 100 characters.")
          String correlationId,
      @TemplateProperty(id = "createFromError.correlationPrefix", label = "Correlation ID prefix", group = CORRELATION,
              optional = true, defaultValue = "camunda",
              tooltip = "Start of the derived correlation_id. Give each Camunda cluster that writes to the same ServiceNow instance its own prefix: keys of different clusters can be equal.")
          @Pattern(regexp = "^(=.*|[A-Za-z0-9_.-]{0,40})$", message = "letters, digits, '_', '.', '-' (up to 40)")
          String correlationPrefix)
      implements IncidentOperation {}

  @TemplateSubType(id = "get", label = "Get incident")
  record Get(
      @TemplateProperty(id = "get.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "get.includeJournal", label = "Include comments and work notes", group = GROUP,
              type = PropertyType.Boolean, defaultValue = "false", defaultValueType = DefaultValueType.Boolean, optional = true,
              tooltip = "Reads the journal entries from sys_journal_field (the integration user needs read access to it).")
          Boolean includeJournal)
      implements IncidentOperation {}

  @TemplateSubType(id = "find", label = "Find incidents")
  record Find(
      @TemplateProperty(id = "find.correlationId", label = "Correlation ID", group = GROUP, optional = true,
              tooltip = "Incidents whose correlation_id equals this value.")
          String correlationId,
      @TemplateProperty(id = "find.conditions", label = "Conditions", group = GROUP, optional = true,
              feel = FeelMode.required,
              tooltip = "All must hold, e.g. [{field: \"priority\", operator: \"<=\", value: 2}, {field: \"caller_id.user_name\", operator: \"=\", value: \"abel.tuter\"}]. Values cannot contain '^'.")
          List<@Valid FindCondition> conditions,
      @TemplateProperty(id = "find.activeOnly", label = "Active incidents only", group = GROUP,
              type = PropertyType.Boolean, defaultValue = "true", defaultValueType = DefaultValueType.Boolean, optional = true)
          Boolean activeOnly,
      @TemplateProperty(id = "find.limit", label = "Maximum results", group = GROUP, type = PropertyType.Number,
              defaultValue = "10", defaultValueType = DefaultValueType.Number, optional = true, tooltip = "1 to 1000, newest first.")
          @Min(1) @Max(1000)
          Integer limit)
      implements IncidentOperation {}

  @TemplateSubType(id = "update", label = "Update incident")
  record Update(
      @TemplateProperty(id = "update.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "update.state", label = "State", group = GROUP, type = PropertyType.Dropdown,
              optional = true, defaultValue = "",
              choices = {
                @DropdownPropertyChoice(value = "", label = "(unchanged)"),
                @DropdownPropertyChoice(value = "NEW", label = "New"),
                @DropdownPropertyChoice(value = "IN_PROGRESS", label = "In Progress"),
                @DropdownPropertyChoice(value = "ON_HOLD", label = "On Hold (set a hold reason in the fields)"),
                @DropdownPropertyChoice(value = "RESOLVED", label = "Resolved (prefer the Resolve operation)"),
                @DropdownPropertyChoice(value = "CLOSED", label = "Closed"),
                @DropdownPropertyChoice(value = "CANCELED", label = "Canceled")
              })
          IncidentState state,
      @TemplateProperty(id = "update.impact", label = "Impact", group = GROUP, type = PropertyType.Dropdown,
              optional = true, defaultValue = "",
              choices = {
                @DropdownPropertyChoice(value = "", label = "(unchanged)"),
                @DropdownPropertyChoice(value = "HIGH", label = "1 - High"),
                @DropdownPropertyChoice(value = "MEDIUM", label = "2 - Medium"),
                @DropdownPropertyChoice(value = "LOW", label = "3 - Low")
              })
          Level impact,
      @TemplateProperty(id = "update.urgency", label = "Urgency", group = GROUP, type = PropertyType.Dropdown,
              optional = true, defaultValue = "",
              choices = {
                @DropdownPropertyChoice(value = "", label = "(unchanged)"),
                @DropdownPropertyChoice(value = "HIGH", label = "1 - High"),
                @DropdownPropertyChoice(value = "MEDIUM", label = "2 - Medium"),
                @DropdownPropertyChoice(value = "LOW", label = "3 - Low")
              })
          Level urgency,
      @TemplateProperty(id = "update.fields", label = "Fields", group = GROUP, optional = true,
              feel = FeelMode.required,
              tooltip = "Other fields as a FEEL context of ServiceNow values, e.g. {short_description: \"Disk full\", subcategory: \"os\"}.")
          Map<String, Object> fields)
      implements IncidentOperation {}

  @TemplateSubType(id = "addComment", label = "Add comment (customer-visible)")
  record AddComment(
      @TemplateProperty(id = "addComment.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "addComment.comment", label = "Comment", group = GROUP, type = PropertyType.Text,
              tooltip = "Added to 'Additional comments', which the caller sees.")
          @NotBlank
          String comment)
      implements IncidentOperation {}

  @TemplateSubType(id = "addWorkNote", label = "Add work note (internal)")
  record AddWorkNote(
      @TemplateProperty(id = "addWorkNote.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "addWorkNote.workNote", label = "Work note", group = GROUP, type = PropertyType.Text,
              tooltip = "Internal; only fulfillers see work notes.")
          @NotBlank
          String workNote)
      implements IncidentOperation {}

  @TemplateSubType(id = "assign", label = "Assign")
  record Assign(
      @TemplateProperty(id = "assign.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "assign.assignmentGroup", label = "Assignment group", group = GROUP, optional = true,
              tooltip = "sys_id or the group's name (looked up in sys_user_group).")
          String assignmentGroup,
      @TemplateProperty(id = "assign.assignedTo", label = "Assigned to", group = GROUP, optional = true,
              tooltip = "sys_id, user name, e-mail or full name (looked up in sys_user; must match exactly one user).")
          String assignedTo,
      @TemplateProperty(id = "assign.workNote", label = "Work note", group = GROUP, type = PropertyType.Text,
              optional = true)
          String workNote)
      implements IncidentOperation {}

  @TemplateSubType(id = "hold", label = "Put on hold")
  record Hold(
      @TemplateProperty(id = "hold.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "hold.holdReason", label = "Hold reason", group = GROUP, type = PropertyType.Dropdown,
              defaultValue = "AWAITING_CALLER",
              choices = {
                @DropdownPropertyChoice(value = "AWAITING_CALLER", label = "Awaiting Caller"),
                @DropdownPropertyChoice(value = "AWAITING_PROBLEM", label = "Awaiting Problem"),
                @DropdownPropertyChoice(value = "AWAITING_VENDOR", label = "Awaiting Vendor"),
                @DropdownPropertyChoice(value = "AWAITING_CHANGE", label = "Awaiting Change")
              })
          @NotNull
          HoldReason holdReason,
      @TemplateProperty(id = "hold.comment", label = "Comment to the caller", group = GROUP,
              type = PropertyType.Text, optional = true,
              tooltip = "Required when awaiting the caller: tells the caller what is needed.")
          String comment,
      @TemplateProperty(id = "hold.workNote", label = "Work note", group = GROUP, type = PropertyType.Text,
              optional = true)
          String workNote)
      implements IncidentOperation {}

  @TemplateSubType(id = "resume", label = "Resume (back to In Progress)")
  record Resume(
      @TemplateProperty(id = "resume.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "resume.comment", label = "Comment", group = GROUP, type = PropertyType.Text,
              optional = true)
          String comment,
      @TemplateProperty(id = "resume.workNote", label = "Work note", group = GROUP, type = PropertyType.Text,
              optional = true)
          String workNote)
      implements IncidentOperation {}

  @TemplateSubType(id = "resolve", label = "Resolve")
  record Resolve(
      @TemplateProperty(id = "resolve.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "resolve.closeCode", label = "Resolution code", group = GROUP,
              exampleValue = "Solution provided",
              tooltip = "A close_code of your instance (they differ between releases, e.g. 'Solution provided' or 'Solved (Permanently)'). Checked against the instance's sys_choice values before anything is written.")
          @NotBlank
          String closeCode,
      @TemplateProperty(id = "resolve.closeNotes", label = "Resolution notes", group = GROUP,
              type = PropertyType.Text)
          @NotBlank
          String closeNotes,
      @TemplateProperty(id = "resolve.comment", label = "Comment to the caller", group = GROUP,
              type = PropertyType.Text, optional = true)
          String comment)
      implements IncidentOperation {}

  @TemplateSubType(id = "close", label = "Close")
  record Close(
      @TemplateProperty(id = "close.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "close.closeCode", label = "Resolution code", group = GROUP, optional = true,
              tooltip = "Needed unless the incident was resolved with one. Checked against the instance's sys_choice values.")
          String closeCode,
      @TemplateProperty(id = "close.closeNotes", label = "Resolution notes", group = GROUP, type = PropertyType.Text,
              optional = true, tooltip = "Needed unless the incident was resolved with notes.")
          String closeNotes)
      implements IncidentOperation {}

  @TemplateSubType(id = "reopen", label = "Reopen")
  record Reopen(
      @TemplateProperty(id = "reopen.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "reopen.comment", label = "Comment (reason)", group = GROUP, type = PropertyType.Text,
              optional = true)
          String comment,
      @TemplateProperty(id = "reopen.workNote", label = "Work note", group = GROUP, type = PropertyType.Text,
              optional = true)
          String workNote)
      implements IncidentOperation {}

  @TemplateSubType(id = "cancel", label = "Cancel")
  record Cancel(
      @TemplateProperty(id = "cancel.incident", label = "Incident", group = GROUP, tooltip = IDENTIFIER_TOOLTIP)
          @NotBlank @Pattern(regexp = IDENTIFIER_PATTERN, message = IDENTIFIER_MESSAGE)
          String incident,
      @TemplateProperty(id = "cancel.workNote", label = "Reason (work note)", group = GROUP,
              type = PropertyType.Text, optional = true)
          String workNote)
      implements IncidentOperation {}
}
