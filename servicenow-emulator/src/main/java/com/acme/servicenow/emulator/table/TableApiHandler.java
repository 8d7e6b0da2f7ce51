package com.acme.servicenow.emulator.table;

import com.acme.servicenow.emulator.LinkHeaderStyle;
import com.acme.servicenow.emulator.auth.Principal;
import com.acme.servicenow.emulator.core.Access;
import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.data.FieldDef;
import com.acme.servicenow.emulator.data.FieldType;
import com.acme.servicenow.emulator.data.TableSchema;
import com.acme.servicenow.emulator.http.ApiException;
import com.acme.servicenow.emulator.http.ApiHandler;
import com.acme.servicenow.emulator.http.ApiRequest;
import com.acme.servicenow.emulator.http.ApiResponse;
import com.acme.servicenow.emulator.http.Json;
import com.acme.servicenow.emulator.query.Condition;
import com.acme.servicenow.emulator.query.QueryEngine;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Table API, {@code /api/now[/v1|/v2]/table/{table}[/{sys_id}]} (reference A1). */
public final class TableApiHandler implements ApiHandler {

  private static final Pattern PATH = Pattern.compile("^/api/now(?:/(v1|v2))?/table/([^/]+)(?:/([^/]+))?/?$");
  static final int DEFAULT_LIMIT = 10_000;

  private final EmulatorContext ctx;
  private final RecordRenderer renderer;
  private final RecordWriter writer;

  public TableApiHandler(EmulatorContext ctx, RecordRenderer renderer, RecordWriter writer) {
    this.ctx = ctx;
    this.renderer = renderer;
    this.writer = writer;
  }

  @Override
  public boolean handles(String path) {
    return PATH.matcher(path).matches();
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    Matcher m = PATH.matcher(request.path());
    if (!m.matches()) {
      throw ApiException.invalidUri();
    }
    String version = m.group(1);
    TableSchema table = ctx.table(m.group(2));
    if (table == null) {
      throw new ApiException(400, "Invalid table " + m.group(2), null);
    }
    String sysId = m.group(3);
    return switch (request.method()) {
      case "GET", "HEAD" -> sysId == null ? list(request, table, version) : getOne(request, table, sysId);
      case "POST" -> sysId == null ? create(request, table) : methodNotAllowed(request);
      case "PUT", "PATCH" -> sysId == null ? methodNotAllowed(request) : update(request, table, sysId);
      case "DELETE" -> sysId == null ? methodNotAllowed(request) : delete(request, table, sysId);
      default -> methodNotAllowed(request);
    };
  }

  private static ApiResponse methodNotAllowed(ApiRequest request) {
    throw new ApiException(405, "Method not Supported", request.method() + " method not supported for API");
  }

  // ---------------------------------------------------------------- reads

  private ApiResponse list(ApiRequest request, TableSchema table, String version) {
    Principal caller = request.principal();
    if (!ctx.access.canRead(caller, table.name())) {
      throw new ApiException(403, "Insufficient rights to query records", null);
    }
    QueryEngine.Compiled query = ctx.queries.compile(table, request.param("sysparm_query"), caller,
        ctx.caseSensitiveQueries);
    ctx.queries.and(query, nameValueConditions(request, table));
    Predicate<Map<String, String>> visible = visibility(caller, table);

    List<Map<String, String>> matches = new ArrayList<>();
    if (!(query.hasInvalidTerms() && ctx.invalidQueryReturnsNoRows)) {
      for (Map<String, String> row : ctx.store.list(table.name())) {
        if (query.test(row) && (ctx.limitBeforeAcl || visible.test(row))) {
          matches.add(row);
        }
      }
    }
    Comparator<Map<String, String>> order = query.comparator();
    if (order != null) {
      matches.sort(order);
    }
    int total = matches.size();
    int limit = intParam(request, "sysparm_limit", DEFAULT_LIMIT);
    if (limit <= 0) {
      limit = DEFAULT_LIMIT;
    }
    int offset = Math.max(0, intParam(request, "sysparm_offset", 0));
    List<Map<String, String>> page = offset >= total ? List.of()
        : matches.subList(offset, Math.min(total, offset + limit));
    if (ctx.limitBeforeAcl) {
      // sysparm_limit is applied before ACL evaluation: hidden rows leave holes in the page (reference A1.5)
      page = page.stream().filter(visible).toList();
    }
    if (page.isEmpty() && "v1".equals(version)) {
      throw ApiException.noRecord();
    }
    List<String> fields = RecordRenderer.parseFields(request.param("sysparm_fields"));
    DisplayMode mode = DisplayMode.parse(request.param("sysparm_display_value"));
    boolean excludeLink = request.flag("sysparm_exclude_reference_link");
    List<Object> result = new ArrayList<>(page.size());
    for (Map<String, String> row : page) {
      result.add(renderer.render(table, row, fields, mode, excludeLink, request.baseUrl()));
    }
    ApiResponse response = ApiResponse.result(200, result);
    boolean noCount = request.flag("sysparm_no_count");
    if (!request.flag("sysparm_suppress_pagination_header")) {
      String link = linkHeader(ctx.linkHeaderStyle, request, limit, offset, noCount ? -1 : total, page.size());
      if (link != null) {
        response.header("Link", link);
      }
    }
    if (!noCount) {
      response.header("X-Total-Count", Integer.toString(total));
    }
    return response;
  }

