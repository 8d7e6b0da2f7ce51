package com.acme.servicenow.client.http;

import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One logical request, independent of attempts. Internal to the client (used by its API classes).
 */
public final class RequestSpec {

  final String method;
  final String path;
  final URI absoluteUri;
  final Map<String, String> query;
  final Map<String, String> headers;
  final byte[] body;
  final String contentType;
  final InputStream streamBody;
  final long streamLength;
  final boolean idempotent;
  final boolean authenticated;
  final boolean tokenEndpoint;
  final String accept;
  final java.util.Set<com.acme.servicenow.client.error.ErrorCode> failFast;

  private RequestSpec(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.absoluteUri = b.absoluteUri;
    this.query = b.query;
    this.headers = b.headers;
    this.body = b.body;
    this.contentType = b.contentType;
    this.streamBody = b.streamBody;
    this.streamLength = b.streamLength;
    this.idempotent = b.idempotent != null ? b.idempotent : defaultIdempotent(b.method);
    this.authenticated = b.authenticated;
    this.tokenEndpoint = b.tokenEndpoint;
    this.accept = b.accept;
    this.failFast = java.util.Set.copyOf(b.failFast);
  }

  /** GET, HEAD, PUT, DELETE and OPTIONS are idempotent; POST and PATCH are not unless said otherwise. */
  public static boolean defaultIdempotent(String method) {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
      default -> false;
    };
  }

  public static Builder get(String path) {
    return new Builder("GET", path);
  }

  public static Builder method(String method, String path) {
    return new Builder(method, path);
  }

  public String method() {
    return method;
  }

  /** Path (for messages) without query string. */
  public String displayPath() {
    return absoluteUri != null ? absoluteUri.getRawPath() : path;
  }

  public boolean idempotent() {
    return idempotent;
  }

  /** Whether the body can be sent again (a stream cannot). */
  public boolean replayable() {
    return streamBody == null;
  }

  /** Builder. */
  public static final class Builder {
    private final String method;
    private final String path;
    private URI absoluteUri;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private String contentType;
    private InputStream streamBody;
    private long streamLength = -1;
    private Boolean idempotent;
    private boolean authenticated = true;
    private boolean tokenEndpoint;
    private String accept = "application/json";
    private final java.util.Set<com.acme.servicenow.client.error.ErrorCode> failFast = new java.util.HashSet<>();

    Builder(String method, String path) {
      this.method = Objects.requireNonNull(method);
      this.path = path;
    }

    /** Adds a query parameter (skipped when the value is null). Insertion order is kept. */
    public Builder param(String name, String value) {
      if (value != null) {
        query.put(name, value);
      }
      return this;
    }

    public Builder params(Map<String, String> params) {
      if (params != null) {
        params.forEach(this::param);
      }
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Builder jsonBody(byte[] json) {
      this.body = json;
      this.contentType = "application/json";
      return this;
    }

    public Builder body(byte[] bytes, String contentType) {
      this.body = bytes;
      this.contentType = contentType;
      return this;
    }

    public Builder streamBody(InputStream in, long length, String contentType) {
      this.streamBody = in;
      this.streamLength = length;
      this.contentType = contentType;
      return this;
    }

    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    public Builder absoluteUri(URI uri) {
      this.absoluteUri = uri;
      return this;
    }

    public Builder unauthenticated() {
      this.authenticated = false;
      return this;
    }

    public Builder tokenEndpoint() {
      this.tokenEndpoint = true;
      this.authenticated = false;
      return this;
    }

    public Builder accept(String accept) {
      this.accept = accept;
      return this;
    }

    /** Errors with these codes are returned at once instead of being retried (the caller adapts instead). */
    public Builder failFastOn(com.acme.servicenow.client.error.ErrorCode... codes) {
      failFast.addAll(java.util.List.of(codes));
      return this;
    }

    public RequestSpec build() {
      return new RequestSpec(this);
    }
  }
}
