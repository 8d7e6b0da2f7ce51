package com.acme.servicenow.emulator;

import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.data.TableSchema;
import com.acme.servicenow.emulator.table.RecordWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Direct access to the emulator's data for seeding and assertions, bypassing HTTP, authentication and faults.
 * Inserts and updates run the same business rules as the Table API (numbers, system fields, incident priority and
 * state stamps, journal entries) but no data policies, and may set {@code sys_*} fields such as {@code sys_created_on}.
 */
public final class Records {

  private final EmulatorContext ctx;
  private final RecordWriter writer;

  Records(EmulatorContext ctx, RecordWriter writer) {
    this.ctx = ctx;
    this.writer = writer;
  }

  /** Inserts a row; values are converted with {@code String.valueOf} (null → ""). Returns the stored row. */
  public Map<String, String> insert(String table, Map<String, ?> fields) {
    return writer.insert(schema(table), strings(fields), null, RecordWriter.Options.TRUSTED);
  }

  /** Updates a row like a PATCH; returns the stored row, or empty when it does not exist. */
  public Optional<Map<String, String>> update(String table, String sysId, Map<String, ?> fields) {
    return writer.update(schema(table), sysId, strings(fields), null, RecordWriter.Options.TRUSTED);
  }

  public Optional<Map<String, String>> get(String table, String sysId) {
    schema(table);
    return ctx.store.get(table, sysId);
  }

  /** All rows in insertion order. */
  public List<Map<String, String>> list(String table) {
    schema(table);
    return ctx.store.list(table);
  }

  /** Rows matching an encoded query (evaluated as the admin user). */
  public List<Map<String, String>> find(String table, String encodedQuery) {
    TableSchema t = schema(table);
    var query = ctx.queries.compile(t, encodedQuery, ctx.auth.principal("admin"), ctx.caseSensitiveQueries);
    var rows = ctx.store.list(table).stream().filter(query).toList();
    var order = query.comparator();
    return order == null ? rows : rows.stream().sorted(order).toList();
  }

  public int count(String table) {
    schema(table);
    return ctx.store.count(table);
  }

  public boolean delete(String table, String sysId) {
    schema(table);
    return ctx.store.delete(table, sysId);
  }

  public void clear(String table) {
    schema(table);
    ctx.store.clear(table);
  }

  /** Journal entries ({@code sys_journal_field} values) of one record and element, oldest first. */
  public List<String> journal(String table, String sysId, String element) {
    return ctx.store.list("sys_journal_field").stream()
        .filter(j -> sysId.equals(j.get("element_id")) && table.equals(j.get("name")) && element.equals(j.get("element")))
        .map(j -> j.get("value")).toList();
  }

  private TableSchema schema(String table) {
    TableSchema t = ctx.table(table);
    if (t == null) {
      throw new IllegalArgumentException("Invalid table " + table);
    }
    return t;
  }

  private static Map<String, String> strings(Map<String, ?> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
    return out;
  }
}
