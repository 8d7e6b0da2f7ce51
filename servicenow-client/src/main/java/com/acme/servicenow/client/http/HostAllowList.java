package com.acme.servicenow.client.http;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Operator-level allow-list of hosts: system property {@code servicenow.allowedHosts} or, when that is
 * not set, environment variable {@code SERVICENOW_ALLOWED_HOSTS}; a comma list of host names where
 * {@code *.service-now.com} matches any sub-domain. When set, no request (token requests included) goes
 * anywhere else, so a process model cannot send the runtime's ServiceNow secrets to its own server.
 * Read on every request so that operators can change it without restarting clients.
 */
public final class HostAllowList {

  public static final String SYSTEM_PROPERTY = "servicenow.allowedHosts";
  public static final String ENV_VAR = "SERVICENOW_ALLOWED_HOSTS";

  private HostAllowList() {}

  /** The configured patterns; empty when nothing is configured (every host allowed). */
  public static List<String> patterns() {
    String value = System.getProperty(SYSTEM_PROPERTY);
    if (value == null) {
      value = System.getenv(ENV_VAR);
    }
    List<String> out = new ArrayList<>();
    if (value != null) {
      for (String p : value.split(",")) {
        String t = p.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    }
    return out;
  }

  public static boolean isAllowed(String host) {
    List<String> patterns = patterns();
    if (patterns.isEmpty()) {
      return true;
    }
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    for (String p : patterns) {
      if (p.equals("*")) {
        return true;
      }
      if (p.startsWith("*.")) {
        String suffix = p.substring(1); // ".service-now.com"
        if (h.endsWith(suffix) && h.length() > suffix.length()) {
          return true;
        }
      } else if (p.equals(h)) {
        return true;
      }
    }
    return false;
  }

  /** Throws {@link ErrorCode#SERVICENOW_HOST_NOT_ALLOWED} unless the URI's host is allowed. */
  public static void check(URI uri) {
    if (!isAllowed(uri.getHost())) {
      throw new ServiceNowException(
          ErrorCode.SERVICENOW_HOST_NOT_ALLOWED,
          "Host '" + uri.getHost() + "' is not in the allowed ServiceNow hosts (" + SYSTEM_PROPERTY + " / "
              + ENV_VAR + ")",
          false,
          null);
    }
  }
}
