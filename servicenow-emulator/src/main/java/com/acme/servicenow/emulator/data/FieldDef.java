package com.acme.servicenow.emulator.data;

/**
 * One column of a table.
 *
 * @param reference referenced table for {@link FieldType#REFERENCE}, else null
 * @param label     the column label, used in data-policy messages ("Resolution code")
 */
public record FieldDef(String name, FieldType type, String reference, String label) {

  public boolean isReference() {
    return type == FieldType.REFERENCE;
  }

  public boolean isNumeric() {
    return type == FieldType.INTEGER;
  }
}
