package com.acme.servicenow.client.query;

import com.acme.servicenow.client.error.ServiceNowInputException;
import java.util.regex.Pattern;

/** Validation of names and ids that end up in URLs or encoded queries. All checks run before a request. */
public final class Identifiers {

  private static final Pattern TABLE = Pattern.compile("^[a-z][a-z0-9_]{0,79}$");
  private static final Pattern SYS_ID = Pattern.compile("^[0-9a-f]{32}$");
  private static final Pattern FIELD = Pattern.compile("^[a-z0-9_]{1,80}(\\.[a-z0-9_]{1,80}){0,9}$");

  private Identifiers() {}

  /** Table names: lower-case letters, digits and underscores, starting with a letter (e.g. {@code x_acme_tbl}). */
  public static String table(String table) {
    return table("table", table);
  }

  public static String table(String inputName, String table) {
    if (table == null || table.isEmpty()) {
      throw new ServiceNowInputException(inputName, "a table name is required");
    }
    if (!TABLE.matcher(table).matches()) {
      throw new ServiceNowInputException(
          inputName,
          "'" + shorten(table) + "' is not a valid table name (lower-case letters, digits and '_', starting with a letter)");
    }
    return table;
  }

  /** A sys_id is exactly 32 lower-case hexadecimal characters. */
  public static String sysId(String sysId) {
    return sysId("sysId", sysId);
  }

  public static String sysId(String inputName, String sysId) {
    if (sysId == null || sysId.isEmpty()) {
      throw new ServiceNowInputException(inputName, "a sys_id is required");
    }
    if (!SYS_ID.matcher(sysId).matches()) {
      throw new ServiceNowInputException(
          inputName, "'" + shorten(sysId) + "' is not a sys_id (32 lower-case hexadecimal characters)");
    }
    return sysId;
  }

  /** Field names: lower-case letters, digits, '_' and dot-walking ({@code caller_id.name}). */
  public static String field(String inputName, String field) {
    if (field == null || field.isEmpty()) {
      throw new ServiceNowInputException(inputName, "a field name is required");
    }
    if (!FIELD.matcher(field).matches()) {
      throw new ServiceNowInputException(
          inputName,
          "'" + shorten(field) + "' is not a valid field name (lower-case letters, digits, '_', dot-walking with '.')");
    }
    return field;
  }

  public static boolean isField(String field) {
    return field != null && FIELD.matcher(field).matches();
  }

  /** Shortens and neutralises a rejected value for an error message (no control characters). */
  public static String shorten(String value) {
    String s = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    return b.toString();
  }
}
