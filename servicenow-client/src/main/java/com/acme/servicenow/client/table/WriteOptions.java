package com.acme.servicenow.client.table;

import com.acme.servicenow.client.query.Identifiers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Write parameters of the Table API (reference A1.2). Null means "not sent".
 *
 * @param inputDisplayValue {@code sysparm_input_display_value}: values are display values (reference by name)
 * @param displayValue {@code sysparm_display_value} of the returned record
 * @param fields {@code sysparm_fields} of the returned record
 * @param excludeReferenceLink {@code sysparm_exclude_reference_link}
 * @param suppressAutoSysField {@code sysparm_suppress_auto_sys_field} (legacy, POST)
 */
public record WriteOptions(
    Boolean inputDisplayValue,
    DisplayValue displayValue,
    List<String> fields,
    Boolean excludeReferenceLink,
    Boolean suppressAutoSysField) {

  private static final WriteOptions DEFAULTS = new WriteOptions(null, null, null, null, null);

  public WriteOptions {
    fields = fields == null ? List.of() : List.copyOf(fields);
    for (int i = 0; i < fields.size(); i++) {
      Identifiers.field("fields[" + i + "]", fields.get(i));
    }
  }

  public static WriteOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    SysparmParams.putRecordShape(p, fields, displayValue, excludeReferenceLink);
    if (inputDisplayValue != null) {
      p.put("sysparm_input_display_value", inputDisplayValue.toString());
    }
    if (suppressAutoSysField != null) {
      p.put("sysparm_suppress_auto_sys_field", suppressAutoSysField.toString());
    }
    return p;
  }

  /** Builder. */
  public static final class Builder {
    private Boolean inputDisplayValue;
    private DisplayValue displayValue;
    private List<String> fields;
    private Boolean excludeReferenceLink;
    private Boolean suppressAutoSysField;

    public Builder inputDisplayValue(Boolean b) {
      this.inputDisplayValue = b;
      return this;
    }

    public Builder displayValue(DisplayValue dv) {
      this.displayValue = dv;
      return this;
    }

    public Builder fields(List<String> f) {
      this.fields = f;
      return this;
    }

    public Builder fields(String... f) {
      this.fields = List.of(f);
      return this;
    }

    public Builder excludeReferenceLink(Boolean b) {
      this.excludeReferenceLink = b;
      return this;
    }

    public Builder suppressAutoSysField(Boolean b) {
      this.suppressAutoSysField = b;
      return this;
    }

    public WriteOptions build() {
      return new WriteOptions(inputDisplayValue, displayValue, fields, excludeReferenceLink, suppressAutoSysField);
    }
  }
}
