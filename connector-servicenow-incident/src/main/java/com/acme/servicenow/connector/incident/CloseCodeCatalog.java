package com.acme.servicenow.connector.incident;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.Page;
import com.acme.servicenow.client.table.ReadOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident close codes of each instance, read from {@code sys_choice}
 * ({@code name=incident^element=close_code^inactive=false}, reference A6) because they differ between
 * releases and customisations. Cached per instance for a short time; a code that is not in the cache
 * triggers one fresh read before it is rejected, so a code added on the instance a minute ago is
 * accepted at once.
 */
final class CloseCodeCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(CloseCodeCatalog.class);
  static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  private record Entry(List<String> values, Map<String, String> byKey, Instant loadedAt) {}

  private final Map<String, Entry> byInstance = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  CloseCodeCatalog(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * The instance's value for {@code code} (matched on value, or case-insensitively on value or label).
   * Throws {@link ConnectorInputException} listing the valid codes when there is none. When the codes
   * cannot be read (no rows, or the user may not read sys_choice) the code is passed on unchanged and
   * ServiceNow decides.
   */
  String check(ServiceNowClient client, String code) {
    String instance = client.connection().baseUrl().toString();
    String wanted = code.strip();
    Entry entry = byInstance.get(instance);
    boolean fresh = false;
    if (entry == null || entry.loadedAt.plus(ttl).isBefore(clock.instant())) {
      entry = load(client, instance);
      fresh = true;
    }
    if (entry == null) {
      return wanted;
    }
    String match = match(entry, wanted);
    if (match == null && !fresh) {
      entry = load(client, instance);
      if (entry == null) {
        return wanted;
      }
      match = match(entry, wanted);
    }
    if (match != null) {
      return match;
    }
    throw new ConnectorInputException(
        "Invalid resolution code (close_code) '" + wanted + "' for this instance; valid codes are: "
            + String.join(", ", entry.values));
  }

  private static String match(Entry entry, String wanted) {
    if (entry.values.contains(wanted)) {
      return wanted;
    }
    return entry.byKey.get(wanted.toLowerCase(Locale.ROOT));
  }

  private Entry load(ServiceNowClient client, String instance) {
    Page page;
    try {
      page =
          client
              .table()
              .query(
                  "sys_choice",
                  QuerySpec.builder()
                      .and(Condition.eq("name", "incident"))
                      .and(Condition.eq("element", "close_code"))
                      .and(Condition.eq("inactive", "false"))
                      .orderByAsc("sequence")
                      .build(),
                  ReadOptions.builder().fields("value", "label").excludeReferenceLink(true).build(),
                  500,
                  0);
    } catch (ServiceNowException e) {
      if (e.code() == ErrorCode.SERVICENOW_FORBIDDEN || e.code() == ErrorCode.SERVICENOW_NOT_FOUND) {
        // A user without read access to sys_choice must still be able to resolve; ServiceNow checks the code.
        LOG.warn("Cannot read the close codes of {} ({}); the resolution code is not checked", instance, e.code());
        byInstance.remove(instance);
        return null;
      }
      throw e;
    }
    List<String> values = new ArrayList<>();
    Map<String, String> byKey = new LinkedHashMap<>();
    for (ObjectNode row : page.records()) {
      String value = row.path("value").asText("");
      String label = row.path("label").asText("");
      if (value.isEmpty() || values.contains(value)) {
        continue; // one row per language
      }
      values.add(value);
      byKey.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
      if (!label.isEmpty()) {
        byKey.putIfAbsent(label.toLowerCase(Locale.ROOT), value);
      }
    }
    if (values.isEmpty()) {
      LOG.warn("No close codes in sys_choice of {}; the resolution code is not checked", instance);
      byInstance.remove(instance);
      return null;
    }
    Entry entry = new Entry(List.copyOf(values), Map.copyOf(byKey), clock.instant());
    byInstance.put(instance, entry);
    return entry;
  }
}
