package com.acme.servicenow.client.flow;

import com.acme.servicenow.client.error.ServiceNowInputException;
import java.util.Locale;

/** What the companion Flow API starts. */
public enum FlowType {
  FLOW,
  SUBFLOW,
  ACTION;

  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FlowType parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new ServiceNowInputException("type", "must be one of flow, subflow, action");
    }
  }
}
