package com.acme.servicenow.client.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Strict RFC 3986 percent-encoding: everything except unreserved characters is encoded ({@code ^} →
 * {@code %5E}, space → {@code %20}, {@code +} → {@code %2B}, {@code #}/{@code &} encoded), so an
 * encoded query survives every proxy and servlet container unchanged (reference A1.8 point 4).
 */
public final class QueryString {

  private QueryString() {}

  public static String encode(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder(bytes.length + 16);
    for (byte raw : bytes) {
      int c = raw & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  public static String build(Map<String, String> params) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      if (!b.isEmpty()) {
        b.append('&');
      }
      b.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
    }
    return b.toString();
  }

  /** {@code application/x-www-form-urlencoded} body (space as %20 is accepted by every decoder). */
  public static String form(Map<String, String> params) {
    return build(params);
  }
}
