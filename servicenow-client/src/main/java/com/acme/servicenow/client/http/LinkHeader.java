package com.acme.servicenow.client.http;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses ServiceNow's {@code Link} header: comma-separated {@code <url>;rel="x"} entries without spaces,
 * in either observed variant (A: {@code prev} with offset -1 on the first page; B: inapplicable relations
 * omitted) — reference A1.5. Lenient about spaces and quoting.
 */
public final class LinkHeader {

  private static final Pattern ENTRY = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([A-Za-z]+)\"?");
  private static final Pattern OFFSET = Pattern.compile("(?:^|&)sysparm_offset=(-?\\d+)");

  private final Map<String, String> links;

  private LinkHeader(Map<String, String> links) {
    this.links = links;
  }

  public static LinkHeader parse(String header) {
    Map<String, String> m = new HashMap<>();
    if (header != null) {
      Matcher matcher = ENTRY.matcher(header);
      while (matcher.find()) {
        m.put(matcher.group(2).toLowerCase(java.util.Locale.ROOT), matcher.group(1));
      }
    }
    return new LinkHeader(m);
  }

  public boolean has(String rel) {
    return links.containsKey(rel);
  }

  public boolean isEmpty() {
    return links.isEmpty();
  }

  /** The {@code sysparm_offset} of the given relation, if present and parseable. */
  public OptionalInt offset(String rel) {
    String url = links.get(rel);
    if (url == null) {
      return OptionalInt.empty();
    }
    String query;
    try {
      query = URI.create(url).getRawQuery();
    } catch (IllegalArgumentException e) {
      int q = url.indexOf('?');
      query = q < 0 ? null : url.substring(q + 1);
    }
    if (query == null) {
      return OptionalInt.empty();
    }
    Matcher m = OFFSET.matcher(query);
    if (m.find()) {
      try {
        return OptionalInt.of(Integer.parseInt(m.group(1)));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }
}
