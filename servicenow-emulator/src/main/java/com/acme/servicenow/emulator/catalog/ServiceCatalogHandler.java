package com.acme.servicenow.emulator.catalog;

import com.acme.servicenow.emulator.auth.Principal;
import com.acme.servicenow.emulator.core.EmulatorContext;
import com.acme.servicenow.emulator.http.ApiException;
import com.acme.servicenow.emulator.http.ApiHandler;
import com.acme.servicenow.emulator.http.ApiRequest;
import com.acme.servicenow.emulator.http.ApiResponse;
import com.acme.servicenow.emulator.http.Json;
import com.acme.servicenow.emulator.table.RecordWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slice of the Service Catalog API (reference A2.5): {@code GET items}, {@code GET items/{id}} and
 * {@code POST items/{id}/order_now}, which creates an {@code sc_request} (REQ…) and an {@code sc_req_item} (RITM…).
 */
public final class ServiceCatalogHandler implements ApiHandler {

  private static final Pattern PATH = Pattern.compile(
      "^/api/sn_sc(?:/v1)?/servicecatalog/items(?:/([^/]+))?(?:/(order_now))?/?$");

  private final EmulatorContext ctx;
  private final RecordWriter writer;

  public ServiceCatalogHandler(EmulatorContext ctx, RecordWriter writer) {
    this.ctx = ctx;
    this.writer = writer;
  }

  @Override
  public boolean handles(String path) {
    return PATH.matcher(path).matches();
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    Matcher m = PATH.matcher(request.path());
    if (!m.matches()) {
      throw ApiException.invalidUri();
    }
    String itemId = m.group(1);
    boolean order = m.group(2) != null;
    if (order) {
      if (!request.method().equals("POST")) {
        throw new ApiException(405, "Method not Supported", request.method() + " method not supported for API");
      }
      return orderNow(request, itemId);
    }
    if (!request.method().equals("GET")) {
      throw new ApiException(405, "Method not Supported", request.method() + " method not supported for API");
    }
    if (itemId == null) {
      List<Object> items = new ArrayList<>();
      for (Map<String, String> row : ctx.store.list("sc_cat_item")) {
        if ("true".equals(row.get("active"))) {
          items.add(item(row));
        }
      }
      return ApiResponse.result(200, items);
    }
    return ApiResponse.result(200, item(activeItem(itemId)));
  }

  private Map<String, String> activeItem(String itemId) {
    return ctx.store.get("sc_cat_item", itemId).filter(r -> "true".equals(r.get("active")))
        .orElseThrow(() -> new ApiException(404, "Catalog item not found",
            "No active catalog item with sys_id '" + itemId + "' exists"));
  }

  private static Map<String, Object> item(Map<String, String> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sys_id", row.get("sys_id"));
    out.put("name", row.get("name"));
    out.put("short_description", row.get("short_description"));
    out.put("description", row.get("description"));
    out.put("category", row.get("category"));
    out.put("price", row.get("price"));
    out.put("sys_class_name", "sc_cat_item");
    out.put("type", "item");
    return out;
  }

  private ApiResponse orderNow(ApiRequest request, String itemId) {
    JsonNode body;
    try {
      body = request.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.read(request.body());
    } catch (IOException e) {
      throw ApiException.invalidJson();
    }
    if (body == null || !body.isObject()) {
      throw ApiException.invalidJson();
    }
    Map<String, String> item = activeItem(itemId);
    int quantity = quantity(body.get("sysparm_quantity"));
    Principal caller = request.principal();
    String requestedFor = body.hasNonNull("sysparm_requested_for") ? body.get("sysparm_requested_for").asText()
        : caller.sysId();
    JsonNode variables = body.has("variables") ? body.get("variables") : Json.MAPPER.createObjectNode();
    if (!variables.isObject()) {
      throw new ApiException(400, "Invalid variables", "'variables' must be a JSON object");
    }
    RecordWriter.Options options = new RecordWriter.Options(false, false, false);
    Map<String, String> req = new LinkedHashMap<>();
    req.put("short_description", item.get("name"));
    req.put("requested_for", requestedFor);
    req.put("price", item.getOrDefault("price", ""));
    Map<String, String> scRequest = writer.insert(ctx.table("sc_request"), req, caller, options);
    Map<String, String> ritm = new LinkedHashMap<>();
    ritm.put("short_description", item.get("name"));
    ritm.put("request", scRequest.get("sys_id"));
    ritm.put("cat_item", itemId);
    ritm.put("requested_for", requestedFor);
    ritm.put("quantity", Integer.toString(quantity));
    ritm.put("price", item.getOrDefault("price", ""));
    ritm.put("variables", variables.toString());
    writer.insert(ctx.table("sc_req_item"), ritm, caller, options);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("sys_id", scRequest.get("sys_id"));
    result.put("number", scRequest.get("number"));
    result.put("request_number", scRequest.get("number"));
    result.put("request_id", scRequest.get("sys_id"));
    result.put("table", "sc_request");
    return ApiResponse.result(200, result);
  }

  private static int quantity(JsonNode node) {
    if (node == null || node.isNull()) {
      return 1;
    }
    String text = node.asText().trim();
    try {
      int q = Integer.parseInt(text);
      if (q >= 1) {
        return q;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new ApiException(400, "Invalid quantity", "sysparm_quantity must be a positive integer, got '" + text + "'");
  }
}
