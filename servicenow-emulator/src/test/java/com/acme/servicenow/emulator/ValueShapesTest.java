package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Point 2: reference shapes (the display_value × exclude_reference_link matrix), choices, dot-walks, journals. */
class ValueShapesTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b.seed("demo"));

  private Http http;
  private String incidentId;
  private String abel;

  @BeforeEach
  void setUp() {
    sn.emulator().reset();
    http = new Http(sn.baseUrl());
    Map<String, String> inc1 = sn.emulator().records().find("incident", "number=INC0000001").get(0);
    incidentId = inc1.get("sys_id");
    abel = inc1.get("caller_id");
  }

  @ParameterizedTest(name = "display_value={0}, exclude_reference_link={1}")
  @CsvSource(delimiter = '|', value = {
      "false | false | {\"link\":\"LINK\",\"value\":\"ID\"}",
      "false | true  | \"ID\"",
      "true  | false | {\"display_value\":\"Abel Tuter\",\"link\":\"LINK\"}",
      "true  | true  | \"Abel Tuter\"",
      "all   | false | {\"display_value\":\"Abel Tuter\",\"link\":\"LINK\",\"value\":\"ID\"}",
      "all   | true  | {\"display_value\":\"Abel Tuter\",\"value\":\"ID\"}"})
  void referenceFieldMatrix(String displayValue, String excludeLink, String expected) {
    String link = sn.baseUrl() + "/api/now/table/sys_user/" + abel;
    String want = expected.replace("LINK", link).replace("ID", abel);

    for (String path : List.of("/api/now/table/incident/" + incidentId + "?",
        "/api/now/table/incident?sysparm_query=number=INC0000001&")) {
      Http.Response r = http.get(path + "sysparm_fields=caller_id&sysparm_display_value=" + displayValue
          + "&sysparm_exclude_reference_link=" + excludeLink);
      JsonNode result = r.result().isArray() ? r.result().get(0) : r.result();
      assertThat(result.get("caller_id").toString()).isEqualTo(want);
    }
  }

  @ParameterizedTest(name = "display_value={0}")
  @CsvSource(delimiter = '|', value = {
      "false | \"\"",
      "true  | \"\"",
      "all   | {\"display_value\":\"\",\"value\":\"\"}"})
  void emptyReference(String displayValue, String expected) {
    Http.Response r = http.get("/api/now/table/incident?sysparm_query=number=INC0000002&sysparm_fields=assigned_to"
        + "&sysparm_display_value=" + displayValue);
    assertThat(r.result().get(0).get("assigned_to").toString()).isEqualTo(expected);
  }

  @Test
  void choiceFieldsShowLabels() {
    String base = "/api/now/table/incident/" + incidentId + "?sysparm_fields=state,priority,impact,category";
    JsonNode raw = http.get(base).result();
    assertThat(raw.get("state").asText()).isEqualTo("2");
    assertThat(raw.get("priority").asText()).isEqualTo("1");
    JsonNode display = http.get(base + "&sysparm_display_value=true").result();
    assertThat(display.get("state").asText()).isEqualTo("In Progress");
    assertThat(display.get("priority").asText()).isEqualTo("1 - Critical");
    assertThat(display.get("impact").asText()).isEqualTo("1 - High");
    assertThat(display.get("category").asText()).isEqualTo("Software");
    JsonNode all = http.get(base + "&sysparm_display_value=all").result();
    assertThat(all.get("state").toString()).isEqualTo("{\"display_value\":\"In Progress\",\"value\":\"2\"}");
    assertThat(all.get("priority").toString()).isEqualTo("{\"display_value\":\"1 - Critical\",\"value\":\"1\"}");
  }

  @Test
  void dotWalkedFieldsAppearLiterally() {
    JsonNode r = http.get("/api/now/table/incident/" + incidentId
        + "?sysparm_fields=number,caller_id.name,caller_id.email,assignment_group.manager.name,caller_id.nope").result();
    assertThat(r.get("caller_id.name").asText()).isEqualTo("Abel Tuter");
    assertThat(r.get("caller_id.email").asText()).isEqualTo("abel.tuter@example.com");
    assertThat(r.get("assignment_group.manager.name").asText()).isEqualTo("Fred Luddy");
    assertThat(r.has("caller_id.nope")).isFalse();

    JsonNode ref = http.get("/api/now/table/incident/" + incidentId
        + "?sysparm_fields=caller_id.manager&sysparm_exclude_reference_link=true&sysparm_display_value=true").result();
    assertThat(ref.get("caller_id.manager").asText()).isEqualTo("Beth Anglin");
  }

  @Test
  void journalFieldsAreStoredInSysJournalFieldAndReadBackAsDocumented() {
    String id = http.post("/api/now/table/incident", "{\"short_description\":\"j\",\"work_notes\":\"first note\"}")
        .result().get("sys_id").asText();
    http.patch("/api/now/table/incident/" + id, "{\"work_notes\":\"second note\",\"comments\":\"hello caller\"}");

    JsonNode raw = http.get("/api/now/table/incident/" + id + "?sysparm_fields=work_notes,comments").result();
    assertThat(raw.get("work_notes").asText()).isEmpty();
    assertThat(raw.get("comments").asText()).isEmpty();

    JsonNode journal = http.get("/api/now/table/sys_journal_field?sysparm_query=element_id=" + id
        + "%5EORDERBYsys_created_on&sysparm_fields=element,value,name,element_id").result();
    assertThat(journal).hasSize(3);
    assertThat(journal.findValuesAsText("element")).containsExactlyInAnyOrder("work_notes", "work_notes", "comments");
    assertThat(journal.findValuesAsText("name")).containsOnly("incident");
    assertThat(journal.findValuesAsText("value")).contains("first note", "second note", "hello caller");

    JsonNode display = http.get("/api/now/table/incident/" + id
        + "?sysparm_fields=work_notes,comments&sysparm_display_value=true").result();
    String notes = display.get("work_notes").asText();
    assertThat(notes).contains("System Administrator (Work notes)\nsecond note").contains("first note");
    assertThat(notes.indexOf("second note")).as("newest first").isLessThan(notes.indexOf("first note"));
    assertThat(display.get("comments").asText()).contains("(Additional comments)\nhello caller");

    JsonNode all = http.get("/api/now/table/incident/" + id + "?sysparm_fields=comments&sysparm_display_value=all")
        .result();
    assertThat(all.get("comments").get("value").asText()).isEmpty();
    assertThat(all.get("comments").get("display_value").asText()).contains("hello caller");
  }

  @Test
  void inputDisplayValueResolvesReferencesAndChoices() {
    JsonNode created = http.post("/api/now/table/incident?sysparm_input_display_value=true",
        "{\"short_description\":\"by name\",\"caller_id\":\"Abel Tuter\",\"assignment_group\":\"Network\","
            + "\"state\":\"In Progress\"}").result();
    assertThat(created.get("caller_id").get("value").asText()).isEqualTo(abel);
    assertThat(created.get("assignment_group").get("value").asText()).matches("[0-9a-f]{32}");
    assertThat(created.get("state").asText()).isEqualTo("2");

    JsonNode literal = http.post("/api/now/table/incident", "{\"caller_id\":\"Abel Tuter\"}").result();
    assertThat(literal.get("caller_id").get("value").asText()).isEqualTo("Abel Tuter");
  }

  @Test
  void nameValuePairsAcceptDisplayValues() {
    JsonNode r = http.get("/api/now/table/incident?state=In%20Progress&sysparm_fields=number").result();
    assertThat(r.findValuesAsText("number")).containsExactlyInAnyOrder("INC0000001", "INC0000003", "INC0000007");
    JsonNode byCaller = http.get("/api/now/table/incident?caller_id=Abel%20Tuter&sysparm_fields=number").result();
    assertThat(byCaller.findValuesAsText("number")).contains("INC0000001", "INC0000003", "INC0000007");
  }
}
