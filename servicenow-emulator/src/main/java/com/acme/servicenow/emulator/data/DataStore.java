package com.acme.servicenow.emulator.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * In-memory rows of every table. Rows are immutable maps replaced as a whole, so readers never need a lock; writes
 * to one table are serialised by a per-table lock so read-modify-write updates do not lose changes. Rows keep their
 * insertion order, which is the "database order" of unordered queries.
 */
public final class DataStore {

  private final Schema schema;
  private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicInteger> numbers = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Runnable> readHooks = new ConcurrentHashMap<>();
  private final ThreadLocal<Boolean> inHook = ThreadLocal.withInitial(() -> false);

  /**
   * Runs {@code hook} before rows of {@code table} are read, so state derived from the clock (flow contexts) is
   * brought up to date lazily. The hook may read and write the store itself.
   */
  public void onRead(String tableName, Runnable hook) {
    readHooks.put(tableName, hook);
  }

  private void beforeRead(String tableName) {
    Runnable hook = readHooks.get(tableName);
    if (hook != null && !inHook.get()) {
      inHook.set(true);
      try {
        hook.run();
      } finally {
        inHook.set(false);
      }
    }
  }

  private record Row(long seq, Map<String, String> values) {
  }

  private static final class Table {
    final ConcurrentHashMap<String, Row> rows = new ConcurrentHashMap<>();
    final AtomicLong version = new AtomicLong();
  }

  public DataStore(Schema schema) {
    this.schema = schema;
  }

  public Schema schema() {
    return schema;
  }

  private Table table(String name) {
    if (!schema.has(name)) {
      throw new IllegalArgumentException("Invalid table " + name);
    }
    return tables.computeIfAbsent(name, n -> new Table());
  }

  /** Rows in insertion order. */
  public List<Map<String, String>> list(String tableName) {
    Table t = table(tableName);
    beforeRead(tableName);
    List<Row> rows = new ArrayList<>(t.rows.values());
    rows.sort(Comparator.comparingLong(Row::seq));
    List<Map<String, String>> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(r.values);
    }
    return out;
  }

  public Optional<Map<String, String>> get(String tableName, String sysId) {
    if (sysId == null) {
      return Optional.empty();
    }
    Table t = table(tableName);
    beforeRead(tableName);
    Row row = t.rows.get(sysId);
    return row == null ? Optional.empty() : Optional.of(row.values);
  }

  public int count(String tableName) {
    return table(tableName).rows.size();
  }

  /** Inserts or replaces the row with this sys_id (keeping its position when replacing). */
  public Map<String, String> put(String tableName, Map<String, String> values) {
    Table t = table(tableName);
    Map<String, String> frozen = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    String sysId = frozen.get("sys_id");
    synchronized (t) {
      Row old = t.rows.get(sysId);
      t.rows.put(sysId, new Row(old == null ? sequence.incrementAndGet() : old.seq, frozen));
      t.version.incrementAndGet();
    }
    return frozen;
  }

  /**
   * Atomically replaces a row with {@code change.apply(current)}; returns the new row, or empty when the row does not
   * exist. Exceptions thrown by {@code change} leave the row untouched.
   */
  public Optional<Map<String, String>> update(String tableName, String sysId, UnaryOperator<Map<String, String>> change) {
    Table t = table(tableName);
    synchronized (t) {
      Row old = t.rows.get(sysId);
      if (old == null) {
        return Optional.empty();
      }
      Map<String, String> changed = change.apply(old.values);
      if (changed == old.values) {
        return Optional.of(old.values); // nothing changed: keep the row and the table version
      }
      Map<String, String> next = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
      t.rows.put(sysId, new Row(old.seq, next));
      t.version.incrementAndGet();
      return Optional.of(next);
    }
  }

  public boolean delete(String tableName, String sysId) {
    Table t = table(tableName);
    synchronized (t) {
      boolean removed = t.rows.remove(sysId) != null;
      t.version.incrementAndGet();
      return removed;
    }
  }

  public void clear(String tableName) {
    Table t = table(tableName);
    synchronized (t) {
      t.rows.clear();
      t.version.incrementAndGet();
    }
  }

  public void clearAll() {
    for (TableSchema s : schema.tables()) {
      clear(s.name());
    }
    numbers.clear();
  }

  /** Changes whenever the table changes; lets caches (choice labels) know when to rebuild. */
  public long version(String tableName) {
    return table(tableName).version.get();
  }

  /** Next number for a prefix: INC0010001, INC0010002, … (new records on PDIs start around 10001). */
  public String nextNumber(String prefix) {
    int n = numbers.computeIfAbsent(prefix, p -> new AtomicInteger(10000)).incrementAndGet();
    return prefix + String.format("%07d", n);
  }
}
