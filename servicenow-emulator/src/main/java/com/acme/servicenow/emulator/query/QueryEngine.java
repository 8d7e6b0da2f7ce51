package com.acme.servicenow.emulator.query;

import com.acme.servicenow.emulator.EmulatorClock;
import com.acme.servicenow.emulator.auth.Principal;
import com.acme.servicenow.emulator.data.DataStore;
import com.acme.servicenow.emulator.data.FieldDef;
import com.acme.servicenow.emulator.data.GlideTime;
import com.acme.servicenow.emulator.data.Schema;
import com.acme.servicenow.emulator.data.TableSchema;
import com.acme.servicenow.emulator.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Evaluates encoded queries against rows, including dot-walks through reference fields. */
public final class QueryEngine {

  private static final Pattern JS_CALL = Pattern.compile("javascript:\\s*gs\\.(\\w+)\\(\\s*(.*?)\\s*\\)\\s*;?\\s*");

  private final DataStore store;
  private final Schema schema;
  private final EmulatorClock clock;

  public QueryEngine(DataStore store, EmulatorClock clock) {
    this.store = store;
    this.schema = store.schema();
    this.clock = clock;
  }

  /** A query bound to one table and caller, ready to filter and sort rows. */
  public final class Compiled implements Predicate<Map<String, String>> {
    private final TableSchema table;
    private final List<List<List<Condition>>> groups = new ArrayList<>();
    private final List<EncodedQuery.Order> orders = new ArrayList<>();
    private final boolean caseSensitive;
    private boolean hasInvalid;

    private Compiled(TableSchema table, boolean caseSensitive) {
      this.table = table;
      this.caseSensitive = caseSensitive;
    }

    /** True if some term named an unknown field or operator. */
    public boolean hasInvalidTerms() {
      return hasInvalid;
    }

    @Override
    public boolean test(Map<String, String> row) {
      if (groups.isEmpty()) {
        return true;
      }
      for (List<List<Condition>> group : groups) {
        if (groupMatches(group, row)) {
          return true;
        }
      }
      return false;
    }

