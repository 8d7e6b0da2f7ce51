package com.acme.servicenow.connector.incident.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A ServiceNow choice offered by name in the template and sent as its stored value. Users writing
 * FEEL may give the enum name, the stored value or the label; all three are accepted.
 */
interface ChoiceValue {

  String name();

  String value();

  String label();

  /**
   * Parses {@code input} as one of {@code type}'s constants; null or blank means "not given".
   *
   * @param what how the error message names the field, e.g. "an incident state"
   */
  static <E extends Enum<E> & ChoiceValue> E parse(Class<E> type, Object input, String what) {
    if (input == null) {
      return null;
    }
    String s = String.valueOf(input).strip();
    if (s.isEmpty()) {
      return null;
    }
    E[] constants = type.getEnumConstants();
    for (E c : constants) {
      if (c.name().equalsIgnoreCase(s) || c.value().equals(s) || c.label().equalsIgnoreCase(s)) {
        return c;
      }
    }
    String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("'" + s + "' is not " + what + "; use one of " + names);
  }
}
