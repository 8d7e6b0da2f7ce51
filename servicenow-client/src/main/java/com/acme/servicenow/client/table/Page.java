package com.acme.servicenow.client.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a list GET.
 *
 * @param records the rows (may be fewer than the limit although more exist: the limit applies before ACLs)
 * @param totalCount {@code X-Total-Count} (all matching rows), null when not sent
 * @param nextOffset offset of the next page when {@code hasMore}, else null
 * @param hasMore whether another page exists (from the {@code Link} header or the total count)
 */
public record Page(List<ObjectNode> records, Long totalCount, Integer nextOffset, boolean hasMore) {
  public Page {
    records = List.copyOf(records);
  }
}
