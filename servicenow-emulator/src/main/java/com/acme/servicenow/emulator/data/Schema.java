package com.acme.servicenow.emulator.data;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** All table dictionaries of one emulator instance. Filled while building, read-only afterwards. */
public final class Schema {

  private final Map<String, TableSchema> tables = new LinkedHashMap<>();

  public void add(TableSchema table) {
    tables.put(table.name(), table);
  }

  public TableSchema table(String name) {
    return tables.get(name);
  }

  public boolean has(String name) {
    return tables.containsKey(name);
  }

  public Collection<TableSchema> tables() {
    return tables.values();
  }

  /** True if {@code table} is {@code ancestor} or extends it (INSTANCEOF). */
  public boolean isInstanceOf(String table, String ancestor) {
    String t = table;
    while (t != null) {
      if (t.equals(ancestor)) {
        return true;
      }
      TableSchema s = tables.get(t);
      t = s == null ? null : s.superClass();
    }
    return false;
  }
}
