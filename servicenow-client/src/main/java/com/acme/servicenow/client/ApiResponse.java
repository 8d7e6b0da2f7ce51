package com.acme.servicenow.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A successful (2xx) answer to an {@link ApiRequest}; failures are thrown as {@code ServiceNowException}.
 *
 * @param status HTTP status
 * @param headers response headers, names lower-case
 * @param body parsed JSON body, null when empty
 * @param transactionId {@code X-Transaction-ID}
 */
public record ApiResponse(int status, Map<String, List<String>> headers, JsonNode body, String transactionId) {

  /** First value of a header (case-insensitive name), or null. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
