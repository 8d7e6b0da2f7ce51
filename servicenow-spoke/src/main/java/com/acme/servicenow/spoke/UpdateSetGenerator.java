package com.acme.servicenow.spoke;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Builds the app's update set XML from the script sources in {@code src/main/servicenow}, so that
 * what is installed on an instance is exactly what the Rhino tests ran — never a hand-copied
 * script.
 *
 * <p>The output has ServiceNow's "unload" shape: one {@code sys_remote_update_set} and one
 * {@code sys_update_xml} per record, whose {@code payload} holds the record's
 * {@code record_update} XML. Sys_ids are name-based (MD5 UUIDs), so regenerating produces the same
 * ids and an upgrade updates records instead of duplicating them.
 *
 * <p>Usage: {@code UpdateSetGenerator <sourceDir> <outputFile> <version> <timestamp "yyyy-MM-dd HH:mm:ss">}
 */
public final class UpdateSetGenerator {

  public static final String SCOPE = "x_acme_camunda";
  public static final String APP_NAME = "Camunda 8 Integration";
  public static final String API_BASE_URI = "/api/x_acme_camunda/flow";
  public static final String FLOW_RUNNER_ROLE = "x_acme_camunda.flow_runner";

  /** Script includes: name → description. */
  public static final Map<String, String> SCRIPT_INCLUDES =
      orderedMap(
          "CamundaClient",
          "Calls the Camunda 8.8 Orchestration Cluster REST API v2 (start, correlate, publish, signal, cancel) with OAuth/basic/no auth and a token cache",
          "CamundaActionOutputs",
          "Maps CamundaClient results onto the outputs shared by the Camunda Flow Designer actions",
          "CamundaFlowApi",
          "Logic of the flow API (/api/x_acme_camunda/flow/v1): starts flows, subflows and actions through sn_fd.FlowAPI, reports status, cancels");

  /** Flow API resources. The "v1" is part of each path because the contract's base path is /api/x_acme_camunda/flow/v1. */
  public record Operation(String name, String method, String relativePath, String scriptFile, String description) {}

  public static final List<Operation> OPERATIONS =
      List.of(
          new Operation("start", "POST", "/v1/start", "sys_ws_operation/start.js", "Start a flow, subflow or action (async or sync)"),
          new Operation(
              "status", "GET", "/v1/status/{contextId}", "sys_ws_operation/status.js", "State, error message and outputs of a flow context"),
          new Operation("cancel", "POST", "/v1/cancel/{contextId}", "sys_ws_operation/cancel.js", "Cancel a running flow context"));

  /** One line of {@code sys_properties/properties.txt}. */
  public record Property(String name, String type, String value, String choices, String description) {}

  private final Path sourceDir;
  private final String version;
  private final String timestamp;

