package com.acme.servicenow.client.flow;

import java.util.Locale;

/** State of a {@code sys_flow_context} (reference A5.2). */
public enum FlowState {
  QUEUED,
  IN_PROGRESS,
  WAITING,
  COMPLETE,
  ERROR,
  CANCELLED,
  /** A value this client does not know (kept verbatim in the status' raw state). */
  UNKNOWN;

  public boolean isTerminal() {
    return this == COMPLETE || this == ERROR || this == CANCELLED;
  }

  public static FlowState parse(String s) {
    if (s == null || s.isBlank()) {
      return UNKNOWN;
    }
    String v = s.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    if (v.equals("CANCELED")) {
      return CANCELLED;
    }
    if (v.equals("COMPLETED")) {
      return COMPLETE;
    }
    try {
      return valueOf(v);
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }
}
