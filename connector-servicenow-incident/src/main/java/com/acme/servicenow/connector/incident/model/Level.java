package com.acme.servicenow.connector.incident.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Impact or urgency. Offered by name in the template and sent as ServiceNow's value ({@code 1} High,
 * {@code 2} Medium, {@code 3} Low — reference A6). FEEL users may also pass the value or the label.
 */
public enum Level implements ChoiceValue {
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
  @Override
  public String value() {
    return value;
  }

  @Override
  public String label() {
    return label;
  }

  @JsonCreator
  public static Level parse(Object input) {
    return ChoiceValue.parse(Level.class, input, "an impact/urgency (or 1, 2, 3)");
  }
}
