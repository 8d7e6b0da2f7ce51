package com.acme.servicenow.connector.incident.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Incident {@code state} values of the out-of-box state model (reference A6). */
public enum IncidentState implements ChoiceValue {
  NEW("1", "New"),
  IN_PROGRESS("2", "In Progress"),
  ON_HOLD("3", "On Hold"),
  RESOLVED("6", "Resolved"),
  CLOSED("7", "Closed"),
  CANCELED("8", "Canceled");

  private final String value;
  private final String label;

  IncidentState(String value, String label) {
    this.value = value;
    this.label = label;
  }

  @Override
  public String value() {
    return value;
  }

  @Override
  public String label() {
    return label;
  }

  @JsonCreator
  public static IncidentState parse(Object input) {
    return ChoiceValue.parse(IncidentState.class, input, "an incident state");
  }

  /** The out-of-box label of a state value, or null. */
  public static String labelOf(String value) {
    for (IncidentState st : values()) {
      if (st.value.equals(value)) {
        return st.label;
      }
    }
    return null;
  }
}
