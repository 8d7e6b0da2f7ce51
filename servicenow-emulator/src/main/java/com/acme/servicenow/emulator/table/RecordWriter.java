package com.acme.servicenow.emulator.table;

import com.acme.servicenow.emulator.auth.Principal;
import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.data.FieldDef;
import com.acme.servicenow.emulator.data.FieldType;
import com.acme.servicenow.emulator.data.GlideTime;
import com.acme.servicenow.emulator.data.SysIds;
import com.acme.servicenow.emulator.data.TableSchema;
import com.acme.servicenow.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Inserts and updates rows the way the platform does: system fields, numbers, defaults, business rules (incident
 * priority and state model, reference A6), the resolve data policy and journal entries.
 */
public final class RecordWriter {

  /** How a write was requested. */
  public record Options(boolean inputDisplayValue, boolean enforcePolicies, boolean trusted) {
    /** A Table API call. */
    public static Options rest(boolean inputDisplayValue) {
      return new Options(inputDisplayValue, true, false);
    }

    /** Seeding and test set-up: may set system fields, no data policies. */
    public static final Options TRUSTED = new Options(false, false, true);
  }

  private static final Set<String> TASK_CLOSED_STATES = Set.of("3", "4", "7");

  private final EmulatorContext ctx;

  public RecordWriter(EmulatorContext ctx) {
    this.ctx = ctx;
  }

  public Map<String, String> insert(TableSchema table, Map<String, String> input, Principal caller, Options options) {
    String now = GlideTime.format(ctx.clock.now());
    String user = caller == null ? "system" : caller.userName();
    Map<String, String> row = new LinkedHashMap<>();
    for (FieldDef f : table.fields()) {
      row.put(f.name(), "");
    }
    String sysId = input.get("sys_id");
    row.put("sys_id", SysIds.isSysId(sysId) ? sysId : SysIds.random());
    row.put("sys_created_on", now);
    row.put("sys_created_by", user);
    row.put("sys_updated_on", now);
    row.put("sys_updated_by", user);
    row.put("sys_mod_count", "0");
    row.put("sys_class_name", table.name());
    row.put("sys_domain", "global");
    Map<String, String> journal = apply(table, row, input, options);
    defaults(table, row, caller, now);
    rules(table, null, row, caller, now, options);
    if (table.numberPrefix() != null && row.getOrDefault("number", "").isEmpty()) {
      row.put("number", ctx.store.nextNumber(table.numberPrefix()));
    }
    Map<String, String> stored = ctx.store.put(table.name(), row);
    writeJournal(table, stored.get("sys_id"), journal, user, now);
    return stored;
  }

  public Optional<Map<String, String>> update(TableSchema table, String sysId, Map<String, String> input,
                                              Principal caller, Options options) {
    String now = GlideTime.format(ctx.clock.now());
    String user = caller == null ? "system" : caller.userName();
    Map<String, String>[] journal = new Map[1];
    Optional<Map<String, String>> updated = ctx.store.update(table.name(), sysId, current -> {
      Map<String, String> row = new LinkedHashMap<>(current);
      journal[0] = apply(table, row, input, options);
      rules(table, current, row, caller, now, options);
      int mods = parseInt(current.get("sys_mod_count")) + 1;
      row.put("sys_mod_count", Integer.toString(mods));
      if (!options.trusted() || !input.containsKey("sys_updated_on")) {
        row.put("sys_updated_on", now);
      }
      row.put("sys_updated_by", user);
      return row;
    });
    updated.ifPresent(r -> writeJournal(table, sysId, journal[0], user, now));
    return updated;
  }

