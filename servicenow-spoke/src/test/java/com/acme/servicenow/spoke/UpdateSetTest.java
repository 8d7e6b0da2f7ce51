package com.acme.servicenow.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Parses the update set that the build generated (process-classes phase) and checks that every
 * script in it is byte-for-byte its source file, and that the REST API and properties are there.
 */
class UpdateSetTest {

  private static Path file;
  private static Document unload;
  /** table → (sys_id → record element from the payload) */
  private static final Map<String, Map<String, Element>> RECORDS = new LinkedHashMap<>();

  @BeforeAll
  static void parse() throws Exception {
    file = Path.of(System.getProperty("updateSet.file", "target/x_acme_camunda-update-set.xml"));
    assertThat(file).exists();
    unload = parseXml(Files.readAllBytes(file));
    NodeList updates = unload.getDocumentElement().getElementsByTagName("sys_update_xml");
    for (int i = 0; i < updates.getLength(); i++) {
      Element update = (Element) updates.item(i);
      Document payload = parseXml(text(update, "payload").getBytes(StandardCharsets.UTF_8));
      Element recordUpdate = payload.getDocumentElement();
      assertThat(recordUpdate.getTagName()).isEqualTo("record_update");
      String table = recordUpdate.getAttribute("table");
      Element record = (Element) recordUpdate.getElementsByTagName(table).item(0);
      String sysId = text(record, "sys_id");
      assertThat(text(update, "name")).isEqualTo(table + "_" + sysId);
      RECORDS.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(sysId, record);
    }
  }

  private static Document parseXml(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  private static String text(Element parent, String child) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(child)) {
        return e.getTextContent();
      }
    }
    throw new AssertionError("no <" + child + "> in <" + parent.getTagName() + ">");
  }

  private static Element byField(String table, String field, String value) {
    return RECORDS.getOrDefault(table, Map.of()).values().stream()
        .filter(r -> text(r, field).equals(value))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + table + " with " + field + "=" + value));
  }

  private static String source(String relative) {
    return ServiceNowRuntime.source(relative).replace("\r\n", "\n");
  }

  @Test
  void isOneRemoteUpdateSetForTheScope() {
    NodeList sets = unload.getDocumentElement().getElementsByTagName("sys_remote_update_set");
    assertThat(sets.getLength()).isEqualTo(1);
    assertThat(text((Element) sets.item(0), "application_scope")).isEqualTo("x_acme_camunda");
    assertThat(RECORDS.get("sys_app")).hasSize(1);
    assertThat(text(RECORDS.get("sys_app").values().iterator().next(), "scope")).isEqualTo("x_acme_camunda");
    assertThat(byField("sys_user_role", "name", "x_acme_camunda.flow_runner")).isNotNull();
  }

  @Test
  void scriptIncludesEqualTheirSources() {
    assertThat(RECORDS.get("sys_script_include")).hasSize(3);
    for (String name : List.of("CamundaClient", "CamundaActionOutputs", "CamundaFlowApi")) {
      Element r = byField("sys_script_include", "name", name);
      assertThat(text(r, "script")).isEqualTo(source("sys_script_include/" + name + ".js"));
      assertThat(text(r, "api_name")).isEqualTo("x_acme_camunda." + name);
      assertThat(text(r, "active")).isEqualTo("true");
      assertThat(text(r, "sys_scope")).isEqualTo(UpdateSetGenerator.appSysId());
    }
  }

  @Test
  void flowApiMatchesTheContractPaths() {
    Element api = byField("sys_ws_definition", "service_id", "flow");
    assertThat(text(api, "base_uri")).isEqualTo("/api/x_acme_camunda/flow");
    assertThat(text(api, "is_versioned")).isEqualTo("false");
    String apiId = text(api, "sys_id");
    Map<String, String> expected =
        Map.of(
            "start", "POST /api/x_acme_camunda/flow/v1/start",
            "status", "GET /api/x_acme_camunda/flow/v1/status/{contextId}",
            "cancel", "POST /api/x_acme_camunda/flow/v1/cancel/{contextId}");
    assertThat(RECORDS.get("sys_ws_operation")).hasSize(3);
    expected.forEach(
        (name, route) -> {
          Element op = byField("sys_ws_operation", "name", name);
          assertThat(text(op, "http_method") + " " + text(op, "operation_uri")).isEqualTo(route);
          assertThat(text(op, "operation_script")).isEqualTo(source("sys_ws_operation/" + name + ".js"));
          assertThat(text(op, "web_service_definition")).isEqualTo(apiId);
          assertThat(text(op, "requires_authentication")).isEqualTo("true");
        });
  }

  @Test
  void systemPropertiesCoverEverySettingTheClientReads() {
    Map<String, Element> props = RECORDS.get("sys_properties");
    Set<String> names = new HashSet<>();
    props.values().forEach(p -> names.add(text(p, "name")));
    // every x_acme_camunda.<setting> that CamundaClient._loadConfig reads has a definition
    List<String> read = new ArrayList<>();
    var m =
        java.util.regex.Pattern.compile("var names = \\[([^\\]]*)\\]", java.util.regex.Pattern.DOTALL)
            .matcher(source("sys_script_include/CamundaClient.js"));
    assertThat(m.find()).isTrue();
    for (String quoted : m.group(1).split(",")) {
      read.add("x_acme_camunda." + quoted.strip().replace("'", ""));
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(read);
    Element secret = byField("sys_properties", "name", "x_acme_camunda.oauth.client_secret");
    assertThat(text(secret, "type")).isEqualTo("password2");
    assertThat(text(secret, "value")).isEmpty();
    assertThat(text(byField("sys_properties", "name", "x_acme_camunda.basic.password"), "type")).isEqualTo("password2");
    Element auth = byField("sys_properties", "name", "x_acme_camunda.auth_type");
    assertThat(text(auth, "choices")).isEqualTo("oauth,basic,none");
    assertThat(text(auth, "value")).isEqualTo("oauth");
    props.values().forEach(p -> assertThat(text(p, "is_private")).isEqualTo("false"));
  }

  @Test
  void sysIdsAreUniqueHexAndGenerationIsDeterministic() throws IOException {
    Set<String> ids = new HashSet<>();
    RECORDS.values().forEach(byId -> byId.keySet().forEach(id -> assertThat(ids.add(id)).isTrue()));
    assertThat(ids).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{32}"));
    String timestamp = unload.getDocumentElement().getAttribute("unload_date");
    String version = text((Element) unload.getDocumentElement().getElementsByTagName("sys_remote_update_set").item(0), "application_version");
    String again = new UpdateSetGenerator(ServiceNowRuntime.SOURCES, version, timestamp).generate();
    assertThat(again).isEqualTo(Files.readString(file));
  }
}
