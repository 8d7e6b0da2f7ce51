package com.acme.servicenow.client.table;

import java.util.List;
import java.util.Map;

/** The {@code sysparm_*} parameters that shape returned records, shared by reads and writes. */
final class SysparmParams {

  private SysparmParams() {}

  static void putRecordShape(
      Map<String, String> params, List<String> fields, DisplayValue displayValue, Boolean excludeReferenceLink) {
    if (!fields.isEmpty()) {
      params.put("sysparm_fields", String.join(",", fields));
    }
    if (displayValue != null) {
      params.put("sysparm_display_value", displayValue.param());
    }
    if (excludeReferenceLink != null) {
      params.put("sysparm_exclude_reference_link", excludeReferenceLink.toString());
    }
  }
}
