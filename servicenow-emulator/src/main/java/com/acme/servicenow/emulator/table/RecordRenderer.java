package com.acme.servicenow.emulator.table;

import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.data.FieldDef;
import com.acme.servicenow.emulator.data.FieldType;
import com.acme.servicenow.emulator.data.TableSchema;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns stored rows into Table API JSON: every value a string, reference fields and display values shaped by the
 * {@code sysparm_display_value} × {@code sysparm_exclude_reference_link} matrix of reference A1.3.
 */
public final class RecordRenderer {

  private final EmulatorContext ctx;

  public RecordRenderer(EmulatorContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Renders a row.
   *
   * @param fields requested fields ({@code sysparm_fields}), null for all; unknown names are skipped, dot-walked
   *               names appear literally as keys
   */
  public Map<String, Object> render(TableSchema table, Map<String, String> row, List<String> fields, DisplayMode mode,
                                    boolean excludeLink, String baseUrl) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (fields == null) {
      for (FieldDef f : table.fields()) {
        out.put(f.name(), renderField(table, row, f, mode, excludeLink, baseUrl));
      }
      return out;
    }
    for (String path : fields) {
      if (path.isEmpty() || out.containsKey(path) || !ctx.queries.isValidPath(table, path)) {
        continue;
      }
      if (path.indexOf('.') < 0) {
        out.put(path, renderField(table, row, table.field(path), mode, excludeLink, baseUrl));
        continue;
      }
      // walk to the last table and render the last field there, as if read from that table
      TableSchema t = table;
      Map<String, String> r = row;
      String[] parts = path.split("\\.");
      for (int i = 0; i < parts.length - 1 && r != null; i++) {
        FieldDef f = t.field(parts[i]);
        String id = r.getOrDefault(parts[i], "");
        t = ctx.table(f.reference());
        r = id.isEmpty() ? null : ctx.store.get(t.name(), id).orElse(null);
      }
      FieldDef last = t.field(parts[parts.length - 1]);
      out.put(path, renderField(t, r == null ? Map.of() : r, last, mode, excludeLink, baseUrl));
    }
    return out;
  }

  public static List<String> parseFields(String sysparmFields) {
    if (sysparmFields == null || sysparmFields.isBlank()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String f : sysparmFields.split(",")) {
      String name = f.trim();
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }

  Object renderField(TableSchema table, Map<String, String> row, FieldDef f, DisplayMode mode, boolean excludeLink,
                     String baseUrl) {
    String value = row.getOrDefault(f.name(), "");
    if (f.type() == FieldType.REFERENCE) {
      return renderReference(f, value, mode, excludeLink, baseUrl);
    }
    if (f.type() == FieldType.JOURNAL) {
      // journal inputs store nothing on the row; the entries live in sys_journal_field (reference A1.3)
      String text = mode == DisplayMode.FALSE ? "" : journalText(table.name(), row.getOrDefault("sys_id", ""), f);
      return switch (mode) {
        case FALSE -> "";
        case TRUE -> text;
        case ALL -> pair(text, "");
      };
    }
    return switch (mode) {
      case FALSE -> value;
      case TRUE -> display(table, f, value);
      case ALL -> pair(display(table, f, value), value);
    };
  }

  private Object renderReference(FieldDef f, String value, DisplayMode mode, boolean excludeLink, String baseUrl) {
    if (value.isEmpty()) {
      return mode == DisplayMode.ALL ? pair("", "") : "";
    }
    String display = ctx.displayValue(f.reference(), value);
    String link = baseUrl + "/api/now/table/" + f.reference() + "/" + value;
    Map<String, Object> out = new LinkedHashMap<>();
    switch (mode) {
      case FALSE -> {
        if (excludeLink) {
          return value;
        }
        out.put("link", link);
        out.put("value", value);
      }
      case TRUE -> {
        if (excludeLink) {
          return display;
        }
        out.put("display_value", display);
        out.put("link", link);
      }
      case ALL -> {
        out.put("display_value", display);
        if (!excludeLink) {
          out.put("link", link);
        }
        out.put("value", value);
      }
    }
    return out;
  }

  private static Map<String, Object> pair(String display, String value) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("display_value", display);
    out.put("value", value);
    return out;
  }

  /** Display string of a non-reference value. */
  public String display(TableSchema table, FieldDef f, String value) {
    if (value.isEmpty()) {
      return "";
    }
    return switch (f.type()) {
      case CHOICE -> {
        String label = ctx.choices.label(table.name(), f.name(), value);
        yield label == null ? value : label;
      }
      case INTEGER -> {
        try {
          yield NumberFormat.getIntegerInstance(Locale.US).format(Long.parseLong(value));
        } catch (NumberFormatException e) {
          yield value;
        }
      }
      default -> value;
    };
  }

  /**
   * Journal entries of one record, newest first, in the UI's format: {@code "<time> - <user name> (<label>)\n<text>\n\n"}.
   */
  public String journalText(String table, String sysId, FieldDef f) {
    if (sysId.isEmpty()) {
      return "";
    }
    List<Map<String, String>> entries = new ArrayList<>();
    boolean both = f.name().equals("comments_and_work_notes");
    for (Map<String, String> j : ctx.store.list("sys_journal_field")) {
      if (sysId.equals(j.get("element_id")) && table.equals(j.get("name"))
          && (both ? isCommentOrNote(j.get("element")) : f.name().equals(j.get("element")))) {
        entries.add(j);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = entries.size() - 1; i >= 0; i--) {
      Map<String, String> j = entries.get(i);
      String element = j.get("element");
      String label = "work_notes".equals(element) ? "Work notes" : "Additional comments";
      String user = j.getOrDefault("sys_created_by", "");
      String userName = ctx.store.get("sys_user", EmulatorContext.userSysId(user))
          .map(u -> u.getOrDefault("name", user)).orElse(user);
      sb.append(j.getOrDefault("sys_created_on", "")).append(" - ").append(userName).append(" (").append(label)
          .append(")\n").append(j.getOrDefault("value", "")).append("\n\n");
    }
    return sb.toString();
  }

  private static boolean isCommentOrNote(String element) {
    return "comments".equals(element) || "work_notes".equals(element);
  }
}
