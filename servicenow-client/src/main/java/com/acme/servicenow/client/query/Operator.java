package com.acme.servicenow.client.query;

import com.acme.servicenow.client.error.ServiceNowInputException;
import java.util.List;
import java.util.Locale;

/**
 * Encoded-query operators (reference A1.7). Each has the symbol written into {@code sysparm_query} and
 * the names a user would type; {@link #parse(String)} accepts both.
 */
public enum Operator {
  EQUALS("=", Arity.ONE, "equals", "is", "eq"),
  NOT_EQUALS("!=", Arity.ONE, "not equals", "is not", "ne", "<>"),
  LESS_THAN("<", Arity.ONE, "less than", "lt", "before"),
  LESS_OR_EQUAL("<=", Arity.ONE, "less than or equal", "less or equal", "le", "lte", "at or before"),
  GREATER_THAN(">", Arity.ONE, "greater than", "gt", "after"),
  GREATER_OR_EQUAL(">=", Arity.ONE, "greater than or equal", "greater or equal", "ge", "gte", "at or after"),
  CONTAINS("LIKE", Arity.ONE, "contains", "like", "*"),
  NOT_CONTAINS("NOT LIKE", Arity.ONE, "does not contain", "not contains", "not like", "notlike", "!*"),
  STARTS_WITH("STARTSWITH", Arity.ONE, "starts with", "startswith", "begins with"),
  ENDS_WITH("ENDSWITH", Arity.ONE, "ends with", "endswith", "%"),
  IN("IN", Arity.LIST, "in", "is one of", "one of"),
  NOT_IN("NOT IN", Arity.LIST, "not in", "notin", "is not one of", "not one of"),
  IS_EMPTY("ISEMPTY", Arity.NONE, "is empty", "isempty", "empty"),
  IS_NOT_EMPTY("ISNOTEMPTY", Arity.NONE, "is not empty", "isnotempty", "not empty"),
  ANYTHING("ANYTHING", Arity.NONE, "is anything", "anything"),
  BETWEEN("BETWEEN", Arity.RANGE, "between", "is between");

  /** How many values an operator takes. */
  public enum Arity {
    NONE,
    ONE,
    LIST,
    RANGE
  }

  private final String symbol;
  private final Arity arity;
  private final List<String> names;

  Operator(String symbol, Arity arity, String... names) {
    this.symbol = symbol;
    this.arity = arity;
    this.names = List.of(names);
  }

  /** The text written into the encoded query between field and value. */
  public String symbol() {
    return symbol;
  }

  public Arity arity() {
    return arity;
  }

  public List<String> names() {
    return names;
  }

  /**
   * Parses a symbol ({@code "="}, {@code "NOT IN"}, {@code "LIKE"}), an enum name ({@code NOT_EQUALS}) or a
   * user-facing name ({@code "contains"}, {@code "is not empty"}); case, spaces, '_' and '-' are ignored
   * for names.
   */
  public static Operator parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ServiceNowInputException("operator", "an operator is required");
    }
    String trimmed = text.trim();
    for (Operator op : values()) {
      if (op.symbol.equalsIgnoreCase(trimmed)) {
        return op;
      }
    }
    String key = normalise(trimmed);
    for (Operator op : values()) {
      if (normalise(op.name()).equals(key) || normalise(op.symbol).equals(key)) {
        return op;
      }
      for (String name : op.names) {
        if (normalise(name).equals(key)) {
          return op;
        }
      }
    }
    throw new ServiceNowInputException(
        "operator", "unknown operator '" + Identifiers.shorten(trimmed) + "'");
  }

  private static String normalise(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c != ' ' && c != '_' && c != '-') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
