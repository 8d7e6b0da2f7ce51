package com.acme.servicenow.emulator;

/** What {@code sn_fd.FlowAPI} starts: {@code flow(...)}, {@code subflow(...)} or {@code action(...)}. */
public enum FlowType {
  FLOW, SUBFLOW, ACTION;

  /** "flow", "subflow" or "action", as in the flow API contract. */
  public String apiName() {
    return name().toLowerCase();
  }
}
