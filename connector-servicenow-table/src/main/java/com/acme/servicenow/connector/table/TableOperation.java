package com.acme.servicenow.connector.table;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateDiscriminatorProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * What the task does. The template shows only the fields of the chosen operation (generated
 * conditions on {@code operation.type}); property ids are unique per operation, bindings repeat.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TableOperation.Create.class, name = "create"),
  @JsonSubTypes.Type(value = TableOperation.Get.class, name = "get"),
  @JsonSubTypes.Type(value = TableOperation.Query.class, name = "query"),
  @JsonSubTypes.Type(value = TableOperation.QueryAll.class, name = "queryAll"),
  @JsonSubTypes.Type(value = TableOperation.Update.class, name = "update"),
  @JsonSubTypes.Type(value = TableOperation.Replace.class, name = "replace"),
  @JsonSubTypes.Type(value = TableOperation.Delete.class, name = "delete"),
  @JsonSubTypes.Type(value = TableOperation.Upsert.class, name = "upsert"),
  @JsonSubTypes.Type(value = TableOperation.Count.class, name = "count"),
  @JsonSubTypes.Type(value = TableOperation.Aggregate.class, name = "aggregate"),
  @JsonSubTypes.Type(value = TableOperation.AttachmentUpload.class, name = "attachmentUpload"),
  @JsonSubTypes.Type(value = TableOperation.AttachmentList.class, name = "attachmentList"),
  @JsonSubTypes.Type(value = TableOperation.AttachmentDownload.class, name = "attachmentDownload"),
  @JsonSubTypes.Type(value = TableOperation.AttachmentDelete.class, name = "attachmentDelete")
})
@TemplateDiscriminatorProperty(
    name = "type",
    id = "type",
    label = "Operation",
    group = "operation",
    defaultValue = "get",
    description = "What to do with the table. Update changes only the fields you send (PATCH); replace sends the whole record (PUT).")
public sealed interface TableOperation {

  /** A 32-character hexadecimal sys_id, or a FEEL expression that yields one (checked again at runtime). */
  String SYS_ID_PATTERN = "^(=.*|[0-9a-f]{32})$";
  String SYS_ID_MESSAGE = "must be a sys_id: 32 lower-case hexadecimal characters";

  String SYS_ID_TOOLTIP =
      "The record's unique id (32 hexadecimal characters), e.g. the sysId of an earlier create or query. Not the number such as INC0010001.";
  String FIELDS_TOOLTIP =
      "A FEEL context of field names and values, e.g. {short_description: \"Disk full\", urgency: \"2\"}. Use field names (short_description), not labels. References take a sys_id, or a display value when 'Input display value' is on. An empty string clears a field.";
  String CONDITIONS_TOOLTIP =
      "A FEEL list of conditions that must all hold, e.g. [{field: \"active\", operator: \"=\", value: true}, {field: \"priority\", operator: \"IN\", value: [1, 2]}]. An entry {anyOf: [cond, cond]} holds when one of its conditions does (OR). Operators: =, !=, <, <=, >, >=, LIKE (contains), NOT LIKE, STARTSWITH, ENDSWITH, IN, NOT IN, ISEMPTY, ISNOTEMPTY, ANYTHING, BETWEEN (value [from, to]). Values are checked so they cannot change the query (a '^' is rejected).";
  String ENCODED_QUERY_TOOLTIP =
      "Advanced: a ServiceNow encoded query copied from a list view (right-click the breadcrumb > Copy query), e.g. active=true^priority<=2. Sent as written and ANDed with the conditions, so never build it from untrusted data; use the conditions for that.";
  String ORDER_BY_TOOLTIP =
      "Comma-separated fields to sort by; prefix a field with '-' for descending, e.g. -sys_created_on,number.";

  /** Operations that select records with conditions and an optional raw encoded query. */
  interface Filtered {
    List<ConditionInput> conditions();

    String encodedQuery();
  }

  @TemplateSubType(id = "create", label = "Create record")
  record Create(
      @TemplateProperty(
              id = "createFields",
              label = "Record fields",
              group = "operation",
              type = PropertyType.Text,
              feel = FeelMode.required,
              tooltip = FIELDS_TOOLTIP,
              exampleValue = "={short_description: \"Disk full on db-01\", urgency: \"2\", impact: \"2\"}")
          @NotNull
          Map<String, Object> fields)
      implements TableOperation {}

