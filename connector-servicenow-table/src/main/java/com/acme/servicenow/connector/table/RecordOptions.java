package com.acme.servicenow.connector.table;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;

/**
 * How records are returned (and, for writes, how input values are read). Shown only for the
 * operations that return or write records.
 */
public record RecordOptions(
    @TemplateProperty(
            id = "fields",
            exampleValue = "sys_id,number,short_description",
            label = "Fields to return",
            group = "options",
            feel = FeelMode.optional,
            optional = true,
            tooltip =
                "Comma-separated field names (sysparm_fields), e.g. sys_id,number,short_description,caller_id.name. Empty returns every field. Dot-walking (caller_id.name) reads a field of a referenced record.",
            condition =
                @PropertyCondition(
                    property = "operation.type",
                    oneOf = {"create", "get", "query", "queryAll", "update", "replace", "upsert"}))
        String fields,
    @TemplateProperty(
            id = "displayValue",
            label = "Display value",
            group = "options",
            type = PropertyType.Dropdown,
            optional = true,
            defaultValue = "false",
            tooltip =
                "sysparm_display_value. Raw: stored values (sys_ids for references, 1 for priority). Display: what a user sees (the caller's name, '1 - Critical'). Both: {value, display_value} objects per field.",
            choices = {
              @DropdownPropertyChoice(value = "false", label = "Raw values"),
              @DropdownPropertyChoice(value = "true", label = "Display values"),
              @DropdownPropertyChoice(value = "all", label = "Both")
            },
            condition =
                @PropertyCondition(
                    property = "operation.type",
                    oneOf = {"create", "get", "query", "queryAll", "update", "replace", "upsert", "aggregate"}))
        String displayValue,
    @TemplateProperty(
            id = "excludeReferenceLink",
            label = "Exclude reference links",
            group = "options",
            type = PropertyType.Boolean,
            optional = true,
            defaultValue = "true",
            defaultValueType = TemplateProperty.DefaultValueType.Boolean,
            tooltip =
                "sysparm_exclude_reference_link. On: a reference field is just its sys_id (or display value). Off: an object with a link to the referenced record.",
            condition =
                @PropertyCondition(
                    property = "operation.type",
                    oneOf = {"create", "get", "query", "queryAll", "update", "replace", "upsert"}))
        Boolean excludeReferenceLink,
    @TemplateProperty(
            id = "inputDisplayValue",
            label = "Input display value",
            group = "options",
            type = PropertyType.Boolean,
            optional = true,
            defaultValue = "false",
            defaultValueType = TemplateProperty.DefaultValueType.Boolean,
            tooltip =
                "sysparm_input_display_value. On: the values you write are display values, so a reference can be given by name (assigned_to: \"Beth Anglin\") and dates in the user's time zone.",
            condition =
                @PropertyCondition(
                    property = "operation.type",
                    oneOf = {"create", "update", "replace", "upsert"}))
        Boolean inputDisplayValue) {}