  private ApiResponse getOne(ApiRequest request, TableSchema table, String sysId) {
    Map<String, String> row = readable(request.principal(), table, sysId).orElseThrow(ApiException::noRecord);
    return ApiResponse.result(200, render(request, table, row));
  }

  private Optional<Map<String, String>> readable(Principal caller, TableSchema table, String sysId) {
    if (!ctx.access.canRead(caller, table.name())) {
      return Optional.empty();
    }
    return ctx.store.get(table.name(), sysId).filter(visibility(caller, table));
  }

  private Map<String, Object> render(ApiRequest request, TableSchema table, Map<String, String> row) {
    return renderer.render(table, row, RecordRenderer.parseFields(request.param("sysparm_fields")),
        DisplayMode.parse(request.param("sysparm_display_value")), request.flag("sysparm_exclude_reference_link"),
        request.baseUrl());
  }

  /** Row-level read rules of the caller: rows matching a hidden query are invisible. */
  private Predicate<Map<String, String>> visibility(Principal caller, TableSchema table) {
    List<Access.RowRule> rules = ctx.access.rowRules(caller, table.name());
    if (rules.isEmpty()) {
      return r -> true;
    }
    List<QueryEngine.Compiled> hidden = new ArrayList<>();
    for (Access.RowRule rule : rules) {
      hidden.add(ctx.queries.compile(table, rule.hiddenQuery(), caller, false));
    }
    return row -> hidden.stream().noneMatch(q -> q.test(row));
  }

  /** {@code &field=value} filters; they accept display values for choice and reference fields. */
  private List<Condition> nameValueConditions(ApiRequest request, TableSchema table) {
    List<Condition> out = new ArrayList<>();
    for (ApiRequest.Param p : request.params()) {
      String name = p.name();
      if (name.startsWith("sysparm_") || name.equalsIgnoreCase("x-sn-apikey") || !ctx.queries.isValidPath(table,
          name)) {
        continue;
      }
      String value = p.value();
      if (name.indexOf('.') < 0) {
        FieldDef f = table.field(name);
        if (f.type() == FieldType.CHOICE) {
          String v = ctx.choices.valueOf(table.name(), name, value);
          if (v != null && ctx.choices.label(table.name(), name, value) == null) {
            value = v;
          }
        } else if (f.isReference() && !value.isEmpty() && ctx.store.get(f.reference(), value).isEmpty()) {
          TableSchema ref = ctx.table(f.reference());
          for (Map<String, String> r : ctx.store.list(ref.name())) {
            if (value.equalsIgnoreCase(r.getOrDefault(ref.displayField(), ""))) {
              value = r.get("sys_id");
              break;
            }
          }
        }
      }
      out.add(new Condition(name, "=", value, true));
    }
    return out;
  }

