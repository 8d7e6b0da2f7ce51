package com.acme.servicenow.connector.incident.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** {@code hold_reason} of an incident On Hold (reference A6), offered by name, sent as the value. */
public enum HoldReason {
  AWAITING_CALLER("1", "Awaiting Caller"),
  AWAITING_PROBLEM("3", "Awaiting Problem"),
  AWAITING_VENDOR("4", "Awaiting Vendor"),
  AWAITING_CHANGE("5", "Awaiting Change");

  private final String value;
  private final String label;

  HoldReason(String value, String label) {
    this.value = value;
    this.label = label;
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  @JsonCreator
  public static HoldReason parse(Object input) {
    if (input == null) {
      return null;
    }
    String s = String.valueOf(input).strip();
    if (s.isEmpty()) {
      return null;
    }
    for (HoldReason r : values()) {
      if (r.name().equalsIgnoreCase(s) || r.value.equals(s) || r.label.equalsIgnoreCase(s)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "'" + s + "' is not a hold reason; use AWAITING_CALLER, AWAITING_PROBLEM, AWAITING_VENDOR or AWAITING_CHANGE");
  }
}
