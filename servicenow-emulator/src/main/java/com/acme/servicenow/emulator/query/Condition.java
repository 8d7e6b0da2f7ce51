package com.acme.servicenow.emulator.query;

/**
 * One {@code <field><OPERATOR><value>} term of an encoded query.
 *
 * @param valid false when the field path or operator is unknown (such terms are ignored, or make the whole query
 *              return nothing when {@code glide.invalid_query.returns_no_rows} is on)
 */
public record Condition(String field, String operator, String value, boolean valid) {
}
