package com.acme.servicenow.client.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answer of {@code order_now} (reference A2.5): the {@code sc_request} created.
 *
 * @param sysId sys_id of the sc_request
 * @param number request number (REQ…)
 * @param requestNumber same as number on current releases
 * @param requestId sc_request sys_id as reported in {@code request_id}
 * @param table {@code sc_request}
 * @param raw everything ServiceNow returned
 */
public record CatalogOrder(String sysId, String number, String requestNumber, String requestId, String table, ObjectNode raw) {

  static CatalogOrder of(ObjectNode n) {
    return new CatalogOrder(t(n, "sys_id"), t(n, "number"), t(n, "request_number"), t(n, "request_id"), t(n, "table"), n);
  }

  private static String t(ObjectNode n, String f) {
    return n.hasNonNull(f) ? n.get(f).asText() : null;
  }
}
