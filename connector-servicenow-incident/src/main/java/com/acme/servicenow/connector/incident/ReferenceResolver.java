package com.acme.servicenow.connector.incident;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.ReadOptions;
import com.acme.servicenow.connector.common.ConnectorErrors;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns "who" and "what" inputs (caller, assignee, group, configuration item) given as a sys_id or a
 * name into a sys_id.
 *
 * <p>Why explicit look-ups instead of {@code sysparm_input_display_value=true}: that parameter switches
 * <em>every</em> field of the request to display values (choice labels, dates in the integration
 * user's format and time zone), which would change the meaning of the additional fields; a display
 * value that matches nothing is stored as is instead of being rejected, so a typo would leave the
 * incident silently unassigned; and a display value such as a person's name is not unique, in which
 * case ServiceNow picks one. A look-up costs one GET but fails clearly ({@code INCIDENT_REFERENCE_NOT_FOUND}
 * / {@code INCIDENT_REFERENCE_AMBIGUOUS}).
 */
final class ReferenceResolver {

  static final String NOT_FOUND = "INCIDENT_REFERENCE_NOT_FOUND";
  static final String AMBIGUOUS = "INCIDENT_REFERENCE_AMBIGUOUS";
  private static final Pattern SYS_ID = Pattern.compile("^[0-9a-fA-F]{32}$");

  /** What a reference field points to and which columns identify a row by name. */
  enum Target {
    USER("sys_user", List.of("user_name", "email", "name"), true),
    GROUP("sys_user_group", List.of("name"), true),
    CONFIGURATION_ITEM("cmdb_ci", List.of("name"), false);

    final String table;
    final List<String> nameFields;
    /** Inactive users and groups cannot be picked in the UI either; leaving them out also avoids false ambiguity. */
    final boolean activeOnly;

    Target(String table, List<String> nameFields, boolean activeOnly) {
      this.table = table;
      this.nameFields = nameFields;
      this.activeOnly = activeOnly;
    }
  }

  private ReferenceResolver() {}

  static boolean isSysId(String value) {
    return value != null && SYS_ID.matcher(value.strip()).matches();
  }

  /** The sys_id for {@code value}; null or blank stays null. */
  static String resolve(ServiceNowClient client, Target target, String input, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (isSysId(v)) {
      return v.toLowerCase();
    }
    List<Condition> alternatives = target.nameFields.stream().map(f -> Condition.eq(f, v)).toList();
    QuerySpec.Builder builder = QuerySpec.builder().anyOf(alternatives);
    if (target.activeOnly) {
      builder.and(Condition.eq("active", "true"));
    }
    QuerySpec query = builder.build();
    List<ObjectNode> rows =
        client
            .table()
            .query(
                target.table,
                query,
                ReadOptions.builder().fields("sys_id").excludeReferenceLink(true).build(),
                2,
                0)
            .records();
    if (rows.size() == 1) {
      return rows.get(0).path("sys_id").asText();
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("input", input);
    vars.put("table", target.table);
    vars.put("value", v);
    if (rows.isEmpty()) {
      throw ConnectorErrors.failure(
          NOT_FOUND,
          "No " + (target.activeOnly ? "active " : "") + target.table + " record has " + String.join(", ", target.nameFields) + " '" + v + "' (input "
              + input + "); give its sys_id or an exact name",
          vars);
    }
    throw ConnectorErrors.failure(
        AMBIGUOUS,
        "More than one " + target.table + " record matches '" + v + "' (input " + input + "); give its sys_id",
        vars);
  }
}
