package com.acme.servicenow.emulator.http;

import com.acme.servicenow.emulator.auth.Principal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A request as handlers see it: method (after {@code X-http-method-override}), path, decoded parameters, caller. */
public final class ApiRequest {

  /** A decoded query parameter; order and duplicates are kept (Link headers repeat them). */
  public record Param(String name, String value) {
  }

  private final String method;
  private final String path;
  private final String rawQuery;
  private final List<Param> params;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String baseUrl;
  private Principal principal;

  public ApiRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                    String baseUrl) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.params = parseQuery(rawQuery);
    this.headers = headers;
    this.body = body;
    this.baseUrl = baseUrl;
  }

  public static List<Param> parseQuery(String raw) {
    List<Param> out = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(new Param(decode(name), decode(value)));
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public String rawQuery() {
    return rawQuery;
  }

  public List<Param> params() {
    return params;
  }

  /** First value of a query parameter, or null. */
  public String param(String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    return null;
  }

  public boolean flag(String name) {
    return "true".equalsIgnoreCase(param(name));
  }

  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  /** {@code http(s)://host:port} as the client addressed the emulator; used in links. */
  public String baseUrl() {
    return baseUrl;
  }

  public Principal principal() {
    return principal;
  }

  public void principal(Principal principal) {
    this.principal = principal;
  }

  /** The caller's user name, or "system" for internal work. */
  public String userName() {
    return principal == null ? "system" : principal.userName();
  }
}
