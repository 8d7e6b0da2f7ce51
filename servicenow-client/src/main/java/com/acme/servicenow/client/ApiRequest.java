package com.acme.servicenow.client;

import com.acme.servicenow.client.error.ServiceNowInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A raw request to any ServiceNow REST API under {@code /api/} (IntegrationHub REST triggers, scripted
 * REST APIs). Authentication, allow-list, retries and error mapping are the client's.
 *
 * @param method GET, POST, PUT, PATCH or DELETE
 * @param path path starting with {@code /api/}, already percent-encoded where needed; no query string
 * @param query query parameters (encoded by the client)
 * @param headers extra headers; credentials, Host, Cookie and framing headers cannot be set
 * @param body JSON body or null
 * @param idempotent whether the client may repeat the request after 502/503/504 or a timeout; null =
 *     by method (GET/PUT/DELETE yes, POST/PATCH no)
 */
public record ApiRequest(
    String method, String path, Map<String, String> query, Map<String, String> headers, JsonNode body, Boolean idempotent) {

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Pattern PATH = Pattern.compile("^/api/[A-Za-z0-9_\\-./%~]+$");
  private static final Pattern HEADER_NAME = Pattern.compile("^[A-Za-z0-9\\-]{1,100}$");
  private static final Set<String> FORBIDDEN_HEADERS = Set.of(
      "authorization", "x-sn-apikey", "cookie", "host", "content-length", "transfer-encoding", "connection",
      "proxy-authorization", "x-http-method-override", "accept-encoding");

  public ApiRequest {
    method = method == null ? null : method.strip().toUpperCase(Locale.ROOT);
    if (method == null || !METHODS.contains(method)) {
      throw new ServiceNowInputException("method", "must be one of GET, POST, PUT, PATCH, DELETE");
    }
    if (path == null || !PATH.matcher(path).matches()) {
      throw new ServiceNowInputException("path", "must start with /api/ and contain only URL path characters (no query)");
    }
    for (String seg : path.split("/")) {
      if (seg.equals("..") || seg.equals(".") || seg.equalsIgnoreCase("%2e%2e") || seg.equalsIgnoreCase("%2e")) {
        throw new ServiceNowInputException("path", "must not contain '.' or '..' segments");
      }
    }
    if (path.contains("//")) {
      throw new ServiceNowInputException("path", "must not contain '//'");
    }
    query = query == null ? Map.of() : new LinkedHashMap<>(query);
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null) {
        throw new ServiceNowInputException("query", "parameter names and values must not be null or empty names");
      }
    }
    headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
    for (Map.Entry<String, String> e : headers.entrySet()) {
      String n = e.getKey();
      if (n == null || !HEADER_NAME.matcher(n).matches()) {
        throw new ServiceNowInputException("headers", "invalid header name");
      }
      if (FORBIDDEN_HEADERS.contains(n.toLowerCase(Locale.ROOT))) {
        throw new ServiceNowInputException("headers", "header '" + n + "' is set by the client and cannot be overridden");
      }
      String v = e.getValue();
      if (v == null || v.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        throw new ServiceNowInputException("headers", "header '" + n + "' has no value or contains a line break");
      }
    }
    // keep the caller's order: the URL is then deterministic (logs, caches, tests)
    query = java.util.Collections.unmodifiableMap(query);
    headers = java.util.Collections.unmodifiableMap(headers);
  }

  public static ApiRequest of(String method, String path, JsonNode body) {
    return new ApiRequest(method, path, null, null, body, null);
  }
}
