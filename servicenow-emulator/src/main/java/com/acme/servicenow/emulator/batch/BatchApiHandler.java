package com.acme.servicenow.emulator.batch;

import com.acme.servicenow.emulator.http.ApiException;
import com.acme.servicenow.emulator.http.ApiHandler;
import com.acme.servicenow.emulator.http.ApiRequest;
import com.acme.servicenow.emulator.http.ApiResponse;
import com.acme.servicenow.emulator.http.Json;
import com.acme.servicenow.emulator.http.Router;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Batch API, {@code POST /api/now/v1/batch} (reference A2.4): runs the items one after the other through the
 * other handlers as the calling user; bodies travel Base64-encoded. The emulator has no batch time budget, so
 * {@code unserviced_requests} is always empty.
 */
public final class BatchApiHandler implements ApiHandler {

  private final Router router;

  public BatchApiHandler(Router router) {
    this.router = router;
  }

  @Override
  public boolean handles(String path) {
    return path.equals("/api/now/v1/batch") || path.equals("/api/now/batch");
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    if (!request.method().equals("POST")) {
      throw new ApiException(405, "Method not Supported", request.method() + " method not supported for API");
    }
    JsonNode body;
    try {
      body = Json.read(request.body());
    } catch (IOException e) {
      throw ApiException.invalidJson();
    }
    if (body == null || !body.isObject() || !body.path("rest_requests").isArray()) {
      throw new ApiException(400, "Invalid batch request", "'rest_requests' must be an array");
    }
    List<Object> serviced = new ArrayList<>();
    for (JsonNode item : body.get("rest_requests")) {
      long start = System.nanoTime();
      ApiResponse response = run(request, item);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", item.path("id").asText());
      out.put("status_code", response.status());
      out.put("status_text", statusText(response.status()));
      List<Object> headers = new ArrayList<>();
      if (!item.path("exclude_response_headers").asBoolean(false)) {
        response.headers().forEach((k, v) -> headers.add(Map.of("name", k, "value", v)));
      }
      out.put("headers", headers);
      out.put("body", Base64.getEncoder().encodeToString(response.body()));
      out.put("execution_time", (System.nanoTime() - start) / 1_000_000);
      serviced.add(out);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("batch_request_id", body.path("batch_request_id").asText());
    result.put("serviced_requests", serviced);
    result.put("unserviced_requests", List.of());
    return ApiResponse.json(200, result);
  }

  private ApiResponse run(ApiRequest outer, JsonNode item) {
    String url = item.path("url").asText("");
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String rawQuery = q < 0 ? null : url.substring(q + 1);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (JsonNode h : item.path("headers")) {
      headers.computeIfAbsent(h.path("name").asText(), k -> new ArrayList<>()).add(h.path("value").asText());
    }
    byte[] body;
    try {
      body = item.hasNonNull("body") ? Base64.getDecoder().decode(item.get("body").asText()) : new byte[0];
    } catch (IllegalArgumentException e) {
      return ApiResponse.error(400, "Invalid batch request", "The body of request " + item.path("id").asText()
          + " is not Base64");
    }
    ApiRequest inner = new ApiRequest(item.path("method").asText("GET").toUpperCase(), path, rawQuery, headers, body,
        outer.baseUrl());
    inner.principal(outer.principal());
    Optional<ApiHandler> handler = router.find(path).filter(h -> !(h instanceof BatchApiHandler));
    if (handler.isEmpty()) {
      return ApiException.invalidUri().toResponse();
    }
    try {
      return handler.get().handle(inner);
    } catch (ApiException e) {
      return e.toResponse();
    } catch (RuntimeException e) {
      return ApiResponse.error(500, "Internal Server Error", e.toString());
    }
  }

  private static String statusText(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 429 -> "Too Many Requests";
      default -> status >= 500 ? "Internal Server Error" : "";
    };
  }
}
