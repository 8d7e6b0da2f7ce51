package com.acme.servicenow.connector.common;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Where the ServiceNow instance is. Shared by all three connectors. */
public record ServiceNowConnectionInput(
    @TemplateProperty(
            id = "instance",
            label = "Instance",
            group = "connection",
            tooltip =
                "The instance name (dev12345 means https://dev12345.service-now.com) or the full base URL of a custom domain, e.g. https://itsm.example.com.",
            exampleValue = "dev12345")
        @NotBlank
        @Pattern(
            regexp = "^(=.*|[A-Za-z0-9][A-Za-z0-9-]*|https?://[^\\s/?#]+(/[^\\s?#]*)?)$",
            message = "must be an instance name like dev12345 or a base URL like https://itsm.example.com")
        String instance,
    @TemplateProperty(
            id = "connectTimeoutSeconds",
            label = "Connect timeout (seconds)",
            group = "connection",
            type = PropertyType.Number,
            optional = true,
            defaultValue = "10",
            defaultValueType = TemplateProperty.DefaultValueType.Number,
            tooltip = "How long to wait for a TCP/TLS connection to the instance.")
        @Min(1)
        @Max(300)
        Integer connectTimeoutSeconds,
    @TemplateProperty(
            id = "readTimeoutSeconds",
            label = "Read timeout (seconds)",
            group = "connection",
            type = PropertyType.Number,
            optional = true,
            defaultValue = "60",
            defaultValueType = TemplateProperty.DefaultValueType.Number,
            tooltip =
                "How long to wait for ServiceNow's answer. Keep it below the job timeout of the connector runtime.")
        @Min(1)
        @Max(600)
        Integer readTimeoutSeconds) {}
