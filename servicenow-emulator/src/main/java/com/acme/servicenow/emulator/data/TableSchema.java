package com.acme.servicenow.emulator.data;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Dictionary of one table: its columns, display column, number prefix and super class. */
public final class TableSchema {

  /** System columns every table has, maintained by the emulator. */
  public static final String[] SYS_FIELDS = {"sys_id", "sys_created_on", "sys_created_by", "sys_updated_on",
      "sys_updated_by", "sys_mod_count", "sys_class_name", "sys_domain"};

  private final String name;
  private final String superClass;
  private final String displayField;
  private final String numberPrefix;
  private final Map<String, FieldDef> fields;

  private TableSchema(Builder b) {
    this.name = b.name;
    this.superClass = b.superClass;
    this.displayField = b.displayField;
    this.numberPrefix = b.numberPrefix;
    LinkedHashMap<String, FieldDef> all = new LinkedHashMap<>(b.fields);
    all.put("sys_id", new FieldDef("sys_id", FieldType.STRING, null, "Sys ID"));
    all.put("sys_created_on", new FieldDef("sys_created_on", FieldType.GLIDE_DATE_TIME, null, "Created"));
    all.put("sys_created_by", new FieldDef("sys_created_by", FieldType.STRING, null, "Created by"));
    all.put("sys_updated_on", new FieldDef("sys_updated_on", FieldType.GLIDE_DATE_TIME, null, "Updated"));
    all.put("sys_updated_by", new FieldDef("sys_updated_by", FieldType.STRING, null, "Updated by"));
    all.put("sys_mod_count", new FieldDef("sys_mod_count", FieldType.INTEGER, null, "Updates"));
    all.put("sys_class_name", new FieldDef("sys_class_name", FieldType.STRING, null, "Class"));
    all.put("sys_domain", new FieldDef("sys_domain", FieldType.REFERENCE, "sys_user_group", "Domain"));
    this.fields = Collections.unmodifiableMap(all);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  /** e.g. "task" for incident; null for base tables. */
  public String superClass() {
    return superClass;
  }

  public String displayField() {
    return displayField;
  }

  /** "INC" for incident, or null when the table has no number column maintained by the emulator. */
  public String numberPrefix() {
    return numberPrefix;
  }

  public FieldDef field(String fieldName) {
    return fields.get(fieldName);
  }

  public boolean hasField(String fieldName) {
    return fields.containsKey(fieldName);
  }

  public Collection<FieldDef> fields() {
    return fields.values();
  }

  /** Fluent definition of a table. */
  public static final class Builder {
    private final String name;
    private String superClass;
    private String displayField = "sys_id";
    private String numberPrefix;
    private final LinkedHashMap<String, FieldDef> fields = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder extendsTable(String parent) {
      this.superClass = parent;
      return this;
    }

    public Builder display(String field) {
      this.displayField = field;
      return this;
    }

    public Builder number(String prefix) {
      this.numberPrefix = prefix;
      fields.put("number", new FieldDef("number", FieldType.STRING, null, "Number"));
      return this;
    }

    public Builder string(String... names) {
      for (String n : names) {
        fields.put(n, new FieldDef(n, FieldType.STRING, null, label(n)));
      }
      return this;
    }

    public Builder stringLabeled(String field, String label) {
      fields.put(field, new FieldDef(field, FieldType.STRING, null, label));
      return this;
    }

    public Builder integer(String... names) {
      for (String n : names) {
        fields.put(n, new FieldDef(n, FieldType.INTEGER, null, label(n)));
      }
      return this;
    }

    public Builder bool(String... names) {
      for (String n : names) {
        fields.put(n, new FieldDef(n, FieldType.BOOLEAN, null, label(n)));
      }
      return this;
    }

    public Builder dateTime(String... names) {
      for (String n : names) {
        fields.put(n, new FieldDef(n, FieldType.GLIDE_DATE_TIME, null, label(n)));
      }
      return this;
    }

    public Builder choice(String... names) {
      for (String n : names) {
        fields.put(n, new FieldDef(n, FieldType.CHOICE, null, label(n)));
      }
      return this;
    }

    public Builder choiceLabeled(String field, String label) {
      fields.put(field, new FieldDef(field, FieldType.CHOICE, null, label));
      return this;
    }

    public Builder journal(String... names) {
      for (String n : names) {
        fields.put(n, new FieldDef(n, FieldType.JOURNAL, null, label(n)));
      }
      return this;
    }

    public Builder reference(String field, String table) {
      fields.put(field, new FieldDef(field, FieldType.REFERENCE, table, label(field)));
      return this;
    }

    public Builder fields(TableSchema template) {
      for (FieldDef f : template.fields()) {
        if (!f.name().startsWith("sys_")) {
          fields.put(f.name(), f);
        }
      }
      if (template.numberPrefix != null && numberPrefix == null) {
        numberPrefix = template.numberPrefix;
      }
      return this;
    }

    public TableSchema build() {
      return new TableSchema(this);
    }

    private static String label(String field) {
      String[] parts = field.replaceAll("_id$", "").split("_");
      StringBuilder sb = new StringBuilder();
      for (String p : parts) {
        if (p.isEmpty()) {
          continue;
        }
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(sb.isEmpty() ? Character.toUpperCase(p.charAt(0)) + p.substring(1) : p);
      }
      return sb.toString();
    }
  }
}