  /** Copies writable input values onto the row; returns journal inputs (field → text) to append afterwards. */
  private Map<String, String> apply(TableSchema table, Map<String, String> row, Map<String, String> input,
                                    Options options) {
    Map<String, String> journal = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : input.entrySet()) {
      String name = e.getKey();
      FieldDef f = table.field(name);
      if (f == null) {
        continue; // unknown fields are ignored silently
      }
      String value = e.getValue() == null ? "" : e.getValue();
      if (name.startsWith("sys_") && !options.trusted()) {
        continue;
      }
      if (name.equals("sys_id")) {
        continue;
      }
      if (f.type() == FieldType.JOURNAL) {
        if (!value.isBlank()) {
          journal.put(name, value);
        }
        continue;
      }
      if (options.inputDisplayValue()) {
        value = fromDisplayValue(table, f, value);
      }
      if (f.type() == FieldType.BOOLEAN && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
        value = value.toLowerCase();
      }
      row.put(name, value);
    }
    return journal;
  }

  private String fromDisplayValue(TableSchema table, FieldDef f, String value) {
    if (value.isEmpty()) {
      return value;
    }
    if (f.type() == FieldType.REFERENCE) {
      TableSchema ref = ctx.table(f.reference());
      if (ref == null || ctx.store.get(ref.name(), value).isPresent()) {
        return value;
      }
      for (Map<String, String> r : ctx.store.list(ref.name())) {
        if (value.equalsIgnoreCase(r.getOrDefault(ref.displayField(), ""))) {
          return r.get("sys_id");
        }
      }
      return value;
    }
    if (f.type() == FieldType.CHOICE) {
      String v = ctx.choices.valueOf(table.name(), f.name(), value);
      return v == null ? value : v;
    }
    return value;
  }

  private void defaults(TableSchema table, Map<String, String> row, Principal caller, String now) {
    if (!ctx.schema.isInstanceOf(table.name(), "task")) {
      if (table.hasField("active") && row.get("active").isEmpty()) {
        row.put("active", "true");
      }
      return;
    }
    putIfEmpty(row, "opened_at", now);
    if (caller != null) {
      putIfEmpty(row, "opened_by", caller.sysId());
    }
    switch (table.name()) {
      case "incident" -> {
        putIfEmpty(row, "state", "1");
        putIfEmpty(row, "impact", "3");
        putIfEmpty(row, "urgency", "3");
        putIfEmpty(row, "category", "inquiry");
        putIfEmpty(row, "severity", "3");
        putIfEmpty(row, "reassignment_count", "0");
        putIfEmpty(row, "reopen_count", "0");
        putIfEmpty(row, "escalation", "0");
      }
      case "problem" -> {
        putIfEmpty(row, "state", "101");
        putIfEmpty(row, "impact", "3");
        putIfEmpty(row, "urgency", "3");
      }
      case "change_request" -> {
        putIfEmpty(row, "state", "-5");
        putIfEmpty(row, "type", "normal");
        putIfEmpty(row, "impact", "3");
        putIfEmpty(row, "urgency", "3");
        putIfEmpty(row, "approval", "not requested");
      }
      case "sc_request" -> {
        putIfEmpty(row, "state", "1");
        putIfEmpty(row, "request_state", "requested");
        putIfEmpty(row, "approval", "approved");
        putIfEmpty(row, "stage", "requested");
      }
      case "sc_req_item" -> {
        putIfEmpty(row, "state", "1");
        putIfEmpty(row, "stage", "request_approved");
        putIfEmpty(row, "approval", "approved");
        putIfEmpty(row, "quantity", "1");
      }
      default -> putIfEmpty(row, "state", "1");
    }
    if (table.hasField("priority") && table.hasField("impact")) {
      putIfEmpty(row, "priority", priority(row.get("impact"), row.get("urgency")));
    }
    putIfEmpty(row, "active", "true");
  }

  /** Business rules and data policies run on every insert and update ({@code before} is null on insert). */
  private void rules(TableSchema table, Map<String, String> before, Map<String, String> row, Principal caller,
                     String now, Options options) {
    String who = caller == null ? "" : caller.sysId();
    if (table.name().equals("incident")) {
      // the priority data lookup overwrites whatever the client sent (reference A6)
      row.put("priority", priority(row.get("impact"), row.get("urgency")));
      String oldState = before == null ? "" : before.getOrDefault("state", "");
      String state = row.getOrDefault("state", "");
      if (options.enforcePolicies() && (state.equals("6") || state.equals("7"))) {
        List<String> missing = new ArrayList<>();
        if (row.getOrDefault("close_code", "").isEmpty()) {
          missing.add(table.field("close_code").label());
        }
        if (row.getOrDefault("close_notes", "").isEmpty()) {
          missing.add(table.field("close_notes").label());
        }
        if (!missing.isEmpty()) {
          throw new ApiException(403, "Operation Failed",
              "Data Policy Exception: The following fields are mandatory: " + String.join(", ", missing));
        }
      }
      if (!state.equals(oldState)) {
        switch (state) {
          case "6" -> {
            putIfEmpty(row, "resolved_at", now);
            putIfEmpty(row, "resolved_by", who);
            row.put("active", "true");
          }
          case "7" -> {
            putIfEmpty(row, "resolved_at", now);
            putIfEmpty(row, "resolved_by", who);
            putIfEmpty(row, "closed_at", now);
            putIfEmpty(row, "closed_by", who);
            row.put("active", "false");
          }
          case "8" -> row.put("active", "false");
          default -> {
            row.put("active", "true");
            if (oldState.equals("6") || oldState.equals("7")) {
              row.put("resolved_at", "");
              row.put("resolved_by", "");
              row.put("closed_at", "");
              row.put("closed_by", "");
              row.put("reopen_count", Integer.toString(parseInt(row.get("reopen_count")) + 1));
            }
          }
        }
      }
      if (!state.equals("3")) {
        row.put("hold_reason", "");
      }
      row.put("incident_state", state);
      if (before != null && !before.getOrDefault("assignment_group", "").equals(row.getOrDefault("assignment_group", ""))
          && !before.getOrDefault("assignment_group", "").isEmpty()) {
        row.put("reassignment_count", Integer.toString(parseInt(row.get("reassignment_count")) + 1));
      }
      return;
    }
    if (ctx.schema.isInstanceOf(table.name(), "task") && before != null) {
      String state = row.getOrDefault("state", "");
      if (!state.equals(before.getOrDefault("state", ""))) {
        boolean closed = table.name().equals("change_request") ? Set.of("3", "4").contains(state)
            : table.name().equals("problem") ? Set.of("107").contains(state) : TASK_CLOSED_STATES.contains(state);
        row.put("active", closed ? "false" : "true");
        if (closed && table.hasField("closed_at")) {
          putIfEmpty(row, "closed_at", now);
          putIfEmpty(row, "closed_by", who);
        }
      }
    }
  }

  private void writeJournal(TableSchema table, String sysId, Map<String, String> journal, String user, String now) {
    if (journal == null) {
      return;
    }
    for (Map.Entry<String, String> e : journal.entrySet()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("sys_id", SysIds.random());
      entry.put("element_id", sysId);
      entry.put("element", e.getKey());
      entry.put("value", e.getValue());
      entry.put("name", table.name());
      entry.put("sys_created_on", now);
      entry.put("sys_created_by", user);
      entry.put("sys_updated_on", now);
      entry.put("sys_updated_by", user);
      entry.put("sys_mod_count", "0");
      entry.put("sys_class_name", "sys_journal_field");
      entry.put("sys_domain", "global");
      ctx.store.put("sys_journal_field", entry);
    }
  }

  /** The out-of-box priority lookup (reference A6). */
  public static String priority(String impact, String urgency) {
    int i = clamp(parseInt(impact));
    int u = clamp(parseInt(urgency));
    return Integer.toString(Math.min(5, i + u - 1));
  }

  private static int clamp(int v) {
    return v < 1 || v > 3 ? 3 : v;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s == null ? "" : s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void putIfEmpty(Map<String, String> row, String field, String value) {
    if (row.containsKey(field) && row.get(field).isEmpty()) {
      row.put(field, value);
    }
  }
}
