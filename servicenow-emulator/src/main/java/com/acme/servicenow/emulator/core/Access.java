package com.acme.servicenow.emulator.core;

import com.acme.servicenow.emulator.auth.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Table- and row-level permissions. Without a rule every authenticated user may read and write every table (an
 * emulator should not get in the way); a {@code tableAccess} rule for a user and table replaces that default.
 */
public final class Access {

  private record TableRule(boolean read, boolean write) {
  }

  /** Rows of {@code table} matching {@code hiddenQuery} are invisible to {@code user} (a row-level read ACL). */
  public record RowRule(String user, String table, String hiddenQuery) {
  }

  private final Map<String, Map<String, TableRule>> tableRules = new ConcurrentHashMap<>();
  private final Set<String> apiDenied = ConcurrentHashMap.newKeySet();
  private final List<RowRule> rowRules = new CopyOnWriteArrayList<>();

  public void tableAccess(String user, String table, boolean read, boolean write) {
    tableRules.computeIfAbsent(user, u -> new ConcurrentHashMap<>()).put(table, new TableRule(read, write));
  }

  public void denyApi(String user) {
    apiDenied.add(user);
  }

  public void hideRows(String user, String table, String hiddenQuery) {
    rowRules.add(new RowRule(user, table, hiddenQuery));
  }

  public boolean apiAllowed(Principal p) {
    return p == null || !apiDenied.contains(p.userName());
  }

  public boolean canRead(Principal p, String table) {
    TableRule r = rule(p, table);
    return r == null || r.read;
  }

  public boolean canWrite(Principal p, String table) {
    TableRule r = rule(p, table);
    return r == null || r.write;
  }

  public boolean hasRowRules() {
    return !rowRules.isEmpty();
  }

  public List<RowRule> rowRules(Principal p, String table) {
    if (p == null || rowRules.isEmpty()) {
      return List.of();
    }
    return rowRules.stream().filter(r -> r.user.equals(p.userName()) && r.table.equals(table)).toList();
  }

  private TableRule rule(Principal p, String table) {
    if (p == null) {
      return null;
    }
    Map<String, TableRule> rules = tableRules.get(p.userName());
    return rules == null ? null : rules.get(table);
  }
}
