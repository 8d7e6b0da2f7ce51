package com.acme.servicenow.client.catalog;

import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.http.Json;
import com.acme.servicenow.client.http.RequestSpec;
import com.acme.servicenow.client.http.Transport;
import com.acme.servicenow.client.query.Identifiers;
import com.acme.servicenow.client.table.TableApi;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;

/** The Service Catalog API ({@code /api/sn_sc/servicecatalog}), reference A2.5. Thread-safe. */
public final class CatalogApi {

  private static final Pattern VARIABLE = Pattern.compile("^[A-Za-z0-9_]{1,100}$");
  private final Transport transport;

  public CatalogApi(Transport transport) {
    this.transport = transport;
  }

  /** {@code POST items/{id}/order_now}; not retried on 5xx/timeouts (would order twice). */
  public CatalogOrder orderNow(String itemSysId, int quantity, Map<String, ?> variables) {
    return orderNow(itemSysId, quantity, variables, null);
  }

  /**
   * @param requestedFor optional sys_id of the user the request is for ({@code sysparm_requested_for})
   */
  public CatalogOrder orderNow(String itemSysId, int quantity, Map<String, ?> variables, String requestedFor) {
    Identifiers.sysId("itemSysId", itemSysId);
    if (quantity < 1 || quantity > 1000) {
      throw new ServiceNowInputException("quantity", "must be between 1 and 1000");
    }
    if (requestedFor != null) {
      Identifiers.sysId("requestedFor", requestedFor);
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("sysparm_quantity", quantity);
    if (requestedFor != null) {
      body.put("sysparm_requested_for", requestedFor);
    }
    ObjectNode vars = body.putObject("variables");
    if (variables != null) {
      for (Map.Entry<String, ?> e : variables.entrySet()) {
        if (e.getKey() == null || !VARIABLE.matcher(e.getKey()).matches()) {
          throw new ServiceNowInputException("variables",
              "'" + (e.getKey() == null ? "null" : Identifiers.shorten(e.getKey())) + "' is not a valid variable name");
        }
        vars.put(e.getKey(), variableValue(e.getKey(), e.getValue()));
      }
    }
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new ServiceNowInputException("variables", "cannot be written as JSON");
    }
    RequestSpec spec = RequestSpec.method("POST", "/api/sn_sc/servicecatalog/items/" + itemSysId + "/order_now")
        .jsonBody(bytes)
        .build();
    return CatalogOrder.of(transport.execute(spec, TableApi::resultObject));
  }

  /** Catalog variables are strings on the ServiceNow side; lists become comma lists (list collectors). */
  private static String variableValue(String name, Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Iterable<?> it) {
      StringBuilder b = new StringBuilder();
      for (Object o : it) {
        if (!b.isEmpty()) {
          b.append(',');
        }
        b.append(o);
      }
      return b.toString();
    }
    if (v instanceof Map<?, ?>) {
      try {
        return Json.MAPPER.writeValueAsString(v);
      } catch (JsonProcessingException e) {
        throw new ServiceNowInputException("variables." + name, "cannot be written as JSON");
      }
    }
    return v.toString();
  }
}
