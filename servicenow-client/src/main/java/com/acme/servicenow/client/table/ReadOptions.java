package com.acme.servicenow.client.table;

import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.query.Identifiers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read parameters of the Table API (reference A1.2). Null means "not sent" (ServiceNow's default).
 *
 * @param fields {@code sysparm_fields}; validated field names, dot-walking allowed
 * @param displayValue {@code sysparm_display_value}
 * @param excludeReferenceLink {@code sysparm_exclude_reference_link}
 * @param view {@code sysparm_view} (desktop, mobile, both)
 * @param noCount {@code sysparm_no_count} (skips the count; X-Total-Count may then be missing)
 * @param queryNoDomain {@code sysparm_query_no_domain}
 */
public record ReadOptions(
    List<String> fields,
    DisplayValue displayValue,
    Boolean excludeReferenceLink,
    String view,
    Boolean noCount,
    Boolean queryNoDomain) {

  private static final ReadOptions DEFAULTS = new ReadOptions(null, null, null, null, null, null);

  public ReadOptions {
    fields = fields == null ? List.of() : List.copyOf(fields);
    for (int i = 0; i < fields.size(); i++) {
      Identifiers.field("fields[" + i + "]", fields.get(i));
    }
    if (view != null && !view.isBlank() && !view.matches("^[a-z0-9_]{1,80}$")) {
      throw new ServiceNowInputException("view", "must be a view name such as desktop, mobile or both");
    }
    if (view != null && view.isBlank()) {
      view = null;
    }
  }

  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The parameters for a single-record GET (no count / limit semantics). */
  public Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    SysparmParams.putRecordShape(p, fields, displayValue, excludeReferenceLink);
    if (view != null) {
      p.put("sysparm_view", view);
    }
    if (queryNoDomain != null) {
      p.put("sysparm_query_no_domain", queryNoDomain.toString());
    }
    return p;
  }

  /** The parameters for a list GET. */
  public Map<String, String> listParams() {
    Map<String, String> p = params();
    if (noCount != null) {
      p.put("sysparm_no_count", noCount.toString());
    }
    return p;
  }

  /** Builder. */
  public static final class Builder {
    private List<String> fields;
    private DisplayValue displayValue;
    private Boolean excludeReferenceLink;
    private String view;
    private Boolean noCount;
    private Boolean queryNoDomain;

    public Builder fields(List<String> fields) {
      this.fields = fields;
      return this;
    }

    public Builder fields(String... fields) {
      this.fields = List.of(fields);
      return this;
    }

    public Builder displayValue(DisplayValue dv) {
      this.displayValue = dv;
      return this;
    }

    public Builder excludeReferenceLink(Boolean b) {
      this.excludeReferenceLink = b;
      return this;
    }

    public Builder view(String view) {
      this.view = view;
      return this;
    }

    public Builder noCount(Boolean b) {
      this.noCount = b;
      return this;
    }

    public Builder queryNoDomain(Boolean b) {
      this.queryNoDomain = b;
      return this;
    }

    public ReadOptions build() {
      return new ReadOptions(fields, displayValue, excludeReferenceLink, view, noCount, queryNoDomain);
    }
  }
}