  @TemplateSubType(id = "get", label = "Get record by sys_id")
  record Get(
      @TemplateProperty(
              id = "getSysId",
              exampleValue = "=incidentSysId",
              label = "sys_id",
              group = "operation",
              feel = FeelMode.optional,
              tooltip = SYS_ID_TOOLTIP)
          @NotBlank
          @Pattern(regexp = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)
          String sysId)
      implements TableOperation {}

  @TemplateSubType(id = "query", label = "Query records (one page)")
  record Query(
      @TemplateProperty(
              id = "queryConditions",
              exampleValue = "=[{field: \"active\", operator: \"=\", value: true}, {field: \"priority\", operator: \"IN\", value: [1, 2]}]",
              label = "Conditions",
              group = "operation",
              type = PropertyType.Text,
              feel = FeelMode.required,
              optional = true,
              tooltip = CONDITIONS_TOOLTIP)
          List<ConditionInput> conditions,
      @TemplateProperty(
              id = "queryEncodedQuery",
              exampleValue = "active=true^priority<=2",
              label = "Advanced: raw encoded query",
              group = "operation",
              feel = FeelMode.optional,
              optional = true,
              tooltip = ENCODED_QUERY_TOOLTIP)
          String encodedQuery,
      @TemplateProperty(
              id = "queryOrderBy",
              exampleValue = "-sys_created_on,number",
              label = "Order by",
              group = "operation",
              feel = FeelMode.optional,
              optional = true,
              tooltip = ORDER_BY_TOOLTIP)
          String orderBy,
      @TemplateProperty(
              id = "queryLimit",
              label = "Limit",
              group = "operation",
              type = PropertyType.Number,
              feel = FeelMode.optional,
              optional = true,
              defaultValue = "100",
              defaultValueType = TemplateProperty.DefaultValueType.Number,
              tooltip = "Records per page (sysparm_limit, 1 to 10000). A page may hold fewer rows although more exist, because ServiceNow applies the limit before ACLs: use hasMore and nextOffset, not the page size.")
          @Min(1)
          @Max(10000)
          Integer limit,
      @TemplateProperty(
              id = "queryOffset",
              label = "Offset",
              group = "operation",
              type = PropertyType.Number,
              feel = FeelMode.optional,
              optional = true,
              defaultValue = "0",
              defaultValueType = TemplateProperty.DefaultValueType.Number,
              tooltip = "Index of the first record (sysparm_offset). Feed the previous result's nextOffset here to read the next page.")
          @Min(0)
          Integer offset)
      implements TableOperation, Filtered {}

  @TemplateSubType(id = "queryAll", label = "Query all records (capped)")
  record QueryAll(
      @TemplateProperty(
              id = "queryAllConditions",
              exampleValue = "=[{field: \"active\", operator: \"=\", value: true}, {field: \"priority\", operator: \"IN\", value: [1, 2]}]",
              label = "Conditions",
              group = "operation",
              type = PropertyType.Text,
              feel = FeelMode.required,
              optional = true,
              tooltip = CONDITIONS_TOOLTIP)
          List<ConditionInput> conditions,
      @TemplateProperty(
              id = "queryAllEncodedQuery",
              exampleValue = "active=true^priority<=2",
              label = "Advanced: raw encoded query",
              group = "operation",
              feel = FeelMode.optional,
              optional = true,
              tooltip = ENCODED_QUERY_TOOLTIP)
          String encodedQuery,
      @TemplateProperty(
              id = "queryAllOrderBy",
              exampleValue = "-sys_created_on,number",
              label = "Order by",
              group = "operation",
              feel = FeelMode.optional,
              optional = true,
              tooltip = ORDER_BY_TOOLTIP + " A sys_id tie-breaker is always added so that paging neither skips nor repeats rows.")
          String orderBy,
      @TemplateProperty(
              id = "queryAllMaxRecords",
              label = "Max records",
              group = "operation",
              type = PropertyType.Number,
              feel = FeelMode.optional,
              optional = true,
              defaultValue = "1000",
              defaultValueType = TemplateProperty.DefaultValueType.Number,
              tooltip = "If more records match, the task fails with SERVICENOW_RESULT_TOO_LARGE instead of filling the process with a huge variable. At most 10000; results are also capped at 1 MB of JSON.")
          @Min(1)
          @Max(10000)
          Integer maxRecords)
      implements TableOperation, Filtered {}