    private boolean groupMatches(List<List<Condition>> group, Map<String, String> row) {
      for (List<Condition> clause : group) {
        boolean any = false;
        for (Condition c : clause) {
          if (conditionMatches(c, row)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      return true;
    }

    private boolean conditionMatches(Condition c, Map<String, String> row) {
      if (!c.valid()) {
        return true; // invalid parts are ignored (reference A1.2)
      }
      String v = value(table, row, c.field());
      String t = c.value();
      return switch (c.operator()) {
        case "=" -> eq(v, t);
        case "!=" -> !eq(v, t);
        case "LIKE", "*" -> contains(v, t);
        case "NOT LIKE", "!*" -> !contains(v, t);
        case "STARTSWITH" -> norm(v).startsWith(norm(t));
        case "ENDSWITH" -> norm(v).endsWith(norm(t));
        case "IN" -> in(v, t);
        case "NOT IN" -> !in(v, t);
        case "ISEMPTY", "EMPTYSTRING" -> v.isEmpty();
        case "ISNOTEMPTY" -> !v.isEmpty();
        case "ANYTHING" -> true;
        case "<" -> !v.isEmpty() && compare(v, t) < 0;
        case "<=" -> !v.isEmpty() && compare(v, t) <= 0;
        case ">" -> !v.isEmpty() && compare(v, t) > 0;
        case ">=" -> !v.isEmpty() && compare(v, t) >= 0;
        case "BETWEEN" -> between(v, t);
        case "SAMEAS" -> eq(v, value(table, row, t));
        case "NSAMEAS" -> !eq(v, value(table, row, t));
        case "INSTANCEOF" -> schema.isInstanceOf(row.getOrDefault("sys_class_name", table.name()), t);
        default -> true;
      };
    }

    private String norm(String s) {
      return caseSensitive ? s : s.toLowerCase(Locale.ROOT);
    }

    private boolean eq(String a, String b) {
      return caseSensitive ? a.equals(b) : a.equalsIgnoreCase(b);
    }

    private boolean contains(String v, String t) {
      return norm(v).contains(norm(t));
    }

    private boolean in(String v, String list) {
      for (String item : list.split(",", -1)) {
        if (eq(v, item.trim())) {
          return true;
        }
      }
      return false;
    }

    private boolean between(String v, String range) {
      int at = range.indexOf('@');
      if (at < 0 || v.isEmpty()) {
        return false;
      }
      return compare(v, range.substring(0, at)) >= 0 && compare(v, range.substring(at + 1)) <= 0;
    }

    private int compare(String a, String b) {
      Double x = number(a);
      Double y = number(b);
      if (x != null && y != null) {
        return Double.compare(x, y);
      }
      return caseSensitive ? a.compareTo(b) : a.compareToIgnoreCase(b);
    }

    /** Sort order of the query, or null when it has no ORDERBY. */
    public Comparator<Map<String, String>> comparator() {
      Comparator<Map<String, String>> result = null;
      for (EncodedQuery.Order order : orders) {
        if (!isValidPath(table, order.field())) {
          continue;
        }
        Comparator<Map<String, String>> c = (r1, r2) -> {
          String a = value(table, r1, order.field());
          String b = value(table, r2, order.field());
          Double x = number(a);
          Double y = number(b);
          if (x != null && y != null) {
            return Double.compare(x, y);
          }
          return a.compareToIgnoreCase(b);
        };
        if (order.descending()) {
          c = c.reversed();
        }
        result = result == null ? c : result.thenComparing(c);
      }
      return result;
    }
  }

  private static Double number(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    char c = s.charAt(0);
    if (!(c == '-' || c == '.' || (c >= '0' && c <= '9'))) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Compiles a query for a table. {@code javascript:} values are evaluated from a small whitelist; others are
   * rejected with a 400 rather than silently matching nothing.
   */
  public Compiled compile(TableSchema table, String encodedQuery, Principal caller, boolean caseSensitive) {
    Compiled compiled = new Compiled(table, caseSensitive);
    add(compiled, EncodedQuery.parse(encodedQuery), caller);
    return compiled;
  }

  /** ANDs further conditions (e.g. name-value pairs) onto every group of a compiled query. */
  public void and(Compiled compiled, List<Condition> conditions) {
    if (conditions.isEmpty()) {
      return;
    }
    for (Condition c : conditions) {
      if (!c.valid()) {
        compiled.hasInvalid = true;
      }
    }
    if (compiled.groups.isEmpty()) {
      compiled.groups.add(new ArrayList<>());
    }
    for (List<List<Condition>> group : compiled.groups) {
      for (Condition c : conditions) {
        group.add(List.of(c));
      }
    }
  }

  private void add(Compiled compiled, EncodedQuery query, Principal caller) {
    for (List<List<Condition>> group : query.groups()) {
      List<List<Condition>> g = new ArrayList<>();
      for (List<Condition> clause : group) {
        List<Condition> cl = new ArrayList<>();
        for (Condition c : clause) {
          boolean valid = c.valid() && isValidPath(compiled.table, c.field());
          if (!valid) {
            compiled.hasInvalid = true;
          }
          cl.add(new Condition(c.field(), c.operator(), resolveValue(c.value(), caller), valid));
        }
        g.add(cl);
      }
      compiled.groups.add(g);
    }
    compiled.orders.addAll(query.orders());
  }

  /** True if every step of a dot-walked path exists (all but the last must be references). */
  public boolean isValidPath(TableSchema table, String path) {
    TableSchema t = table;
    String[] parts = path.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      FieldDef f = t == null ? null : t.field(parts[i]);
      if (f == null) {
        return false;
      }
      if (i < parts.length - 1) {
        if (!f.isReference()) {
          return false;
        }
        t = schema.table(f.reference());
      }
    }
    return true;
  }

  /** Raw value at a possibly dot-walked path; "" when a reference on the way is empty or dangling. */
  public String value(TableSchema table, Map<String, String> row, String path) {
    if (path.indexOf('.') < 0) {
      return row.getOrDefault(path, "");
    }
    TableSchema t = table;
    Map<String, String> r = row;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      FieldDef f = t.field(parts[i]);
      if (f == null || !f.isReference()) {
        return "";
      }
      String id = r.getOrDefault(parts[i], "");
      t = schema.table(f.reference());
      if (t == null || id.isEmpty()) {
        return "";
      }
      r = store.get(t.name(), id).orElse(null);
      if (r == null) {
        return "";
      }
    }
    return r.getOrDefault(parts[parts.length - 1], "");
  }

  /** Replaces whitelisted {@code javascript:gs.*()} values (also inside BETWEEN ranges and IN lists). */
  String resolveValue(String value, Principal caller) {
    if (!value.contains("javascript:")) {
      return value;
    }
    if (value.contains("@")) {
      String[] parts = value.split("@", -1);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          sb.append('@');
        }
        sb.append(resolveValue(parts[i], caller));
      }
      return sb.toString();
    }
    Matcher m = JS_CALL.matcher(value.trim());
    if (!m.matches()) {
      throw unsupported(value);
    }
    String fn = m.group(1);
    String args = m.group(2);
    Instant now = clock.now();
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    return switch (fn) {
      case "getUserID" -> caller == null ? "" : caller.sysId();
      case "getUserName" -> caller == null ? "" : caller.userName();
      case "nowDateTime", "nowNoTZ" -> GlideTime.format(now);
      case "now" -> today.toString();
      case "beginningOfToday" -> startOf(today);
      case "endOfToday" -> endOf(today);
      case "beginningOfYesterday" -> startOf(today.minusDays(1));
      case "endOfYesterday" -> endOf(today.minusDays(1));
      case "beginningOfLast7Days" -> startOf(today.minusDays(7));
      case "beginningOfLast30Days" -> startOf(today.minusDays(30));
      case "daysAgo" -> GlideTime.format(now.minus(Duration.ofDays(intArg(args, value))));
      case "daysAgoStart" -> startOf(today.minusDays(intArg(args, value)));
      case "daysAgoEnd" -> endOf(today.minusDays(intArg(args, value)));
      case "hoursAgo" -> GlideTime.format(now.minus(Duration.ofHours(intArg(args, value))));
      case "minutesAgo" -> GlideTime.format(now.minus(Duration.ofMinutes(intArg(args, value))));
      case "dateGenerate" -> dateGenerate(args, value);
      default -> throw unsupported(value);
    };
  }

