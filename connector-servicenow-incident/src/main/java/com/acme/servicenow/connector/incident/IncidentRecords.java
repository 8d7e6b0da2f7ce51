package com.acme.servicenow.connector.incident;

import com.acme.servicenow.connector.incident.model.IncidentResult;
import com.acme.servicenow.connector.incident.model.IncidentState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns an incident read with {@code sysparm_display_value=all&sysparm_exclude_reference_link=true}
 * (every field {@code {"display_value":…,"value":…}}) into an {@link IncidentResult}.
 */
final class IncidentRecords {

  /** Journal fields read back as "" raw; their text only exists as display value (reference A1.3). */
  private static final Set<String> JOURNAL_FIELDS = Set.of("comments", "work_notes", "comments_and_work_notes");

  private IncidentRecords() {}

  static IncidentResult toResult(ObjectNode node, URI baseUrl) {
    Map<String, Object> record = new LinkedHashMap<>();
    Map<String, Object> display = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String raw;
      String shown;
      if (v.isObject()) {
        raw = text(v.get("value"));
        shown = text(v.get("display_value"));
      } else {
        raw = text(v);
        shown = raw;
      }
      record.put(e.getKey(), JOURNAL_FIELDS.contains(e.getKey()) ? shown : raw);
      display.put(e.getKey(), shown);
    }
    String sysId = str(record.get("sys_id"));
    String state = str(record.get("state"));
    String stateLabel = str(display.get("state"));
    if (stateLabel == null || stateLabel.isEmpty() || stateLabel.equals(state)) {
      String fallback = IncidentState.labelOf(state);
      stateLabel = fallback != null ? fallback : stateLabel;
    }
    return new IncidentResult(
        sysId,
        str(record.get("number")),
        state,
        stateLabel,
        str(record.get("priority")),
        link(baseUrl, sysId),
        record,
        display,
        null,
        null,
        null);
  }

  /** {@code <base>/nav_to.do?uri=incident.do%3Fsys_id%3D<sysId>}: opens the form inside the UI frame. */
  static String link(URI baseUrl, String sysId) {
    String base = baseUrl.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/nav_to.do?uri=incident.do%3Fsys_id%3D" + sysId;
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "";
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
