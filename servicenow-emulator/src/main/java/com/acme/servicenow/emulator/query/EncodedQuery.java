package com.acme.servicenow.emulator.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Parsed encoded query (reference A1.7): {@code ^NQ} separates groups that are OR'ed; inside a group {@code ^}
 * separates AND'ed terms and {@code ^OR} attaches a term to the previous one with OR. {@code ORDERBY}/{@code
 * ORDERBYDESC} terms become the sort order; {@code ^EQ} ends the query. There is no escaping: a value containing
 * {@code ^NQ} really does open a new group, exactly as on a real instance (reference A1.8).
 */
public final class EncodedQuery {

  /** One sort key. */
  public record Order(String field, boolean descending) {
  }

  /** groups → AND-ed clauses → OR-ed conditions. */
  private final List<List<List<Condition>>> groups;
  private final List<Order> orders;

  private EncodedQuery(List<List<List<Condition>>> groups, List<Order> orders) {
    this.groups = groups;
    this.orders = orders;
  }

  public List<List<List<Condition>>> groups() {
    return groups;
  }

  public List<Order> orders() {
    return orders;
  }

  public boolean isEmpty() {
    return groups.isEmpty() && orders.isEmpty();
  }

  static final String[] OPERATORS = {"ISNOTEMPTY", "ISEMPTY", "EMPTYSTRING", "ANYTHING", "NOT LIKE", "NOT IN",
      "STARTSWITH", "ENDSWITH", "LIKE", "INSTANCEOF", "IN", "BETWEEN", "NSAMEAS", "SAMEAS", "!=", "<=", ">=", "=",
      "<", ">", "!*", "*"};

  public static EncodedQuery parse(String query) {
    List<List<List<Condition>>> groups = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    if (query == null || query.isBlank()) {
      return new EncodedQuery(groups, orders);
    }
    List<List<Condition>> current = new ArrayList<>();
    String[] terms = query.split("\\^", -1);
    for (int i = 0; i < terms.length; i++) {
      String term = terms[i];
      if (term.isEmpty()) {
        continue;
      }
      if (term.equals("EQ")) {
        break;
      }
      if (i > 0 && term.startsWith("NQ")) {
        if (!current.isEmpty()) {
          groups.add(current);
        }
        current = new ArrayList<>();
        term = term.substring(2);
        if (term.isEmpty()) {
          continue;
        }
      }
      if (term.startsWith("ORDERBYDESC")) {
        orders.add(new Order(term.substring("ORDERBYDESC".length()), true));
        continue;
      }
      if (term.startsWith("ORDERBY")) {
        orders.add(new Order(term.substring("ORDERBY".length()), false));
        continue;
      }
      if (i > 0 && term.startsWith("OR") && !current.isEmpty()) {
        current.get(current.size() - 1).add(condition(term.substring(2)));
        continue;
      }
      List<Condition> clause = new ArrayList<>();
      clause.add(condition(term));
      current.add(clause);
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return new EncodedQuery(groups, orders);
  }

  static Condition condition(String term) {
    int end = 0;
    while (end < term.length()) {
      char c = term.charAt(end);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.') {
        end++;
      } else {
        break;
      }
    }
    String field = term.substring(0, end);
    String rest = term.substring(end);
    if (field.isEmpty()) {
      return new Condition(term, "", "", false);
    }
    for (String op : OPERATORS) {
      if (rest.startsWith(op)) {
        return new Condition(field, op, rest.substring(op.length()), true);
      }
    }
    return new Condition(field, rest, "", false);
  }
}
