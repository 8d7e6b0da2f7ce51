package com.acme.servicenow.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A Camunda element template (JSON) as Camunda Modeler reads it. */
public final class ElementTemplate {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path source;
  private final JsonNode json;
  private final List<TemplateProperty> properties;

  private ElementTemplate(Path source, JsonNode json) {
    this.source = source;
    this.json = json;
    List<TemplateProperty> list = new ArrayList<>();
    for (JsonNode property : json.path("properties")) {
      list.add(new TemplateProperty(property));
    }
    this.properties = Collections.unmodifiableList(list);
  }

  public static ElementTemplate load(Path file) {
    try {
      return new ElementTemplate(file, MAPPER.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read element template " + file, e);
    }
  }

  public String id() {
    return json.path("id").asText();
  }

  public String name() {
    return json.path("name").asText();
  }

  public int version() {
    return json.path("version").asInt();
  }

  public Path source() {
    return source;
  }

  public JsonNode json() {
    return json;
  }

  public List<TemplateProperty> properties() {
    return properties;
  }

  public Optional<TemplateProperty> property(String id) {
    return properties.stream().filter(p -> id.equals(p.id())).findFirst();
  }

  /** Starts filling the template's properties, as a modeler would in the properties panel. */
  public ElementTemplateInvocation invocation() {
    return new ElementTemplateInvocation(this);
  }

  /** One entry of {@code properties}. */
  public record TemplateProperty(JsonNode json) {

    public String id() {
      return json.hasNonNull("id") ? json.get("id").asText() : null;
    }

    public String type() {
      return json.path("type").asText("String");
    }

    public String bindingType() {
      return json.path("binding").path("type").asText();
    }

    /** The input target, header key, task-definition property or extension property name. */
    public String bindingName() {
      JsonNode binding = json.path("binding");
      for (String field : List.of("name", "key", "property")) {
        if (binding.hasNonNull(field)) {
          return binding.get(field).asText();
        }
      }
      return null;
    }

    public Optional<String> defaultValue() {
      JsonNode value = json.get("value");
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      return Optional.of(value.asText());
    }

    public boolean optional() {
      return json.path("optional").asBoolean(false);
    }

    public String feel() {
      return json.path("feel").asText("");
    }

    public JsonNode condition() {
      return json.get("condition");
    }

    public JsonNode constraints() {
      return json.path("constraints");
    }
  }
}
