package com.acme.servicenow.connector.incident.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** {@code hold_reason} of an incident On Hold (reference A6), offered by name, sent as the value. */
public enum HoldReason implements ChoiceValue {
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

  @Override
  public String value() {
    return value;
  }

  @Override
  public String label() {
    return label;
  }

  @JsonCreator
  public static HoldReason parse(Object input) {
    return ChoiceValue.parse(HoldReason.class, input, "a hold reason");
  }
}
