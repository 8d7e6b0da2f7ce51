package com.acme.servicenow.connector.table;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.aggregate.AggregateRequest;
import com.acme.servicenow.client.aggregate.AggregateResult;
import com.acme.servicenow.client.attachment.AttachmentMeta;
import com.acme.servicenow.client.attachment.Download;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.Identifiers;
import com.acme.servicenow.client.query.Operator;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.Caps;
import com.acme.servicenow.client.table.DisplayValue;
import com.acme.servicenow.client.table.Page;
import com.acme.servicenow.client.table.QueryAllResult;
import com.acme.servicenow.client.table.ReadOptions;
import com.acme.servicenow.client.table.WriteOptions;
import com.acme.servicenow.connector.common.ConnectorErrors;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.connector.table.TableOperation.Filtered;
import com.acme.servicenow.connector.table.TableResult.Aggregates;
import com.acme.servicenow.connector.table.TableResult.Attachment;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.document.DocumentMetadata;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes one {@link TableRequest} with the shared client. Everything that can be checked is checked
 * (and the whole query built) before the first request, so bad input fails without touching ServiceNow.
 * Stateless and thread-safe.
 */
public final class TableOperations {

  /** Error code of an upsert whose key conditions match more than one record. */
  public static final String UPSERT_AMBIGUOUS = "SERVICENOW_UPSERT_AMBIGUOUS";

  /** How many matching sys_ids an ambiguous upsert reports. */
  static final int UPSERT_PROBE_LIMIT = 10;

  /** Byte cap of a query-all result: a process variable should stay far below Zeebe's message size. */
  static final long QUERY_ALL_MAX_BYTES = 1024L * 1024;

  static final int DEFAULT_LIMIT = 100;
  static final int DEFAULT_MAX_RECORDS = 1000;
  static final int QUERY_ALL_PAGE_SIZE = 500;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ServiceNowClientFactory clients;

  public TableOperations(ServiceNowClientFactory clients) {
    this.clients = clients;
  }

  /**
   * Runs the operation; client errors become connector errors (input → no retries, retryable → retry
   * with ServiceNow's wait, others → error code + variables).
   */
  public TableResult execute(TableRequest request, DocumentFactory documents) {
    try {
      return run(request, documents);
    } catch (ServiceNowException e) {
      throw ConnectorErrors.toConnectorException(e);
    }
  }

