package com.acme.servicenow.emulator.table;

/** {@code sysparm_display_value}: false (raw values), true (display values), all (both). */
public enum DisplayMode {
  FALSE, TRUE, ALL;

  public static DisplayMode parse(String value) {
    if (value == null) {
      return FALSE;
    }
    return switch (value.toLowerCase()) {
      case "true" -> TRUE;
      case "all" -> ALL;
      default -> FALSE;
    };
  }
}