  /** The {@code Link} header in the configured variant; total -1 when unknown (sysparm_no_count). */
  public static String linkHeader(LinkHeaderStyle style, ApiRequest request, int limit, int offset, int total,
                                  int pageSize) {
    boolean known = total >= 0;
    int last = known ? (total <= 0 ? 0 : ((total - 1) / limit) * limit) : -1;
    boolean hasNext = known ? offset + limit < total : pageSize >= limit;
    boolean hasPrev = offset > 0;
    if (style == LinkHeaderStyle.ONLY_APPLICABLE && !hasNext && !hasPrev) {
      return null; // everything on one page: no Link header at all
    }
    StringBuilder base = new StringBuilder(request.baseUrl()).append(request.path()).append('?');
    for (ApiRequest.Param p : request.params()) {
      if (p.name().equals("sysparm_limit") || p.name().equals("sysparm_offset")) {
        continue;
      }
      base.append(encode(p.name())).append('=').append(encode(p.value())).append('&');
    }
    base.append("sysparm_limit=").append(limit).append("&sysparm_offset=");
    List<String> rels = new ArrayList<>();
    rels.add("<" + base + 0 + ">;rel=\"first\"");
    if (style == LinkHeaderStyle.ALL_RELS || hasPrev) {
      rels.add("<" + base + (offset - limit) + ">;rel=\"prev\"");
    }
    if (style == LinkHeaderStyle.ALL_RELS || hasNext) {
      rels.add("<" + base + (offset + limit) + ">;rel=\"next\"");
    }
    if (known) {
      rels.add("<" + base + last + ">;rel=\"last\"");
    }
    return String.join(",", rels);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static int intParam(ApiRequest request, String name, int fallback) {
    String v = request.param(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  // ---------------------------------------------------------------- writes

  private ApiResponse create(ApiRequest request, TableSchema table) {
    Map<String, String> input = body(request);
    if (!ctx.access.canWrite(request.principal(), table.name())) {
      throw new ApiException(403, "Operation Failed", "ACL Exception Insert Failed due to security constraints");
    }
    Map<String, String> row = writer.insert(table, input, request.principal(),
        RecordWriter.Options.rest(request.flag("sysparm_input_display_value")));
    ApiResponse response = noBody(request) ? ApiResponse.empty(201)
        : ApiResponse.result(201, render(request, table, row));
    return response.header("Location", request.baseUrl() + "/api/now/table/" + table.name() + "/" + row.get("sys_id"));
  }

  private ApiResponse update(ApiRequest request, TableSchema table, String sysId) {
    Map<String, String> input = body(request);
    Principal caller = request.principal();
    if (readable(caller, table, sysId).isEmpty()) {
      throw ApiException.noRecord();
    }
    if (!ctx.access.canWrite(caller, table.name())) {
      throw new ApiException(403, "Operation Failed", "ACL Exception Update Failed due to security constraints");
    }
    // PUT behaves like PATCH: fields that are not sent keep their values (reference A1.1)
    Map<String, String> row = writer.update(table, sysId, input, caller,
        RecordWriter.Options.rest(request.flag("sysparm_input_display_value"))).orElseThrow(ApiException::noRecord);
    return noBody(request) ? ApiResponse.empty(200) : ApiResponse.result(200, render(request, table, row));
  }

  private ApiResponse delete(ApiRequest request, TableSchema table, String sysId) {
    Principal caller = request.principal();
    if (readable(caller, table, sysId).isEmpty()) {
      throw ApiException.noRecord();
    }
    if (!ctx.access.canWrite(caller, table.name())) {
      throw new ApiException(403, "Operation Failed", "ACL Exception Delete Failed due to security constraints");
    }
    if (!ctx.store.delete(table.name(), sysId)) {
      throw ApiException.noRecord();
    }
    return ApiResponse.empty(204);
  }

  private static boolean noBody(ApiRequest request) {
    return "true".equalsIgnoreCase(request.header("X-no-response-body"));
  }

  /** The request body as field → string; several records in an array: only the first counts (reference A1.1). */
  public static Map<String, String> body(ApiRequest request) {
    byte[] raw = request.body();
    Map<String, String> out = new LinkedHashMap<>();
    if (raw.length == 0 || new String(raw, StandardCharsets.UTF_8).isBlank()) {
      return out;
    }
    JsonNode node;
    try {
      node = Json.read(raw);
    } catch (IOException e) {
      throw ApiException.invalidJson();
    }
    if (node != null && node.isArray()) {
      node = node.size() == 0 ? null : node.get(0);
    }
    if (node == null || !node.isObject()) {
      throw ApiException.invalidJson();
    }
    node.fields().forEachRemaining(e -> out.put(e.getKey(), asString(e.getValue())));
    return out;
  }

  /** JSON numbers and booleans become strings; a reference object contributes its {@code value}. */
  public static String asString(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isValueNode()) {
      return v.asText();
    }
    if (v.isObject() && v.has("value")) {
      return v.get("value").asText();
    }
    return v.toString();
  }
}