  private static String startOf(LocalDate d) {
    return d + " 00:00:00";
  }

  private static String endOf(LocalDate d) {
    return d + " 23:59:59";
  }

  private static int intArg(String args, String original) {
    try {
      return Integer.parseInt(args.isEmpty() ? "0" : args.replace("'", "").trim());
    } catch (NumberFormatException e) {
      throw unsupported(original);
    }
  }

  private static String dateGenerate(String args, String original) {
    String[] parts = args.replace("'", "").replace("\"", "").split(",");
    if (parts.length != 2) {
      throw unsupported(original);
    }
    String date = parts[0].trim();
    String time = parts[1].trim();
    if (time.equals("start")) {
      time = "00:00:00";
    } else if (time.equals("end")) {
      time = "23:59:59";
    }
    return date + " " + time;
  }

  private static ApiException unsupported(String value) {
    return new ApiException(400, "Invalid query",
        "The emulator evaluates only these javascript: values: gs.getUserID(), gs.getUserName(), gs.now(), "
            + "gs.nowDateTime(), gs.beginningOfToday(), gs.endOfToday(), gs.beginningOfYesterday(), "
            + "gs.endOfYesterday(), gs.beginningOfLast7Days(), gs.beginningOfLast30Days(), gs.daysAgo(n), "
            + "gs.daysAgoStart(n), gs.daysAgoEnd(n), gs.hoursAgo(n), gs.minutesAgo(n), gs.dateGenerate(date,time); got "
            + value);
  }
}
