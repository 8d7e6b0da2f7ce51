package com.acme.servicenow.emulator.core;

import com.acme.servicenow.emulator.EmulatorClock;
import com.acme.servicenow.emulator.LinkHeaderStyle;
import com.acme.servicenow.emulator.auth.AuthService;
import com.acme.servicenow.emulator.data.DataStore;
import com.acme.servicenow.emulator.data.Schema;
import com.acme.servicenow.emulator.data.SysIds;
import com.acme.servicenow.emulator.data.TableSchema;
import com.acme.servicenow.emulator.query.QueryEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

/** Everything handlers share: schema, data, clock, auth, permissions and behaviour switches. */
public final class EmulatorContext {

  /** sys_id of {@code admin} on every out-of-box instance. */
  public static final String ADMIN_SYS_ID = "6816f79cc0a8016401c5a33be04be441";

  public final Schema schema;
  public final DataStore store;
  public final EmulatorClock clock;
  public final AuthService auth;
  public final QueryEngine queries;
  public final Choices choices;
  public final Access access = new Access();

  public volatile LinkHeaderStyle linkHeaderStyle = LinkHeaderStyle.ALL_RELS;
  public volatile boolean limitBeforeAcl = false;
  public volatile boolean invalidQueryReturnsNoRows = false;
  public volatile boolean caseSensitiveQueries = false;
  /** Extension point for APIs that need per-emulator state (attachments, flows, ...). */
  public final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
  /** Run by {@code reset()} after the seed has been re-applied (e.g. to drop attachment content). */
  public final List<Runnable> resetHooks = new CopyOnWriteArrayList<>();

  public EmulatorContext(Schema schema, EmulatorClock clock) {
    this.schema = schema;
    this.store = new DataStore(schema);
    this.clock = clock;
    this.auth = new AuthService(clock, EmulatorContext::userSysId);
    this.queries = new QueryEngine(store, clock);
    this.choices = new Choices(store);
  }

  /** Stable sys_id of a user's sys_user row, the same after every reset. */
  public static String userSysId(String userName) {
    return "admin".equals(userName) ? ADMIN_SYS_ID : SysIds.derived("sys_user:" + userName);
  }

  public TableSchema table(String name) {
    return schema.table(name);
  }

  /** The display value of a referenced record: its display column, or the key itself when it does not exist. */
  public String displayValue(String table, String sysId) {
    if (sysId == null || sysId.isEmpty()) {
      return "";
    }
    TableSchema t = schema.table(table);
    if (t == null) {
      return sysId;
    }
    return store.get(table, sysId).map(r -> r.getOrDefault(t.displayField(), "")).orElse(sysId);
  }

  @SuppressWarnings("unchecked")
  public <T> T service(Class<T> type) {
    return (T) services.get(type);
  }
}
