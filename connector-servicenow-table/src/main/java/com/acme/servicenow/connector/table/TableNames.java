package com.acme.servicenow.connector.table;

/** Constants of the table choice (kept out of the request record: the generator turns fields into properties). */
final class TableNames {
  /** The dropdown value for "Other table": the name comes from {@code customTable}. */
  static final String CUSTOM = "custom";

  private TableNames() {}
}
