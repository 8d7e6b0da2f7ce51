package com.acme.servicenow.client.query;

import com.acme.servicenow.client.error.ServiceNowInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One validated condition {@code <field><operator><value>} of an encoded query. Values are checked so that
 * they cannot change the query's meaning (reference A1.8): no {@code ^} (condition separator, cannot be
 * escaped), no line breaks or control characters, no leading {@code javascript:} (evaluated on the
 * server), no {@code ,} inside an {@code IN} item and no {@code @} inside a {@code BETWEEN} bound. The
 * checks run in the constructor, so an invalid condition never exists.
 *
 * @param field field name, dot-walking allowed ({@code caller_id.name})
 * @param operator the operator
 * @param values the operand(s): empty for ISEMPTY/ISNOTEMPTY/ANYTHING, one for scalar operators, one or
 *     more for IN/NOT IN, exactly two for BETWEEN
 */
public record Condition(String field, Operator operator, List<String> values) {

  private static final int MAX_VALUE_LENGTH = 4000;

  public Condition {
    if (operator == null) {
      throw new ServiceNowInputException("condition(" + safe(field) + ").operator", "an operator is required");
    }
    Identifiers.field("condition.field", field);
    String input = "condition(" + field + ").value";
    values = values == null ? List.of() : List.copyOf(values);
    switch (operator.arity()) {
      case NONE -> {
        for (String v : values) {
          if (v != null && !v.isEmpty()) {
            throw new ServiceNowInputException(input, "operator " + operator.symbol() + " takes no value");
          }
        }
        values = List.of();
      }
      case ONE -> {
        if (values.size() != 1) {
          throw new ServiceNowInputException(input, "operator " + operator.symbol() + " takes exactly one value");
        }
      }
      case LIST -> {
        if (values.isEmpty()) {
          throw new ServiceNowInputException(input, "operator " + operator.symbol() + " needs at least one value");
        }
      }
      case RANGE -> {
        if (values.size() != 2) {
          throw new ServiceNowInputException(
              input, "operator BETWEEN takes exactly two bounds (from, to)");
        }
      }
    }
    for (String v : values) {
      checkValue(input, operator, v);
    }
  }

  /** Builds a condition from a loosely typed value (String, Number, Boolean, Enum, Collection or array). */
  public static Condition of(String field, Operator operator, Object value) {
    return new Condition(field, operator, toValues(field, operator, value));
  }

  /** Builds a condition from a user-typed operator ({@code "="}, {@code "contains"}, {@code "NOT IN"}). */
  public static Condition of(String field, String operator, Object value) {
    return of(field, Operator.parse(operator), value);
  }

  public static Condition eq(String field, Object value) {
    return of(field, Operator.EQUALS, value);
  }

  public static Condition notEq(String field, Object value) {
    return of(field, Operator.NOT_EQUALS, value);
  }

  public static Condition in(String field, Collection<?> values) {
    return of(field, Operator.IN, values);
  }

  public static Condition between(String field, Object from, Object to) {
    return of(field, Operator.BETWEEN, java.util.Arrays.asList(from, to));
  }

  public static Condition isEmpty(String field) {
    return new Condition(field, Operator.IS_EMPTY, List.of());
  }

  /** The encoded form, e.g. {@code priorityIN1,2} or {@code short_descriptionLIKEprinter}. */
  public String encode() {
    StringBuilder b = new StringBuilder(field).append(operator.symbol());
    switch (operator.arity()) {
      case NONE -> {}
      case ONE -> b.append(values.get(0));
      case LIST -> b.append(String.join(",", values));
      case RANGE -> b.append(values.get(0)).append('@').append(values.get(1));
    }
    return b.toString();
  }

  private static void checkValue(String input, Operator operator, String v) {
    if (v == null) {
      throw new ServiceNowInputException(input, "null is not a valid value (use ISEMPTY to match empty fields)");
    }
    if (v.length() > MAX_VALUE_LENGTH) {
      throw new ServiceNowInputException(input, "value longer than " + MAX_VALUE_LENGTH + " characters");
    }
    if (v.indexOf('^') >= 0) {
      throw new ServiceNowInputException(
          input,
          "value contains '^', which separates conditions in an encoded query and cannot be escaped;"
              + " use the raw encoded query option if this is intended");
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        throw new ServiceNowInputException(input, "value contains a line break or control character");
      }
    }
    if (v.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
      throw new ServiceNowInputException(
          input, "value starts with 'javascript:', which ServiceNow would evaluate as a script");
    }
    if (operator.arity() == Operator.Arity.LIST && v.indexOf(',') >= 0) {
      throw new ServiceNowInputException(
          input, "an item of an " + operator.symbol() + " list contains ',', which would split it into several items");
    }
    if (operator.arity() == Operator.Arity.RANGE && v.indexOf('@') >= 0) {
      throw new ServiceNowInputException(input, "a BETWEEN bound contains '@', which separates the two bounds");
    }
  }

  private static List<String> toValues(String field, Operator operator, Object value) {
    String input = "condition(" + safe(field) + ").value";
    List<String> out = new ArrayList<>();
    if (value == null) {
      if (operator.arity() != Operator.Arity.NONE) {
        throw new ServiceNowInputException(input, "a value is required for operator " + operator.symbol());
      }
      return out;
    }
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        out.add(scalar(input, o));
      }
    } else if (value instanceof Object[] arr) {
      for (Object o : arr) {
        out.add(scalar(input, o));
      }
    } else {
      out.add(scalar(input, value));
    }
    return out;
  }

  private static String scalar(String input, Object o) {
    if (o == null) {
      throw new ServiceNowInputException(input, "null is not a valid value");
    }
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (o instanceof Number || o instanceof Boolean || o instanceof Character) {
      return o.toString();
    }
    if (o instanceof Enum<?> e) {
      return e.name();
    }
    if (o instanceof java.time.temporal.TemporalAccessor) {
      return o.toString();
    }
    throw new ServiceNowInputException(
        input, "values must be strings, numbers or booleans, not " + o.getClass().getSimpleName());
  }

  private static String safe(String field) {
    return field == null ? "?" : Identifiers.shorten(field);
  }
}
