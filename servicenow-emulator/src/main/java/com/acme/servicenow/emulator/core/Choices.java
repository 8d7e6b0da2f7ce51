package com.acme.servicenow.emulator.core;

import com.acme.servicenow.emulator.data.DataStore;
import java.util.HashMap;
import java.util.Map;

/** Choice labels read from {@code sys_choice} rows, cached until that table changes. */
public final class Choices {

  private final DataStore store;
  private volatile Map<String, String> labels = Map.of();
  private volatile Map<String, String> values = Map.of();
  private volatile long version = -1;

  public Choices(DataStore store) {
    this.store = store;
  }

  /** The label of a choice value, or null when there is no such choice. */
  public String label(String table, String element, String value) {
    refresh();
    return labels.get(table + '\u0000' + element + '\u0000' + value);
  }

  /** The value whose label is {@code label} (case-insensitive), or null. */
  public String valueOf(String table, String element, String label) {
    refresh();
    return values.get(table + '\u0000' + element + '\u0000' + label.toLowerCase());
  }

  private void refresh() {
    long current = store.version("sys_choice");
    if (current == version) {
      return;
    }
    synchronized (this) {
      if (current == version) {
        return;
      }
      Map<String, String> l = new HashMap<>();
      Map<String, String> v = new HashMap<>();
      for (Map<String, String> row : store.list("sys_choice")) {
        String key = row.getOrDefault("name", "") + '\u0000' + row.getOrDefault("element", "") + '\u0000';
        l.put(key + row.getOrDefault("value", ""), row.getOrDefault("label", ""));
        v.putIfAbsent(key + row.getOrDefault("label", "").toLowerCase(), row.getOrDefault("value", ""));
      }
      labels = l;
      values = v;
      version = current;
    }
  }
}
