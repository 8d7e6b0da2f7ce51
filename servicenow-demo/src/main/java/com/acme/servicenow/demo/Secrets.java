package com.acme.servicenow.demo;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets a job refers to as {@code {{secrets.NAME}}}, resolved the way the runtime's
 * environment secret provider does (environment variable {@code NAME}), and a masker that removes
 * their values from everything printed.
 */
public final class Secrets {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*secrets\\.([A-Za-z0-9_.\\-]+)\\s*}}");
  private static final Pattern SENSITIVE_KEY =
      Pattern.compile("(?i).*(password|secret|token|apikey|api_key|credential).*");
  static final String MASK = "***";

  private final Map<String, String> values;

  private Secrets(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Secrets of(Map<String, String> values) {
    return new Secrets(values);
  }

  /** Names of the {@code {{secrets.NAME}}} placeholders in any string inside {@code value}. */
  public static Set<String> referencedIn(Object value) {
    Set<String> names = new LinkedHashSet<>();
    collect(value, names);
    return names;
  }

  private static void collect(Object value, Set<String> names) {
    if (value instanceof String s) {
      Matcher m = PLACEHOLDER.matcher(s);
      while (m.find()) {
        names.add(m.group(1));
      }
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, names));
    } else if (value instanceof Iterable<?> list) {
      list.forEach(v -> collect(v, names));
    }
  }

  /**
   * Resolves every referenced name with {@code lookup} (environment first), falling back to {@code
   * defaults}; names found nowhere are returned in {@code missing}.
   */
  public static Resolution resolve(
      Set<String> names, Function<String, String> lookup, Map<String, String> defaults) {
    Map<String, String> found = new LinkedHashMap<>();
    Set<String> missing = new LinkedHashSet<>();
    for (String name : names) {
      String value = lookup.apply(name);
      if (value == null) {
        value = defaults.get(name);
      }
      if (value == null) {
        missing.add(name);
      } else {
        found.put(name, value);
      }
    }
    return new Resolution(new Secrets(found), Set.copyOf(missing));
  }

  public record Resolution(Secrets secrets, Set<String> missing) {}

  public Map<String, String> values() {
    return values;
  }

  /** {@code text} with every secret value replaced by {@value #MASK}, longest first. */
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    List<String> secrets =
        values.values().stream()
            .filter(v -> v != null && !v.isEmpty())
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /**
   * A copy of job variables for printing: literal values under credential-like keys (password,
   * clientSecret, token, apiKey, ...) become {@value #MASK}; {@code {{secrets.X}}} placeholders are
   * kept, since they show where a secret goes without revealing it.
   */
  public Object maskInput(Object value) {
    return maskInput(null, value);
  }

  private Object maskInput(String key, Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), maskInput(String.valueOf(k), v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> maskInput(key, v)).toList();
    }
    if (value instanceof String s) {
      boolean placeholderOnly = PLACEHOLDER.matcher(s.strip()).matches();
      boolean credentialKey =
          key != null && SENSITIVE_KEY.matcher(key).matches() && !key.endsWith("Url") && !"type".equals(key);
      if (credentialKey && !placeholderOnly && !s.isEmpty()) {
        return MASK;
      }
      return mask(s);
    }
    return value;
  }
}
