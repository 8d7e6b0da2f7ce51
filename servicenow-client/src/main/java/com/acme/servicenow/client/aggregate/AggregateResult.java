package com.acme.servicenow.client.aggregate;

import java.util.List;
import java.util.Map;

/**
 * Aggregate answer: one group without {@code groupBy}, one per combination otherwise.
 *
 * @param groups the groups in ServiceNow's order
 */
public record AggregateResult(List<Group> groups) {

  public AggregateResult {
    groups = List.copyOf(groups);
  }

  /**
   * One group.
   *
   * @param groupBy field → raw value of this group (empty when ungrouped)
   * @param groupByDisplay field → display value, when ServiceNow sent one
   * @param count {@code stats.count}, null when not requested
   * @param aggregates "sum"/"avg"/"min"/"max" → field → value (strings, as ServiceNow sends them)
   */
  public record Group(
      Map<String, String> groupBy, Map<String, String> groupByDisplay, Long count,
      Map<String, Map<String, String>> aggregates) {}
}
