package com.acme.servicenow.client.table;

import com.acme.servicenow.client.error.ServiceNowInputException;
import java.util.Locale;

/** {@code sysparm_display_value}: raw values, display values, or both (reference A1.3). */
public enum DisplayValue {
  FALSE,
  TRUE,
  ALL;

  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Accepts false/true/all (any case); null or blank gives null (server default). */
  public static DisplayValue parse(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ServiceNowInputException("displayValue", "must be one of false, true, all");
    }
  }
}