  public UpdateSetGenerator(Path sourceDir, String version, String timestamp) {
    this.sourceDir = sourceDir;
    this.version = version;
    this.timestamp = timestamp;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: UpdateSetGenerator <sourceDir> <outputFile> <version> <timestamp>");
    }
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, new UpdateSetGenerator(Path.of(args[0]), args[2], args[3]).generate(), StandardCharsets.UTF_8);
  }

  /** Deterministic 32-hex sys_id for a record identified by table and natural key. */
  public static String sysId(String table, String key) {
    return UUID.nameUUIDFromBytes((SCOPE + ":" + table + ":" + key).getBytes(StandardCharsets.UTF_8))
        .toString()
        .replace("-", "");
  }

  public static String appSysId() {
    return sysId("sys_app", SCOPE);
  }

  public String generate() {
    String updateSetId = sysId("sys_remote_update_set", SCOPE + "@" + version);
    List<Update> updates = new ArrayList<>();
    updates.add(appRecord());
    updates.add(roleRecord());
    SCRIPT_INCLUDES.forEach((name, description) -> updates.add(scriptInclude(name, description)));
    String apiId = sysId("sys_ws_definition", "flow");
    updates.add(apiDefinition(apiId));
    for (Operation op : OPERATIONS) {
      updates.add(operation(apiId, op));
    }
    for (Property p : properties()) {
      updates.add(property(p));
    }
    return xml(
        w -> {
          w.writeStartDocument("UTF-8", "1.0");
          w.writeCharacters("\n");
          w.writeStartElement("unload");
          w.writeAttribute("unload_date", timestamp);
          w.writeCharacters("\n");
          w.writeStartElement("sys_remote_update_set");
          w.writeAttribute("action", "INSERT_OR_UPDATE");
          appReference(w, "application");
          field(w, "application_name", APP_NAME);
          field(w, "application_scope", SCOPE);
          field(w, "application_version", version);
          field(w, "description", "ServiceNow side of the Camunda 8 connectors: Camunda API client, flow API. Generated from the sources at build time.");
          field(w, "name", APP_NAME + " " + version);
          field(w, "remote_sys_id", updateSetId);
          field(w, "state", "loaded");
          field(w, "sys_class_name", "sys_remote_update_set");
          audit(w);
          field(w, "sys_id", updateSetId);
          w.writeEndElement();
          w.writeCharacters("\n");
          for (Update u : updates) {
            w.writeStartElement("sys_update_xml");
            w.writeAttribute("action", "INSERT_OR_UPDATE");
            field(w, "action", "INSERT_OR_UPDATE");
            appReference(w, "application");
            field(w, "category", "customer");
            field(w, "name", u.table + "_" + u.sysId);
            field(w, "payload", u.payload);
            w.writeStartElement("remote_update_set");
            w.writeAttribute("display_value", APP_NAME + " " + version);
            w.writeCharacters(updateSetId);
            w.writeEndElement();
            field(w, "replace_on_upgrade", "false");
            audit(w);
            field(w, "sys_id", sysId("sys_update_xml", u.table + "_" + u.sysId));
            field(w, "table", "");
            field(w, "target_name", u.targetName);
            field(w, "type", u.typeLabel);
            field(w, "update_domain", "global");
            w.writeEndElement();
            w.writeCharacters("\n");
          }
          w.writeEndElement();
          w.writeEndDocument();
        });
  }

  // ------------------------------------------------------------------ records

  private record Update(String table, String sysId, String targetName, String typeLabel, String payload) {}

  private interface Body {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private Update record(String table, String sysId, String targetName, String typeLabel, Body fields) {
    String payload =
        xml(
            w -> {
              w.writeStartDocument("UTF-8", "1.0");
              w.writeStartElement("record_update");
              w.writeAttribute("table", table);
              w.writeStartElement(table);
              w.writeAttribute("action", "INSERT_OR_UPDATE");
              fields.write(w);
              scopeFields(w);
              audit(w);
              field(w, "sys_id", sysId);
              w.writeEndElement();
              w.writeEndElement();
              w.writeEndDocument();
            });
    return new Update(table, sysId, targetName, typeLabel, payload);
  }

  private Update appRecord() {
    return record(
        "sys_app",
        appSysId(),
        APP_NAME,
        "Application",
        w -> {
          field(w, "active", "true");
          field(w, "name", APP_NAME);
          field(w, "scope", SCOPE);
          field(w, "short_description", "Start, message, signal and cancel Camunda 8 processes from ServiceNow; start flows from Camunda");
          field(w, "version", version);
          field(w, "vendor", "ACME");
        });
  }

  private Update roleRecord() {
    return record(
        "sys_user_role",
        sysId("sys_user_role", FLOW_RUNNER_ROLE),
        FLOW_RUNNER_ROLE,
        "Role",
        w -> {
          field(w, "description", "May call the Camunda flow API (/api/x_acme_camunda/flow/v1)");
          field(w, "name", FLOW_RUNNER_ROLE);
          field(w, "suffix", "flow_runner");
        });
  }

  private Update scriptInclude(String name, String description) {
    String script = read("sys_script_include/" + name + ".js");
    return record(
        "sys_script_include",
        sysId("sys_script_include", name),
        name,
        "Script Include",
        w -> {
          field(w, "access", "public");
          field(w, "active", "true");
          field(w, "api_name", SCOPE + "." + name);
          field(w, "caller_access", "");
          field(w, "client_callable", "false");
          field(w, "description", description);
          field(w, "name", name);
          field(w, "script", script);
        });
  }

  private Update apiDefinition(String apiId) {
    return record(
        "sys_ws_definition",
        apiId,
        "Camunda flow API",
        "Scripted REST API",
        w -> {
          field(w, "active", "true");
          field(w, "base_uri", API_BASE_URI);
          field(w, "consumes", "application/json");
          field(w, "consumes_customized", "false");
          field(w, "default_operation_uri", "");
          field(w, "doc_link", "docs/flow-api.md");
          field(w, "enforce_acl", "");
          field(w, "is_versioned", "false");
          field(w, "name", "Camunda flow API");
          field(w, "namespace", SCOPE);
          field(w, "produces", "application/json");
          field(w, "produces_customized", "false");
          field(w, "service_id", "flow");
          field(w, "short_description", "Start Flow Designer flows, subflows and actions for Camunda and report their state (contract: docs/flow-api.md)");
        });
  }

  private Update operation(String apiId, Operation op) {
    String script = read(op.scriptFile());
    return record(
        "sys_ws_operation",
        sysId("sys_ws_operation", op.name()),
        op.name(),
        "Scripted REST Resource",
        w -> {
          field(w, "active", "true");
          field(w, "consumes", "application/json");
          field(w, "consumes_customized", "false");
          field(w, "default_operation_uri", "");
          field(w, "http_method", op.method());
          field(w, "name", op.name());
          field(w, "operation_script", script);
          field(w, "operation_uri", API_BASE_URI + op.relativePath());
          field(w, "produces", "application/json");
          field(w, "produces_customized", "false");
          field(w, "relative_path", op.relativePath());
          field(w, "request_example", "");
          field(w, "requires_acl_authorization", "true");
          field(w, "requires_authentication", "true");
          field(w, "requires_snc_internal_role", "true");
          field(w, "short_description", op.description());
          w.writeStartElement("web_service_definition");
          w.writeAttribute("display_value", "Camunda flow API");
          w.writeCharacters(apiId);
          w.writeEndElement();
          field(w, "web_service_version", "");
        });
  }

  private Update property(Property p) {
    return record(
        "sys_properties",
        sysId("sys_properties", p.name()),
        p.name(),
        "System Property",
        w -> {
          field(w, "choices", p.choices().isEmpty() ? "" : p.choices());
          field(w, "description", p.description());
          field(w, "ignore_cache", "false");
          // private properties are skipped when an update set is committed, so these must be public
          field(w, "is_private", "false");
          field(w, "name", p.name());
          field(w, "read_roles", "");
          field(w, "suffix", p.name().substring(SCOPE.length() + 1));
          field(w, "type", p.type());
          field(w, "value", p.value());
          field(w, "write_roles", "");
        });
  }

  /** Parses {@code sys_properties/properties.txt}: name | type | default | choices | description. */
  public List<Property> properties() {
    List<Property> out = new ArrayList<>();
    for (String line : read("sys_properties/properties.txt").split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\|", -1);
      if (parts.length != 5) {
        throw new IllegalStateException("properties.txt: expected 5 '|'-separated fields in: " + line);
      }
      Property p = new Property(parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip(), parts[4].strip());
      if (!p.name().startsWith(SCOPE + ".")) {
        throw new IllegalStateException("property outside the app scope: " + p.name());
      }
      out.add(p);
    }
    return out;
  }

  // ------------------------------------------------------------------ XML helpers

  private void scopeFields(XMLStreamWriter w) throws XMLStreamException {
    appReference(w, "sys_package");
    appReference(w, "sys_scope");
  }

  private void appReference(XMLStreamWriter w, String name) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeAttribute("display_value", APP_NAME);
    if (!"application".equals(name)) {
      w.writeAttribute("source", SCOPE);
    }
    w.writeCharacters(appSysId());
    w.writeEndElement();
  }

  private void audit(XMLStreamWriter w) throws XMLStreamException {
    field(w, "sys_created_by", "admin");
    field(w, "sys_created_on", timestamp);
    field(w, "sys_mod_count", "0");
    field(w, "sys_updated_by", "admin");
    field(w, "sys_updated_on", timestamp);
  }

  private static void field(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    if (value == null || value.isEmpty()) {
      w.writeEmptyElement(name);
      return;
    }
    w.writeStartElement(name);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  private static String xml(Body body) {
    Writer out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      body.write(w);
      w.flush();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private String read(String relative) {
    try {
      // Normalise line endings so the payload is identical on every OS.
      return Files.readString(sourceDir.resolve(relative), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
