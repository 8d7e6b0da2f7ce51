package com.acme.servicenow.emulator.stats;

import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.data.FieldDef;
import com.acme.servicenow.emulator.data.FieldType;
import com.acme.servicenow.emulator.data.TableSchema;
import com.acme.servicenow.emulator.http.ApiException;
import com.acme.servicenow.emulator.http.ApiHandler;
import com.acme.servicenow.emulator.http.ApiRequest;
import com.acme.servicenow.emulator.http.ApiResponse;
import com.acme.servicenow.emulator.query.Condition;
import com.acme.servicenow.emulator.query.QueryEngine;
import com.acme.servicenow.emulator.table.RecordRenderer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Aggregate API, {@code GET /api/now/stats/{table}} (reference A2.2): count, avg, sum, min, max, group-by with
 * having and order-by. Numbers come back as strings; averages with four decimals.
 */
public final class AggregateApiHandler implements ApiHandler {

  private static final Pattern PATH = Pattern.compile("^/api/now(?:/v1)?/stats/([^/]+)/?$");
  private static final String[] AGGREGATES = {"avg", "min", "max", "sum"};

  private final EmulatorContext ctx;
  private final RecordRenderer renderer;

  public AggregateApiHandler(EmulatorContext ctx, RecordRenderer renderer) {
    this.ctx = ctx;
    this.renderer = renderer;
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
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      throw new ApiException(405, "Method not Supported", request.method() + " method not supported for API");
    }
    TableSchema table = ctx.table(m.group(1));
    if (table == null) {
      throw new ApiException(400, "Invalid table " + m.group(1), null);
    }
    if (!ctx.access.canRead(request.principal(), table.name())) {
      throw new ApiException(403, "Insufficient rights to query records", null);
    }
    QueryEngine.Compiled query = ctx.queries.compile(table, request.param("sysparm_query"), request.principal(),
        ctx.caseSensitiveQueries);
    List<Condition> nameValues = new ArrayList<>();
    for (ApiRequest.Param p : request.params()) {
      if (!p.name().startsWith("sysparm_") && ctx.queries.isValidPath(table, p.name())) {
        nameValues.add(new Condition(p.name(), "=", p.value(), true));
      }
    }
    ctx.queries.and(query, nameValues);
    List<Map<String, String>> rows = new ArrayList<>();
    if (!(query.hasInvalidTerms() && ctx.invalidQueryReturnsNoRows)) {
      for (Map<String, String> row : ctx.store.list(table.name())) {
        if (query.test(row)) {
          rows.add(row);
        }
      }
    }

