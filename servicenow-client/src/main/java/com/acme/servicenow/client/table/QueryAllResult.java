package com.acme.servicenow.client.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Result of a query-all.
 *
 * @param records all matching rows the caller may read, in stable order
 * @param totalCount last {@code X-Total-Count} seen (may exceed {@code records.size()} when ACLs hide rows)
 * @param pages number of page requests made
 * @param bytes JSON bytes of the records
 */
public record QueryAllResult(List<ObjectNode> records, Long totalCount, int pages, long bytes) {
  public QueryAllResult {
    records = List.copyOf(records);
  }
}
