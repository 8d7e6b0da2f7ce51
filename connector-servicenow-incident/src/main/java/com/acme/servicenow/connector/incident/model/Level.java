package com.acme.servicenow.connector.incident.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * Impact or urgency. Offered by name in the template and sent as ServiceNow's value ({@code 1} High,
 * {@code 2} Medium, {@code 3} Low — reference A6). FEEL users may also pass the value or the label.
 */
public enum Level {
  HIGH("1", "1 - High"),
  MEDIUM("2", "2 - Medium"),
  LOW("3", "3 - Low");

  private final String value;
  private final String label;

  Level(String value, String label) {
    this.value = value;
    this.label = label;
  }

  /** The value stored in ServiceNow. */
  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  @JsonCreator
  public static Level parse(Object input) {
    if (input == null) {
      return null;
    }
    String s = String.valueOf(input).strip();
    if (s.isEmpty()) {
      return null;
    }
    for (Level l : values()) {
      if (l.name().equalsIgnoreCase(s) || l.value.equals(s) || l.label.equalsIgnoreCase(s)) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "'" + s + "' is not an impact/urgency; use HIGH, MEDIUM or LOW (or 1, 2, 3)");
  }
}
