package com.acme.servicenow.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as the emulator saw it.
 *
 * @param path     request path without the query string
 * @param rawQuery the raw (still URL-encoded) query string, or null
 * @param headers  request headers, keys case-insensitive
 * @param body     request body decoded as UTF-8 ("" when empty; only the first MiB of larger bodies)
 * @param user     authenticated user name, or null when the request was not authenticated
 * @param status   status code sent back (0 when the connection was dropped without a response)
 * @param at       emulator-clock time at which the request arrived
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                              String body, String user, int status, Instant at) {

  /** First value of a header (case-insensitive), or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
