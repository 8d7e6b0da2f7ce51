package com.acme.servicenow.emulator.http;

/**
 * One REST API of the emulator. Adding an API means adding one implementation and registering it with the
 * {@link Router}.
 */
public interface ApiHandler {

  /** True if this handler serves the path (any method; wrong methods are the handler's business). */
  boolean handles(String path);

  /** False for endpoints that authenticate by other means, such as the OAuth token endpoint. */
  default boolean requiresAuthentication() {
    return true;
  }

  ApiResponse handle(ApiRequest request);
}