  @TemplateSubType(id = "update", label = "Update record (PATCH)")
  record Update(
      @TemplateProperty(
              id = "updateSysId",
              exampleValue = "=incidentSysId",
              label = "sys_id",
              group = "operation",
              feel = FeelMode.optional,
              tooltip = SYS_ID_TOOLTIP)
          @NotBlank
          @Pattern(regexp = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)
          String sysId,
      @TemplateProperty(
              id = "updateFields",
              exampleValue = "={state: \"2\", assigned_to: assigneeSysId}",
              label = "Fields to change",
              group = "operation",
              type = PropertyType.Text,
              feel = FeelMode.required,
              tooltip = FIELDS_TOOLTIP)
          @NotNull
          Map<String, Object> fields)
      implements TableOperation {}

  @TemplateSubType(id = "replace", label = "Replace record (PUT)")
  record Replace(
      @TemplateProperty(
              id = "replaceSysId",
              exampleValue = "=incidentSysId",
              label = "sys_id",
              group = "operation",
              feel = FeelMode.optional,
              tooltip = SYS_ID_TOOLTIP)
          @NotBlank
          @Pattern(regexp = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)
          String sysId,
      @TemplateProperty(
              id = "replaceFields",
              exampleValue = "={short_description: summary, urgency: \"2\"}",
              label = "Record fields",
              group = "operation",
              type = PropertyType.Text,
              feel = FeelMode.required,
              tooltip = FIELDS_TOOLTIP + " ServiceNow treats PUT like PATCH: fields you leave out keep their values.")
          @NotNull
          Map<String, Object> fields)
      implements TableOperation {}

  @TemplateSubType(id = "delete", label = "Delete record")
  record Delete(
      @TemplateProperty(
              id = "deleteSysId",
              exampleValue = "=incidentSysId",
              label = "sys_id",
              group = "operation",
              feel = FeelMode.optional,
              tooltip = SYS_ID_TOOLTIP)
          @NotBlank
          @Pattern(regexp = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)
          String sysId)
      implements TableOperation {}

  @TemplateSubType(id = "upsert", label = "Upsert record (update the match or create)")
  record Upsert(
      @TemplateProperty(
              id = "upsertKeyConditions",
              exampleValue = "=[{field: \"correlation_id\", value: orderId}]",
              label = "Key conditions",
              group = "operation",
              type = PropertyType.Text,
              feel = FeelMode.required,
              tooltip = "The conditions that identify the record, e.g. [{field: \"correlation_id\", operator: \"=\", value: orderId}]. One match is updated, none creates a record, several fail with SERVICENOW_UPSERT_AMBIGUOUS.")
          @NotEmpty
          List<ConditionInput> keyConditions,
      @TemplateProperty(
              id = "upsertFields",
              exampleValue = "={correlation_id: orderId, short_description: \"Payment failed for \" + orderId}",
              label = "Record fields",
              group = "operation",
              type = PropertyType.Text,
              feel = FeelMode.required,
              tooltip = FIELDS_TOOLTIP + " Include the key fields so that a created record matches next time.")
          @NotNull
          Map<String, Object> fields)
      implements TableOperation {}

  @TemplateSubType(id = "count", label = "Count records")
  record Count(
      @TemplateProperty(
              id = "countConditions",
              exampleValue = "=[{field: \"active\", operator: \"=\", value: true}, {field: \"priority\", operator: \"IN\", value: [1, 2]}]",
              label = "Conditions",
              group = "operation",
              type = PropertyType.Text,
              feel = FeelMode.required,
              optional = true,
              tooltip = CONDITIONS_TOOLTIP)
          List<ConditionInput> conditions,
      @TemplateProperty(
              id = "countEncodedQuery",
              exampleValue = "active=true^priority<=2",
              label = "Advanced: raw encoded query",
              group = "operation",
              feel = FeelMode.optional,
              optional = true,
              tooltip = ENCODED_QUERY_TOOLTIP)
          String encodedQuery)
      implements TableOperation, Filtered {}