  private TableResult run(TableRequest request, DocumentFactory documents) {
    String table = request.tableName();
    RecordOptions options = request.optionsOrDefault();
    TableOperation operation = request.operation();
    // Validate what does not depend on the connection first, then obtain the (cached) client.
    return switch (operation) {
      case TableOperation.Create c -> {
        Identifiers.table(table);
        WriteOptions write = writeOptions(options);
        yield single(client(request).table().create(table, c.fields(), write));
      }
      case TableOperation.Get g -> {
        Identifiers.table(table);
        Identifiers.sysId("operation.sysId", g.sysId());
        ReadOptions read = readOptions(options);
        ObjectNode record =
            client(request)
                .table()
                .get(table, g.sysId(), read)
                .orElseThrow(() -> notFound(table, g.sysId()));
        yield single(record);
      }
      case TableOperation.Query q -> {
        Identifiers.table(table);
        QuerySpec spec = querySpec(q, q.orderBy());
        ReadOptions read = readOptions(options);
        int limit = q.limit() == null ? DEFAULT_LIMIT : q.limit();
        int offset = q.offset() == null ? 0 : q.offset();
        Page page = client(request).table().query(table, spec, read, limit, offset);
        yield new TableResult.RecordPage(maps(page.records()), page.totalCount(), page.nextOffset(), page.hasMore());
      }
      case TableOperation.QueryAll q -> {
        Identifiers.table(table);
        QuerySpec spec = querySpec(q, q.orderBy());
        ReadOptions read = readOptions(options);
        int max = q.maxRecords() == null ? DEFAULT_MAX_RECORDS : q.maxRecords();
        Caps caps = Caps.of(max, QUERY_ALL_MAX_BYTES, Math.min(QUERY_ALL_PAGE_SIZE, max));
        QueryAllResult all = client(request).table().queryAll(table, spec, read, caps);
        yield new TableResult.AllRecords(maps(all.records()), all.records().size(), all.totalCount(), all.pages());
      }
      case TableOperation.Update u -> {
        Identifiers.table(table);
        Identifiers.sysId("operation.sysId", u.sysId());
        WriteOptions write = writeOptions(options);
        yield single(client(request).table().update(table, u.sysId(), u.fields(), write));
      }
      case TableOperation.Replace r -> {
        Identifiers.table(table);
        Identifiers.sysId("operation.sysId", r.sysId());
        WriteOptions write = writeOptions(options);
        yield single(client(request).table().replace(table, r.sysId(), r.fields(), write));
      }
      case TableOperation.Delete d -> {
        Identifiers.table(table);
        Identifiers.sysId("operation.sysId", d.sysId());
        client(request).table().delete(table, d.sysId());
        yield new TableResult.Deleted(d.sysId(), true);
      }
      case TableOperation.Upsert u -> upsert(request, table, u, options);
      case TableOperation.Count c -> {
        Identifiers.table(table);
        QuerySpec spec = querySpec(c, null);
        yield new TableResult.RecordCount(client(request).aggregate().count(table, spec));
      }
      case TableOperation.Aggregate a -> {
        Identifiers.table(table);
        QuerySpec spec = querySpec(a, null);
        AggregateRequest aggregate =
            new AggregateRequest(
                true,
                fieldList("operation.groupBy", a.groupBy()),
                fieldList("operation.sumFields", a.sumFields()),
                fieldList("operation.avgFields", a.avgFields()),
                fieldList("operation.minFields", a.minFields()),
                fieldList("operation.maxFields", a.maxFields()),
                DisplayValue.parse(options.displayValue()));
        yield aggregates(client(request).aggregate().aggregate(table, spec, aggregate));
      }
      case TableOperation.AttachmentUpload u -> upload(request, table, u);
      case TableOperation.AttachmentList l -> {
        Identifiers.table(table);
        Identifiers.sysId("operation.sysId", l.sysId());
        List<Attachment> list = new ArrayList<>();
        for (AttachmentMeta m : client(request).attachments().list(table, l.sysId())) {
          list.add(Attachment.of(m));
        }
        yield new TableResult.Attachments(list, list.size());
      }
      case TableOperation.AttachmentDownload d -> download(request, d, documents);
      case TableOperation.AttachmentDelete d -> {
        Identifiers.sysId("operation.attachmentSysId", d.attachmentSysId());
        client(request).attachments().delete(d.attachmentSysId());
        yield new TableResult.Deleted(d.attachmentSysId(), true);
      }
    };
  }

  private ServiceNowClient client(TableRequest request) {
    return clients.client(request.connection(), request.authentication());
  }

