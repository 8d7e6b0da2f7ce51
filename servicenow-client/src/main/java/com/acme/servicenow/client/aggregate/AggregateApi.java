package com.acme.servicenow.client.aggregate;

import com.acme.servicenow.client.http.InvalidBodyException;
import com.acme.servicenow.client.http.RequestSpec;
import com.acme.servicenow.client.http.Transport;
import com.acme.servicenow.client.query.Identifiers;
import com.acme.servicenow.client.query.QuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Aggregate API ({@code GET /api/now/stats/{table}}), reference A2.2. Thread-safe. */
public final class AggregateApi {

  private final Transport transport;

  public AggregateApi(Transport transport) {
    this.transport = transport;
  }

  /** Number of matching records ({@code sysparm_count=true}). */
  public long count(String table, QuerySpec query) {
    AggregateResult r = aggregate(table, query, AggregateRequest.countOnly());
    Long c = r.groups().isEmpty() ? Long.valueOf(0) : r.groups().get(0).count();
    return c == null ? 0 : c;
  }

  /** Count plus sum/avg/min/max, optionally grouped. */
  public AggregateResult aggregate(String table, QuerySpec query, AggregateRequest request) {
    Identifiers.table(table);
    AggregateRequest req = request == null ? AggregateRequest.countOnly() : request;
    QuerySpec q = query == null ? QuerySpec.all() : query;
    RequestSpec.Builder b = RequestSpec.get("/api/now/stats/" + table);
    String encoded = q.encode();
    if (!encoded.isEmpty()) {
      b.param("sysparm_query", encoded);
    }
    req.params().forEach(b::param);
    return transport.execute(b.build(), r -> parse(Transport.readJson(r)));
  }

  /** Convenience overload with plain lists. */
  public AggregateResult aggregate(String table, QuerySpec query, List<String> groupBy, List<String> sumFields,
      List<String> avgFields, List<String> minFields, List<String> maxFields) {
    return aggregate(table, query, new AggregateRequest(true, groupBy, sumFields, avgFields, minFields, maxFields, null));
  }

  static AggregateResult parse(JsonNode root) throws InvalidBodyException {
    JsonNode result = root == null ? null : root.get("result");
    if (result == null || !(result.isObject() || result.isArray())) {
      throw new InvalidBodyException("expected {\"result\":...} from the Aggregate API");
    }
    List<AggregateResult.Group> groups = new ArrayList<>();
    if (result.isObject()) {
      groups.add(group(result));
    } else {
      for (JsonNode g : result) {
        groups.add(group(g));
      }
    }
    return new AggregateResult(groups);
  }

  private static AggregateResult.Group group(JsonNode g) {
    JsonNode stats = g.path("stats");
    Long count = null;
    if (stats.has("count")) {
      try {
        count = Long.parseLong(stats.get("count").asText().strip());
      } catch (NumberFormatException ignored) {
        // left null: ServiceNow sent something that is not a number
      }
    }
    Map<String, Map<String, String>> aggregates = new LinkedHashMap<>();
    for (String kind : List.of("sum", "avg", "min", "max")) {
      JsonNode k = stats.get(kind);
      if (k != null && k.isObject()) {
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = k.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
        }
        aggregates.put(kind, values);
      }
    }
    Map<String, String> by = new LinkedHashMap<>();
    Map<String, String> byDisplay = new LinkedHashMap<>();
    for (JsonNode f : g.path("groupby_fields")) {
      String field = f.path("field").asText();
      by.put(field, f.path("value").asText(""));
      if (f.has("display_value")) {
        byDisplay.put(field, f.path("display_value").asText(""));
      }
    }
    return new AggregateResult.Group(by, byDisplay, count, aggregates);
  }
}