  @TemplateSubType(id = "aggregate", label = "Aggregate (group by, sum, avg, min, max)")
  record Aggregate(
      @TemplateProperty(
              id = "aggregateConditions",
              exampleValue = "=[{field: \"active\", operator: \"=\", value: true}, {field: \"priority\", operator: \"IN\", value: [1, 2]}]",
              label = "Conditions",
              group = "operation",
              type = PropertyType.Text,
              feel = FeelMode.required,
              optional = true,
              tooltip = CONDITIONS_TOOLTIP)
          List<ConditionInput> conditions,
      @TemplateProperty(
              id = "aggregateEncodedQuery",
              exampleValue = "active=true^priority<=2",
              label = "Advanced: raw encoded query",
              group = "operation",
              feel = FeelMode.optional,
              optional = true,
              tooltip = ENCODED_QUERY_TOOLTIP)
          String encodedQuery,
      @TemplateProperty(
              id = "aggregateGroupBy",
              exampleValue = "priority",
              label = "Group by",
              group = "operation",
              feel = FeelMode.optional,
              optional = true,
              tooltip = "Comma-separated fields to group by (sysparm_group_by), e.g. priority,state. Every group carries its count.")
          String groupBy,
      @TemplateProperty(id = "aggregateSumFields", label = "Sum of", group = "operation", feel = FeelMode.optional,
              optional = true, tooltip = "Comma-separated numeric fields to sum, e.g. reassignment_count.")
          String sumFields,
      @TemplateProperty(id = "aggregateAvgFields", label = "Average of", group = "operation", feel = FeelMode.optional,
              optional = true, tooltip = "Comma-separated numeric fields to average.")
          String avgFields,
      @TemplateProperty(id = "aggregateMinFields", label = "Minimum of", group = "operation", feel = FeelMode.optional,
              optional = true, tooltip = "Comma-separated fields whose minimum you want.")
          String minFields,
      @TemplateProperty(id = "aggregateMaxFields", label = "Maximum of", group = "operation", feel = FeelMode.optional,
              optional = true, tooltip = "Comma-separated fields whose maximum you want.")
          String maxFields)
      implements TableOperation, Filtered {}

  @TemplateSubType(id = "attachmentUpload", label = "Attachment: upload a document")
  record AttachmentUpload(
      @TemplateProperty(
              id = "attachmentUploadSysId",
              exampleValue = "=incidentSysId",
              label = "Record sys_id",
              group = "operation",
              feel = FeelMode.optional,
              tooltip = "The record the file is attached to. " + SYS_ID_TOOLTIP)
          @NotBlank
          @Pattern(regexp = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)
          String sysId,
      @TemplateProperty(
              id = "attachmentUploadDocument",
              exampleValue = "=files[1]",
              label = "Document",
              group = "operation",
              type = PropertyType.String,
              feel = FeelMode.required,
              tooltip = "A Camunda document reference, e.g. the first file of a form upload (=files[1]) or a document another connector returned.")
          @NotNull
          Document document,
      @TemplateProperty(
              id = "attachmentUploadFileName",
              exampleValue = "report.pdf",
              label = "File name",
              group = "operation",
              feel = FeelMode.optional,
              optional = true,
              tooltip = "Name of the attachment in ServiceNow; empty uses the document's file name.")
          String fileName,
      @TemplateProperty(
              id = "attachmentUploadContentType",
              label = "Content type",
              group = "operation",
              feel = FeelMode.optional,
              optional = true,
              tooltip = "MIME type such as application/pdf; empty uses the document's content type.")
          String contentType)
      implements TableOperation {}

  @TemplateSubType(id = "attachmentList", label = "Attachment: list a record's attachments")
  record AttachmentList(
      @TemplateProperty(
              id = "attachmentListSysId",
              exampleValue = "=incidentSysId",
              label = "Record sys_id",
              group = "operation",
              feel = FeelMode.optional,
              tooltip = SYS_ID_TOOLTIP)
          @NotBlank
          @Pattern(regexp = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)
          String sysId)
      implements TableOperation {}

  @TemplateSubType(id = "attachmentDownload", label = "Attachment: download into a document")
  record AttachmentDownload(
      @TemplateProperty(
              id = "attachmentDownloadSysId",
              exampleValue = "=attachment.sysId",
              label = "Attachment sys_id",
              group = "operation",
              feel = FeelMode.optional,
              tooltip = "The attachment's own sys_id (from 'list attachments' or an upload), not the record's.")
          @NotBlank
          @Pattern(regexp = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)
          String attachmentSysId)
      implements TableOperation {}

  @TemplateSubType(id = "attachmentDelete", label = "Attachment: delete")
  record AttachmentDelete(
      @TemplateProperty(
              id = "attachmentDeleteSysId",
              exampleValue = "=attachment.sysId",
              label = "Attachment sys_id",
              group = "operation",
              feel = FeelMode.optional,
              tooltip = "The attachment's own sys_id (from 'list attachments' or an upload), not the record's.")
          @NotBlank
          @Pattern(regexp = SYS_ID_PATTERN, message = SYS_ID_MESSAGE)
          String attachmentSysId)
      implements TableOperation {}
}