  private TableResult upsert(TableRequest request, String table, TableOperation.Upsert u, RecordOptions options) {
    Identifiers.table(table);
    if (u.keyConditions() == null || u.keyConditions().isEmpty()) {
      // without a key every record would match: refuse rather than update an arbitrary one
      throw new ServiceNowInputException("operation.keyConditions", "at least one key condition is required");
    }
    QuerySpec key = QuerySpec.where(conditions("operation.keyConditions", u.keyConditions()));
    WriteOptions write = writeOptions(options);
    ServiceNowClient client = client(request);
    Page matches =
        client.table().query(table, key, ReadOptions.builder().fields("sys_id").build(), UPSERT_PROBE_LIMIT, 0);
    List<String> sysIds = new ArrayList<>();
    for (ObjectNode n : matches.records()) {
      sysIds.add(n.path("sys_id").asText());
    }
    long total = matches.totalCount() != null ? Math.max(matches.totalCount(), sysIds.size()) : sysIds.size();
    if (sysIds.size() > 1 || total > 1) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("code", UPSERT_AMBIGUOUS);
      variables.put("table", table);
      variables.put("matchCount", total);
      variables.put("sysIds", sysIds);
      throw ConnectorErrors.failure(
          UPSERT_AMBIGUOUS,
          "Upsert on " + table + ": the key conditions match " + total + " records (" + String.join(", ", sysIds)
              + (total > sysIds.size() ? ", …" : "") + "); make the key unique",
          variables);
    }
    if (sysIds.size() == 1) {
      String sysId = Identifiers.sysId("sys_id", sysIds.get(0));
      ObjectNode updated = client.table().update(table, sysId, u.fields(), write);
      return new TableResult.UpsertedRecord(sysIdOf(updated, sysId), "updated", map(updated));
    }
    ObjectNode created = client.table().create(table, u.fields(), write);
    return new TableResult.UpsertedRecord(sysIdOf(created, null), "created", map(created));
  }

  private TableResult upload(TableRequest request, String table, TableOperation.AttachmentUpload u) {
    Identifiers.table(table);
    Identifiers.sysId("operation.sysId", u.sysId());
    Document document = u.document();
    if (document == null) {
      throw new ServiceNowInputException("operation.document", "a Camunda document is required");
    }
    DocumentMetadata meta = document.metadata();
    String fileName = firstNonBlank(u.fileName(), meta == null ? null : meta.getFileName());
    if (fileName == null) {
      throw new ServiceNowInputException(
          "operation.fileName", "the document has no file name; enter one in 'File name'");
    }
    String contentType =
        firstNonBlank(u.contentType(), meta == null ? null : meta.getContentType(), "application/octet-stream");
    long length = meta == null || meta.getSize() == null ? -1 : meta.getSize();
    ServiceNowClient client = client(request);
    try (InputStream content = document.asInputStream()) {
      return Attachment.of(client.attachments().upload(table, u.sysId(), fileName.strip(), contentType, content, length));
    } catch (java.io.IOException e) {
      throw new ServiceNowException(ErrorCode.SERVICENOW_CONNECTION_FAILED,
          "Could not read the document to upload: " + e.getMessage(), false, e);
    }
  }

  private TableResult download(TableRequest request, TableOperation.AttachmentDownload d, DocumentFactory documents) {
    Identifiers.sysId("operation.attachmentSysId", d.attachmentSysId());
    try (Download download = client(request).attachments().download(d.attachmentSysId())) {
      Attachment attachment = Attachment.of(download.meta());
      String contentType = firstNonBlank(attachment.contentType(), download.contentType(), "application/octet-stream");
      DocumentCreationRequest.BuilderFinalStep builder =
          DocumentCreationRequest.from(download.content()).contentType(contentType);
      if (attachment.fileName() != null && !attachment.fileName().isBlank()) {
        builder.fileName(attachment.fileName());
      }
      Document document = documents.create(builder.build());
      return new TableResult.DownloadedAttachment(document, attachment);
    }
  }

  private static ServiceNowException notFound(String table, String sysId) {
    // The client reports a missing record as empty; the process wants the same error as every other 404.
    return new ServiceNowException(
        ErrorCode.SERVICENOW_NOT_FOUND,
        "No " + table + " record with sys_id " + sysId + " (it does not exist or an ACL hides it)",
        404,
        "No Record found",
        "Record doesn't exist or ACL restricts the record retrieval",
        null,
        false,
        null,
        null);
  }

  static QuerySpec querySpec(Filtered filtered, String orderBy) {
    QuerySpec.Builder b = QuerySpec.builder();
    List<ConditionInput> inputs = filtered.conditions() == null ? List.of() : filtered.conditions();
    for (int i = 0; i < inputs.size(); i++) {
      String name = "operation.conditions[" + i + "]";
      ConditionInput c = inputs.get(i);
      if (c != null && c.anyOf() != null) {
        if (c.field() != null) {
          throw new ServiceNowInputException(name, "a condition has either field/operator/value or anyOf, not both");
        }
        b.anyOf(conditions(name + ".anyOf", c.anyOf()));
      } else {
        b.and(condition(name, c));
      }
    }
    if (filtered.encodedQuery() != null && !filtered.encodedQuery().isBlank()) {
      b.raw(filtered.encodedQuery());
    }
    for (String item : splitList(orderBy)) {
      boolean descending = item.startsWith("-");
      String field = descending ? item.substring(1).strip() : item;
      Identifiers.field("operation.orderBy", field);
      b.orderBy(field, descending);
    }
    return b.build();
  }

  /** Plain conditions (no nested anyOf), e.g. upsert keys and the alternatives of an anyOf. */
  static List<Condition> conditions(String input, List<ConditionInput> inputs) {
    List<Condition> out = new ArrayList<>();
    if (inputs == null) {
      return out;
    }
    if (input.endsWith(".anyOf") && inputs.isEmpty()) {
      throw new ServiceNowInputException(input, "anyOf needs at least one condition");
    }
    for (int i = 0; i < inputs.size(); i++) {
      out.add(condition(input + "[" + i + "]", inputs.get(i)));
    }
    return out;
  }

  private static Condition condition(String name, ConditionInput c) {
    if (c == null) {
      throw new ServiceNowInputException(name, "a condition is {field, operator, value}, not null");
    }
    if (c.anyOf() != null) {
      throw new ServiceNowInputException(name, "anyOf is only allowed at the top level of the conditions");
    }
    Identifiers.field(name + ".field", c.field());
    Operator operator =
        c.operator() == null || c.operator().isBlank() ? Operator.EQUALS : parseOperator(name, c.operator());
    try {
      return Condition.of(c.field(), operator, c.value());
    } catch (ServiceNowInputException e) {
      // name the list position so the modeller finds the offending entry
      throw new ServiceNowInputException(name + ".value", reason(e));
    }
  }

  private static Operator parseOperator(String name, String operator) {
    try {
      return Operator.parse(operator);
    } catch (ServiceNowInputException e) {
      throw new ServiceNowInputException(name + ".operator", reason(e));
    }
  }

  private static String reason(ServiceNowInputException e) {
    String message = e.getMessage();
    int i = message.indexOf("': ");
    return i >= 0 ? message.substring(i + 3) : message;
  }

  static List<String> fieldList(String input, String commaSeparated) {
    List<String> out = new ArrayList<>();
    for (String f : splitList(commaSeparated)) {
      out.add(Identifiers.field(input, f));
    }
    return out;
  }

  private static List<String> splitList(String commaSeparated) {
    List<String> out = new ArrayList<>();
    if (commaSeparated == null) {
      return out;
    }
    for (String part : commaSeparated.split(",")) {
      String s = part.strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  static ReadOptions readOptions(RecordOptions o) {
    return ReadOptions.builder()
        .fields(fieldList("options.fields", o.fields()))
        .displayValue(DisplayValue.parse(o.displayValue()))
        .excludeReferenceLink(o.excludeReferenceLink())
        .build();
  }

  static WriteOptions writeOptions(RecordOptions o) {
    return WriteOptions.builder()
        .fields(fieldList("options.fields", o.fields()))
        .displayValue(DisplayValue.parse(o.displayValue()))
        .excludeReferenceLink(o.excludeReferenceLink())
        .inputDisplayValue(o.inputDisplayValue())
        .build();
  }

  private static TableResult.SingleRecord single(ObjectNode record) {
    return new TableResult.SingleRecord(sysIdOf(record, null), map(record));
  }

  private static String sysIdOf(ObjectNode record, String fallback) {
    var node = record.get("sys_id");
    if (node == null || node.isNull()) {
      return fallback;
    }
    // with display values "all" the sys_id is {value, display_value}
    return node.isObject() ? node.path("value").asText(fallback) : node.asText();
  }

  private static Map<String, Object> map(ObjectNode node) {
    return MAPPER.convertValue(node, MAP);
  }

  private static List<Map<String, Object>> maps(List<ObjectNode> nodes) {
    List<Map<String, Object>> out = new ArrayList<>(nodes.size());
    for (ObjectNode n : nodes) {
      out.add(map(n));
    }
    return out;
  }

  private static Aggregates aggregates(AggregateResult result) {
    List<Aggregates.Group> groups = new ArrayList<>();
    for (AggregateResult.Group g : result.groups()) {
      groups.add(
          new Aggregates.Group(
              g.groupBy(),
              g.groupByDisplay(),
              g.count(),
              g.aggregates().getOrDefault("sum", Map.of()),
              g.aggregates().getOrDefault("avg", Map.of()),
              g.aggregates().getOrDefault("min", Map.of()),
              g.aggregates().getOrDefault("max", Map.of())));
    }
    return new Aggregates(groups);
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