    boolean count = request.flag("sysparm_count");
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String agg : AGGREGATES) {
      List<String> list = RecordRenderer.parseFields(request.param("sysparm_" + agg + "_fields"));
      if (list != null) {
        fields.put(agg, list.stream().filter(f -> ctx.queries.isValidPath(table, f)).toList());
      }
    }
    List<String> groupBy = RecordRenderer.parseFields(request.param("sysparm_group_by"));
    if (groupBy == null) {
      return ApiResponse.result(200, Map.of("stats", stats(table, rows, count, fields)));
    }
    groupBy = groupBy.stream().filter(f -> ctx.queries.isValidPath(table, f)).toList();

    Map<List<String>, List<Map<String, String>>> groups = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      List<String> key = new ArrayList<>();
      for (String g : groupBy) {
        key.add(ctx.queries.value(table, row, g));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    List<Group> result = new ArrayList<>();
    for (Map.Entry<List<String>, List<Map<String, String>>> e : groups.entrySet()) {
      result.add(new Group(e.getKey(), e.getValue()));
    }
    result.removeIf(g -> !having(table, g.rows, request.param("sysparm_having")));
    result.sort(order(table, request.param("sysparm_order_by"), groupBy));

    String displayParam = request.param("sysparm_display_value");
    boolean display = "true".equalsIgnoreCase(displayParam) || "all".equalsIgnoreCase(displayParam);
    List<Object> out = new ArrayList<>();
    for (Group g : result) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("stats", stats(table, g.rows, count, fields));
      List<Object> groupFields = new ArrayList<>();
      for (int i = 0; i < groupBy.size(); i++) {
        Map<String, Object> gf = new LinkedHashMap<>();
        gf.put("field", groupBy.get(i));
        gf.put("value", g.key.get(i));
        if (display) {
          gf.put("display_value", displayOf(table, groupBy.get(i), g.key.get(i)));
        }
        groupFields.add(gf);
      }
      item.put("groupby_fields", groupFields);
      out.add(item);
    }
    return ApiResponse.result(200, out);
  }

  private record Group(List<String> key, List<Map<String, String>> rows) {
  }

  private String displayOf(TableSchema table, String path, String value) {
    TableSchema t = table;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      t = ctx.table(t.field(parts[i]).reference());
    }
    FieldDef f = t.field(parts[parts.length - 1]);
    if (f.type() == FieldType.REFERENCE) {
      return ctx.displayValue(f.reference(), value);
    }
    return renderer.display(t, f, value);
  }

  private Map<String, Object> stats(TableSchema table, List<Map<String, String>> rows, boolean count,
                                    Map<String, List<String>> fields) {
    Map<String, Object> stats = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : fields.entrySet()) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String f : e.getValue()) {
        values.put(f, aggregate(table, rows, e.getKey(), f));
      }
      stats.put(e.getKey(), values);
    }
    if (count) {
      stats.put("count", Integer.toString(rows.size()));
    }
    return stats;
  }

  private String aggregate(TableSchema table, List<Map<String, String>> rows, String agg, String field) {
    List<String> values = new ArrayList<>();
    for (Map<String, String> row : rows) {
      String v = ctx.queries.value(table, row, field);
      if (!v.isEmpty()) {
        values.add(v);
      }
    }
    switch (agg) {
      case "min", "max" -> {
        if (values.isEmpty()) {
          return "";
        }
        Comparator<String> c = AggregateApiHandler::compareValues;
        return agg.equals("min") ? values.stream().min(c).orElse("") : values.stream().max(c).orElse("");
      }
      case "sum" -> {
        BigDecimal sum = BigDecimal.ZERO;
        for (String v : values) {
          sum = sum.add(number(v));
        }
        return sum.stripTrailingZeros().scale() <= 0 ? sum.toBigInteger().toString() : sum.toPlainString();
      }
      default -> {
        if (values.isEmpty()) {
          return "";
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (String v : values) {
          sum = sum.add(number(v));
        }
        return sum.divide(BigDecimal.valueOf(values.size()), 4, RoundingMode.HALF_UP).toPlainString();
      }
    }
  }

  private static BigDecimal number(String v) {
    try {
      return new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }

  private static int compareValues(String a, String b) {
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  /** {@code sysparm_having}: comma-separated {@code aggregate^field^operator^value}, all must hold. */
  private boolean having(TableSchema table, List<Map<String, String>> rows, String having) {
    if (having == null || having.isBlank()) {
      return true;
    }
    for (String clause : having.split(",")) {
      String[] p = clause.split("\\^");
      if (p.length != 4) {
        throw new ApiException(400, "Invalid having clause", "Expected aggregate^field^operator^value, got " + clause);
      }
      String agg = p[0].toLowerCase(Locale.ROOT);
      String actual = agg.equals("count") ? Integer.toString(rows.size()) : aggregate(table, rows, agg, p[1]);
      if (actual.isEmpty()) {
        return false;
      }
      int c = compareValues(actual, p[3]);
      boolean ok = switch (p[2]) {
        case "=" -> c == 0;
        case "!=" -> c != 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        default -> throw new ApiException(400, "Invalid having clause", "Unknown operator " + p[2]);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code sysparm_order_by}: {@code COUNT}, {@code AVG^field}, a group-by field; {@code ^DESC} reverses. */
  private Comparator<Group> order(TableSchema table, String orderBy, List<String> groupBy) {
    Comparator<Group> byKey = (a, b) -> {
      for (int i = 0; i < a.key.size(); i++) {
        int c = compareValues(a.key.get(i), b.key.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    if (orderBy == null || orderBy.isBlank()) {
      return byKey;
    }
    List<String> parts = new ArrayList<>(List.of(orderBy.split("\\^")));
    boolean desc = parts.size() > 1 && parts.get(parts.size() - 1).equalsIgnoreCase("DESC");
    if (desc) {
      parts.remove(parts.size() - 1);
    }
    String head = parts.get(0);
    Comparator<Group> c;
    if (head.equalsIgnoreCase("COUNT")) {
      c = Comparator.comparingInt(g -> g.rows.size());
    } else if (parts.size() == 2 && List.of("avg", "min", "max", "sum").contains(head.toLowerCase(Locale.ROOT))) {
      String agg = head.toLowerCase(Locale.ROOT);
      c = (a, b) -> compareValues(emptyAsZero(aggregate(table, a.rows, agg, parts.get(1))),
          emptyAsZero(aggregate(table, b.rows, agg, parts.get(1))));
    } else if (groupBy.contains(head)) {
      int i = groupBy.indexOf(head);
      c = (a, b) -> compareValues(a.key.get(i), b.key.get(i));
    } else {
      c = byKey;
    }
    return (desc ? c.reversed() : c).thenComparing(byKey);
  }

  private static String emptyAsZero(String s) {
    return s.isEmpty() ? "0" : s;
  }
}
