package com.acme.servicenow.connector.table;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * One structured condition as written in the template's FEEL list, e.g.
 * {@code {field: "priority", operator: "<=", value: 2}}. The value may be a list for {@code IN} /
 * {@code NOT IN} and a two-element list for {@code BETWEEN}; it is omitted for {@code ISEMPTY},
 * {@code ISNOTEMPTY} and {@code ANYTHING}. Validation (field name, operator, hostile values) is the
 * client's {@code Condition}, so a value can never change the query's meaning.
 *
 * <p>Alternatively {@code {anyOf: [cond, cond, ...]}}: at least one of the listed conditions must hold
 * (encoded as {@code a^ORb}), so OR needs no raw query either.
 *
 * @param field field name, dot-walking allowed ({@code caller_id.name})
 * @param operator an encoded-query symbol ({@code =}, {@code !=}, {@code LIKE}, {@code IN}, ...) or a
 *     readable name ({@code equals}, {@code contains}, {@code is one of}, ...); default {@code =}
 * @param value the operand
 * @param anyOf alternatives (instead of field/operator/value)
 */
public record ConditionInput(String field, @JsonAlias("op") String operator, Object value, List<ConditionInput> anyOf) {}
