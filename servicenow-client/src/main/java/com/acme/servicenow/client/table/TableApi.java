package com.acme.servicenow.client.table;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.http.HttpResult;
import com.acme.servicenow.client.http.InvalidBodyException;
import com.acme.servicenow.client.http.Json;
import com.acme.servicenow.client.http.LinkHeader;
import com.acme.servicenow.client.http.RequestSpec;
import com.acme.servicenow.client.http.Transport;
import com.acme.servicenow.client.query.Identifiers;
import com.acme.servicenow.client.query.QuerySpec;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** The Table API ({@code /api/now/table/{table}}), reference A1. Thread-safe. */
public final class TableApi {

  /** Journal fields: writing them appends an entry, so a repeated PUT/PATCH would append twice. */
  public static final Set<String> JOURNAL_FIELDS = Set.of("comments", "work_notes", "comments_and_work_notes");

  private static final int MIN_SHRUNK_PAGE = 10;
  private static final int MAX_SHRINKS = 6;
  private static final int MAX_PAGES = 100_000;
  private static final Pattern WRITE_FIELD = Pattern.compile("^[a-z0-9_]{1,80}$");
  private final Transport transport;

  public TableApi(Transport transport) {
    this.transport = transport;
  }

  /** GET one record; empty when ServiceNow answers 404 (missing or hidden by ACL). */
  public Optional<ObjectNode> get(String table, String sysId, ReadOptions options) {
    Identifiers.table(table);
    Identifiers.sysId(sysId);
    ReadOptions o = options == null ? ReadOptions.defaults() : options;
    RequestSpec spec = RequestSpec.get("/api/now/table/" + table + "/" + sysId).params(o.params()).build();
    try {
      return Optional.of(transport.execute(spec, TableApi::resultObject));
    } catch (ServiceNowException e) {
      if (e.code() == ErrorCode.SERVICENOW_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** One page. {@code limit} 1..10000, {@code offset} ≥ 0; the query is sent as given (no order added). */
  public Page query(String table, QuerySpec query, ReadOptions options, int limit, int offset) {
    Identifiers.table(table);
    checkLimitOffset(limit, offset);
    QuerySpec q = query == null ? QuerySpec.all() : query;
    return fetchPage(table, q.encode(), options, limit, offset, limit, Transport.MAX_BUFFERED_BODY, 0, 0);
  }

  /**
   * All matching records, page by page: never stops on a short page (the limit applies before ACLs),
   * stops when there is no {@code next} link or the offset reaches {@code X-Total-Count}, appends an
   * {@code ORDERBYsys_id} tie-breaker for a stable order, and fails with
   * {@code SERVICENOW_RESULT_TOO_LARGE} as soon as a cap is exceeded. Pages are stream-parsed. A page cut off
   * by the transaction quota ("Transaction cancelled") is asked for again with half the page size (down to 10).
   * {@code ReadOptions.noCount} is ignored here: the count is what marks the end of the data.
   */
  public QueryAllResult queryAll(String table, QuerySpec query, ReadOptions options, Caps caps) {
    Identifiers.table(table);
    Caps c = caps == null ? Caps.defaults() : caps;
    QuerySpec q = query == null ? QuerySpec.all() : query;
    String encoded = q.encodeWithStableOrder();
    // the total count is what tells the end of the data when pages are short (limit before ACLs) or when
    // an instance announces a "next" page on the last one: never let sysparm_no_count switch it off here
    ReadOptions o = options == null ? ReadOptions.defaults() : options;
    if (Boolean.TRUE.equals(o.noCount())) {
      o = new ReadOptions(o.fields(), o.displayValue(), o.excludeReferenceLink(), o.view(), null, o.queryNoDomain());
    }
    options = o;
    List<ObjectNode> all = new ArrayList<>();
    long bytes = 0;
    int offset = 0;
    int pages = 0;
    Long total = null;
    int pageSize = c.pageSize();
    int shrinks = 0;
    while (true) {
      ParsedPage p;
      try {
        p = fetchPageRaw(table, encoded, options, pageSize, offset, c.maxRecords(), c.maxBytes(), all.size(), bytes,
            pageSize > MIN_SHRUNK_PAGE);
      } catch (ServiceNowException e) {
        // the 60 s transaction quota cut the page off: ask for smaller pages (reference A4.4 point 3)
        if (e.code() == ErrorCode.SERVICENOW_TRANSACTION_CANCELLED && pageSize > MIN_SHRUNK_PAGE
            && shrinks < MAX_SHRINKS) {
          pageSize = Math.max(MIN_SHRUNK_PAGE, pageSize / 2);
          shrinks++;
          continue;
        }
        throw e;
      }
      pages++;
      if (pages > MAX_PAGES) {
        throw new ServiceNowException(ErrorCode.SERVICENOW_INVALID_RESPONSE, "Query-all on " + table
            + " did not end after " + MAX_PAGES + " pages (the instance keeps announcing a next page)", false, null);
      }
      all.addAll(p.records);
      bytes += p.bytes;
      total = p.page.totalCount() != null ? p.page.totalCount() : total;
      if (!p.page.hasMore() || p.page.nextOffset() == null || p.page.nextOffset() <= offset) {
        break;
      }
      if (p.page.totalCount() == null && !p.hasLast && p.records.isEmpty()) {
        // no count and no "last" link: an empty page is the only end marker left
        break;
      }
      offset = p.page.nextOffset();
    }
    return new QueryAllResult(all, total, pages, bytes);
  }

  /** POST (201). Not retried on 5xx/timeouts: a repeat could create a duplicate. */
  public ObjectNode create(String table, Map<String, ?> fields, WriteOptions options) {
    Identifiers.table(table);
    byte[] body = body(fields);
    WriteOptions o = options == null ? WriteOptions.defaults() : options;
    RequestSpec spec = RequestSpec.method("POST", "/api/now/table/" + table).params(o.params()).jsonBody(body).build();
    return transport.execute(spec, TableApi::resultObject);
  }

  /** PATCH: partial update. Retried like an idempotent call unless it writes a journal field. */
  public ObjectNode update(String table, String sysId, Map<String, ?> fields, WriteOptions options) {
    return write("PATCH", table, sysId, fields, options);
  }

  /** PUT ("replace"; ServiceNow treats it like PATCH). Same retry rule as {@link #update}. */
  public ObjectNode replace(String table, String sysId, Map<String, ?> fields, WriteOptions options) {
    return write("PUT", table, sysId, fields, options);
  }

  /** DELETE (204). A 404 is reported as {@code SERVICENOW_NOT_FOUND}. */
  public void delete(String table, String sysId) {
    Identifiers.table(table);
    Identifiers.sysId(sysId);
    transport.noContent(RequestSpec.method("DELETE", "/api/now/table/" + table + "/" + sysId).build());
  }

  private ObjectNode write(String method, String table, String sysId, Map<String, ?> fields, WriteOptions options) {
    Identifiers.table(table);
    Identifiers.sysId(sysId);
    byte[] body = body(fields);
    WriteOptions o = options == null ? WriteOptions.defaults() : options;
    boolean appendsJournal = fields.keySet().stream().anyMatch(JOURNAL_FIELDS::contains);
    RequestSpec spec = RequestSpec.method(method, "/api/now/table/" + table + "/" + sysId)
        .params(o.params())
        .jsonBody(body)
        .idempotent(!appendsJournal)
        .build();
    return transport.execute(spec, TableApi::resultObject);
  }

  static byte[] body(Map<String, ?> fields) {
    if (fields == null) {
      throw new ServiceNowInputException("fields", "a map of field values is required");
    }
    for (String k : fields.keySet()) {
      if (k == null || !WRITE_FIELD.matcher(k).matches()) {
        throw new ServiceNowInputException("fields",
            "'" + (k == null ? "null" : Identifiers.shorten(k)) + "' is not a valid field name to write"
                + " (lower-case letters, digits and '_')");
      }
    }
    try {
      return Json.MAPPER.writeValueAsBytes(fields);
    } catch (JsonProcessingException e) {
      throw new ServiceNowInputException("fields", "cannot be written as JSON: " + e.getOriginalMessage());
    }
  }

  /** Reads {@code {"result":{...}}}. */
  public static ObjectNode resultObject(HttpResult r) throws IOException {
    JsonNode root = Transport.readJson(r);
    JsonNode result = root == null ? null : root.get("result");
    if (result == null || !result.isObject()) {
      throw new InvalidBodyException("expected {\"result\":{...}}");
    }
    return (ObjectNode) result;
  }

  static void checkLimitOffset(int limit, int offset) {
    if (limit < 1 || limit > 10_000) {
      throw new ServiceNowInputException("limit", "must be between 1 and 10000");
    }
    if (offset < 0) {
      throw new ServiceNowInputException("offset", "must not be negative");
    }
  }

  private Page fetchPage(String table, String encodedQuery, ReadOptions options, int limit, int offset,
      int maxRecords, long maxBytes, int haveRecords, long haveBytes) {
    ParsedPage p = fetchPageRaw(table, encodedQuery, options, limit, offset, maxRecords, maxBytes, haveRecords, haveBytes,
        false);
    return p.page;
  }

  private ParsedPage fetchPageRaw(String table, String encodedQuery, ReadOptions options, int limit, int offset,
      int maxRecords, long maxBytes, int haveRecords, long haveBytes, boolean shrinkOnCancel) {
    ReadOptions o = options == null ? ReadOptions.defaults() : options;
    RequestSpec.Builder b = RequestSpec.get("/api/now/table/" + table);
    if (!encodedQuery.isEmpty()) {
      b.param("sysparm_query", encodedQuery);
    }
    b.params(o.listParams());
    b.param("sysparm_limit", Integer.toString(limit));
    b.param("sysparm_offset", Integer.toString(offset));
    if (shrinkOnCancel) {
      b.failFastOn(ErrorCode.SERVICENOW_TRANSACTION_CANCELLED);
    }
    RecordStreamReader reader = new RecordStreamReader(maxRecords - haveRecords, maxBytes - haveBytes, maxRecords, maxBytes);
    return transport.execute(b.build(), r -> {
      List<ObjectNode> records = new ArrayList<>();
      long bytes = reader.read(r, records);
      Page page = pageOf(records, r.header("X-Total-Count"), r.header("Link"), limit, offset);
      return new ParsedPage(page, records, bytes, LinkHeader.parse(r.header("Link")).has("last"));
    });
  }

  static Page pageOf(List<ObjectNode> records, String totalHeader, String linkHeader, int limit, int offset) {
    Long total = null;
    if (totalHeader != null) {
      try {
        total = Long.parseLong(totalHeader.strip());
      } catch (NumberFormatException ignored) {
        // a garbled count is treated as absent; the Link header still drives paging
      }
    }
    LinkHeader link = LinkHeader.parse(linkHeader);
    int computedNext = offset + limit;
    boolean more;
    if (!link.isEmpty()) {
      more = link.has("next");
    } else {
      // variant B omits the whole header when there is only one page; the count decides otherwise
      more = total != null && computedNext < total;
    }
    if (total != null && computedNext >= total) {
      more = false;
    }
    // variant A keeps a "next" even on the last page; without a count, "last" tells where the data ends
    OptionalInt last = link.offset("last");
    if (more && last.isPresent() && offset >= last.getAsInt()) {
      more = false;
    }
    if (more && total == null && last.isEmpty() && records.isEmpty()) {
      // no count and no "last": an empty page is the only end marker left
      more = false;
    }
    Integer next = null;
    if (more) {
      OptionalInt linkNext = link.offset("next");
      next = linkNext.isPresent() && linkNext.getAsInt() > offset ? linkNext.getAsInt() : computedNext;
    }
    return new Page(records, total, next, more);
  }

  /** A parsed page with the byte size of its records. */
  public record ParsedPage(Page page, List<ObjectNode> records, long bytes, boolean hasLast) {}

  /**
   * Stream-parses {@code {"result":[...]}} record by record with Jackson's streaming parser, checking the
   * caps after each record so that memory never exceeds them by more than one record.
   */
  public static final class RecordStreamReader {
    private final int remainingRecords;
    private final long remainingBytes;
    private final int maxRecords;
    private final long maxBytes;

    public RecordStreamReader(int remainingRecords, long remainingBytes, int maxRecords, long maxBytes) {
      this.remainingRecords = remainingRecords;
      this.remainingBytes = remainingBytes;
      this.maxRecords = maxRecords;
      this.maxBytes = maxBytes;
    }

    /** Adds the records to {@code out}; returns their JSON byte size. */
    public long read(HttpResult r, List<ObjectNode> out) throws IOException {
      long bytes = 0;
      boolean sawResult = false;
      try (JsonParser p = Json.MAPPER.createParser(r.body())) {
        if (p.nextToken() == null) {
          throw new InvalidBodyException("empty body");
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw new InvalidBodyException("expected a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          if ("result".equals(name)) {
            if (t != JsonToken.START_ARRAY) {
              throw new InvalidBodyException("expected \"result\" to be an array");
            }
            sawResult = true;
            while (p.nextToken() == JsonToken.START_OBJECT) {
              long start = p.currentTokenLocation().getByteOffset();
              ObjectNode node = p.readValueAsTree();
              long end = p.currentLocation().getByteOffset();
              long size = start >= 0 && end >= start ? end - start : Json.MAPPER.writeValueAsBytes(node).length;
              bytes += size;
              out.add(node);
              if (out.size() > remainingRecords) {
                throw tooLarge("more than " + maxRecords + " records match");
              }
              if (bytes > remainingBytes) {
                throw tooLarge("the records exceed " + maxBytes + " bytes of JSON");
              }
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
              throw new InvalidBodyException("unexpected element in \"result\"");
            }
          } else if ("error".equals(name)) {
            JsonNode err = p.readValueAsTree();
            String msg = err == null ? "" : err.path("message").asText("");
            throw msg.contains("Transaction cancelled") ? new IOException(msg)
                : new InvalidBodyException("a success status with an error body: " + msg);
          } else {
            p.skipChildren();
          }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
          throw new InvalidBodyException("unterminated JSON object");
        }
      }
      if (!sawResult) {
        throw new InvalidBodyException("no \"result\" array");
      }
      return bytes;
    }

    private static ServiceNowException tooLarge(String why) {
      return new ServiceNowException(ErrorCode.SERVICENOW_RESULT_TOO_LARGE,
          "The query result is too large: " + why + "; narrow the query or raise the cap", false, null);
    }
  }

}
