package com.acme.servicenow.client.query;

import com.acme.servicenow.client.error.ServiceNowInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to select: either a structured, validated list of conditions (AND of groups, each group an OR of
 * conditions) plus ordering, or — through the separately named {@link #rawEncodedQuery(String)} — a
 * trusted encoded query written by the process author. Immutable.
 *
 * <p>{@code a^ORb^c} in ServiceNow means {@code (a OR b) AND c}: {@code ^OR} binds the adjacent
 * conditions, which is exactly how groups are encoded here.
 */
public final class QuerySpec {

  /** One ORDERBY element. */
  public record Order(String field, boolean descending) {
    public Order {
      Identifiers.field("orderBy", field);
    }

    String encode() {
      return (descending ? "ORDERBYDESC" : "ORDERBY") + field;
    }
  }

  private static final QuerySpec ALL = new QuerySpec(List.of(), List.of(), null);

  private final List<List<Condition>> groups;
  private final List<Order> orders;
  private final String raw;

  private QuerySpec(List<List<Condition>> groups, List<Order> orders, String raw) {
    this.groups = groups;
    this.orders = orders;
    this.raw = raw;
  }

  /** Matches every record. */
  public static QuerySpec all() {
    return ALL;
  }

  /** All conditions must hold (AND). */
  public static QuerySpec where(Condition... conditions) {
    return where(List.of(conditions));
  }

  /** All conditions must hold (AND). */
  public static QuerySpec where(List<Condition> conditions) {
    Builder b = builder();
    for (Condition c : conditions) {
      b.and(c);
    }
    return b.build();
  }

  /**
   * A raw encoded query ({@code active=true^priority<=2^ORDERBYnumber}) sent as it is. Only for trusted
   * input written by the process author: nothing in it is validated except that it has no line breaks.
   */
  public static QuerySpec rawEncodedQuery(String encodedQuery) {
    if (encodedQuery == null) {
      throw new ServiceNowInputException("rawEncodedQuery", "the raw encoded query is null");
    }
    for (char c : encodedQuery.toCharArray()) {
      if (c == '\n' || c == '\r' || c == 0) {
        throw new ServiceNowInputException("rawEncodedQuery", "the raw encoded query contains a line break");
      }
    }
    return new QuerySpec(List.of(), List.of(), encodedQuery.strip());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy with one more ORDERBY element. */
  public QuerySpec orderBy(String field, boolean descending) {
    List<Order> o = new ArrayList<>(orders);
    o.add(new Order(field, descending));
    return new QuerySpec(groups, List.copyOf(o), raw);
  }

  public boolean isRaw() {
    return raw != null;
  }

  public String raw() {
    return raw;
  }

  public List<List<Condition>> groups() {
    return groups;
  }

  public List<Order> orders() {
    return orders;
  }

  public boolean isEmpty() {
    return groups.isEmpty() && orders.isEmpty() && (raw == null || raw.isEmpty());
  }

  /** The {@code sysparm_query} value (not URL-encoded); empty when it matches everything. */
  public String encode() {
    List<String> parts = new ArrayList<>();
    if (raw != null && !raw.isEmpty()) {
      parts.add(raw);
    }
    for (List<Condition> group : groups) {
      List<String> alternatives = new ArrayList<>();
      for (Condition c : group) {
        alternatives.add(c.encode());
      }
      parts.add(String.join("^OR", alternatives));
    }
    for (Order o : orders) {
      parts.add(o.encode());
    }
    return String.join("^", parts);
  }

  /**
   * The encoded query with an {@code ORDERBYsys_id} tie-breaker appended unless the query already orders
   * by sys_id: without a total order, offset paging may skip or repeat rows (reference A1.5).
   */
  public String encodeWithStableOrder() {
    String q = encode();
    boolean hasSysIdOrder =
        orders.stream().anyMatch(o -> o.field().equals("sys_id"))
            || (raw != null && (raw.contains("ORDERBYsys_id") || raw.contains("ORDERBYDESCsys_id")));
    if (hasSysIdOrder) {
      return q;
    }
    return q.isEmpty() ? "ORDERBYsys_id" : q + "^ORDERBYsys_id";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuerySpec q
        && groups.equals(q.groups)
        && orders.equals(q.orders)
        && Objects.equals(raw, q.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(groups, orders, raw);
  }

  @Override
  public String toString() {
    return "QuerySpec[" + encode() + "]";
  }

  /** Builder of a structured query. */
  public static final class Builder {
    private final List<List<Condition>> groups = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private String raw;

    /** Adds a condition that must hold. */
    public Builder and(Condition c) {
      groups.add(List.of(Objects.requireNonNull(c, "condition")));
      return this;
    }

    public Builder and(String field, Operator op, Object value) {
      return and(Condition.of(field, op, value));
    }

    public Builder and(String field, String op, Object value) {
      return and(Condition.of(field, op, value));
    }

    /** Adds a group of which at least one condition must hold ({@code a^ORb}). */
    public Builder anyOf(Condition... alternatives) {
      return anyOf(List.of(alternatives));
    }

    public Builder anyOf(List<Condition> alternatives) {
      if (alternatives.isEmpty()) {
        throw new ServiceNowInputException("conditions", "an OR group needs at least one condition");
      }
      groups.add(List.copyOf(alternatives));
      return this;
    }

    public Builder orderBy(String field, boolean descending) {
      orders.add(new Order(field, descending));
      return this;
    }

    public Builder orderByAsc(String field) {
      return orderBy(field, false);
    }

    public Builder orderByDesc(String field) {
      return orderBy(field, true);
    }

    /** Prefixes a trusted raw encoded query (ANDed with the structured conditions). */
    public Builder raw(String encodedQuery) {
      this.raw = encodedQuery == null || encodedQuery.isBlank() ? null : rawEncodedQuery(encodedQuery).raw();
      return this;
    }

    public QuerySpec build() {
      return new QuerySpec(List.copyOf(groups), List.copyOf(orders), raw);
    }
  }
}
