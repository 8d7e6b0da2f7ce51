package com.acme.servicenow.client.table;

import com.acme.servicenow.client.error.ServiceNowInputException;

/**
 * Limits of a query-all: a process variable cannot hold megabytes, and memory must stay bounded by the
 * caps rather than by the table.
 *
 * @param maxRecords more matching records than this → {@code SERVICENOW_RESULT_TOO_LARGE}
 * @param maxBytes more JSON bytes of records than this → {@code SERVICENOW_RESULT_TOO_LARGE}
 * @param pageSize {@code sysparm_limit} per request (1..10000; ServiceNow advises ≤ 1000)
 */
public record Caps(int maxRecords, long maxBytes, int pageSize) {

  public Caps {
    if (maxRecords < 1) {
      throw new ServiceNowInputException("maxRecords", "must be at least 1");
    }
    if (maxBytes < 1) {
      throw new ServiceNowInputException("maxBytes", "must be at least 1");
    }
    if (pageSize < 1 || pageSize > 10_000) {
      throw new ServiceNowInputException("pageSize", "must be between 1 and 10000");
    }
  }

  /** 1000 records, 1 MB, pages of 500. */
  public static Caps defaults() {
    return new Caps(1000, 1024 * 1024, 500);
  }

  public static Caps of(int maxRecords, long maxBytes, int pageSize) {
    return new Caps(maxRecords, maxBytes, pageSize);
  }
}
