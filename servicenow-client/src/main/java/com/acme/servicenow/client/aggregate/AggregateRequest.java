package com.acme.servicenow.client.aggregate;

import com.acme.servicenow.client.query.Identifiers;
import com.acme.servicenow.client.table.DisplayValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to compute. Field names are validated.
 *
 * @param count {@code sysparm_count}
 * @param groupBy {@code sysparm_group_by}
 * @param sumFields {@code sysparm_sum_fields}
 * @param avgFields {@code sysparm_avg_fields}
 * @param minFields {@code sysparm_min_fields}
 * @param maxFields {@code sysparm_max_fields}
 * @param displayValue {@code sysparm_display_value} (applies to group-by values)
 */
public record AggregateRequest(
    boolean count,
    List<String> groupBy,
    List<String> sumFields,
    List<String> avgFields,
    List<String> minFields,
    List<String> maxFields,
    DisplayValue displayValue) {

  public AggregateRequest {
    groupBy = check("groupBy", groupBy);
    sumFields = check("sumFields", sumFields);
    avgFields = check("avgFields", avgFields);
    minFields = check("minFields", minFields);
    maxFields = check("maxFields", maxFields);
  }

  public static AggregateRequest countOnly() {
    return new AggregateRequest(true, null, null, null, null, null, null);
  }

  public static AggregateRequest countBy(String... groupBy) {
    return new AggregateRequest(true, List.of(groupBy), null, null, null, null, null);
  }

  Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    if (count) {
      p.put("sysparm_count", "true");
    }
    put(p, "sysparm_group_by", groupBy);
    put(p, "sysparm_sum_fields", sumFields);
    put(p, "sysparm_avg_fields", avgFields);
    put(p, "sysparm_min_fields", minFields);
    put(p, "sysparm_max_fields", maxFields);
    if (displayValue != null) {
      p.put("sysparm_display_value", displayValue.param());
    }
    return p;
  }

  private static void put(Map<String, String> p, String name, List<String> fields) {
    if (!fields.isEmpty()) {
      p.put(name, String.join(",", fields));
    }
  }

  private static List<String> check(String input, List<String> fields) {
    List<String> f = fields == null ? List.of() : List.copyOf(fields);
    for (int i = 0; i < f.size(); i++) {
      Identifiers.field(input + "[" + i + "]", f.get(i));
    }
    return f;
  }
}
