package com.acme.servicenow.emulator.auth;

import java.util.Set;

/** The authenticated caller of a request. */
public record Principal(String userName, String sysId, Set<String> roles) {

  public boolean hasRole(String role) {
    return roles.contains(role) || roles.contains("admin");
  }

  public boolean isAdmin() {
    return roles.contains("admin");
  }
}
