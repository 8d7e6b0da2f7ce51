package com.acme.servicenow.reliability;

import static com.acme.servicenow.reliability.Reliability.incidentJob;
import static com.acme.servicenow.reliability.Reliability.tableJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import com.acme.servicenow.reliability.Reliability.Auth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile values in every input that ends up in a URL path, a query or a payload key must be
 * rejected before anything is sent: the job fails with retries 0 (ConnectorInputException → an
 * incident at once, no pointless retries) and the emulator sees no request at all — not even a
 * token request.
 */
class HostileInputTest {

  @RegisterExtension static final ServiceNowEmulatorExtension SN = Reliability.emulator();

  private static final String SYS_ID = "0123456789abcdef0123456789abcdef";

  private record Case(String what, Function<ServiceNowEmulator, JobRequest> job) {}

  private static Map<String, Object> op(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static Case customTable(String table) {
    return new Case("table " + table,
        sn -> tableJob(sn, Auth.OAUTH, op("type", "query")).variable("table", "custom").variable("customTable", table).build());
  }

  private static Case sysId(String operation, String sysId) {
    return new Case(operation + " sys_id " + sysId, sn -> tableJob(sn, Auth.BASIC, op("type", operation, "sysId", sysId)).build());
  }

  private static Case condition(String what, Map<String, Object> condition) {
    return new Case("condition " + what,
        sn -> tableJob(sn, Auth.OAUTH, op("type", "query", "conditions", List.of(condition))).build());
  }

  private static Case query(String what, Map<String, Object> operation, Map<String, Object> options) {
    return new Case(what, sn -> {
      JobRequest.Builder b = tableJob(sn, Auth.BASIC, operation);
      if (options != null) {
        b.variable("options", options);
      }
      return b.build();
    });
  }

  private static Case incident(String what, Map<String, Object> operation) {
    return new Case("incident " + what, sn -> incidentJob(sn, Auth.OAUTH, operation, 10).build());
  }

  private static Case instance(String url) {
    return new Case("instance " + url, sn -> {
      Map<String, Object> vars = new LinkedHashMap<>(tableJob(sn, Auth.BASIC, op("type", "get", "sysId", SYS_ID)).build().variables());
      vars.put("connection", Map.of("instance", url.replace("PORT", String.valueOf(sn.port()))));
      return JobRequest.builder().type("com.acme:servicenow-table:1").variables(vars).retries(3).build();
    });
  }

  static Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    // table names (end up in the URL path)
    for (String t : List.of("incident?sysparm_query=active=true", "../sys_user", "incident/../../sys_user", "incident#x",
        "inc ident", "incident;drop", "incident%2F..%2Fsys_user", "sys_user\n")) {
      cases.add(customTable(t));
    }
    // sys_ids (URL path)
    for (String id : List.of("../../sys_user/" + SYS_ID, "0123456789abcdef/0123456789abcdef", "INC0010001",
        "0123456789abcdef0123456789abcdeg", SYS_ID + "?sysparm_fields=password", "%2e%2e%2f%2e%2e%2fsys_user",
        "0123456789ABCDEF0123456789ABCDEF")) {
      cases.add(sysId("get", id));
    }
    cases.add(sysId("delete", "../" + SYS_ID));
    // condition values, fields and operators (encoded query)
    cases.add(condition("value ^OR", op("field", "short_description", "operator", "=", "value", "x^ORactive=true")));
    cases.add(condition("value ^NQ", op("field", "short_description", "operator", "=", "value", "x^NQactive=true")));
    cases.add(condition("value javascript:", op("field", "short_description", "operator", "=", "value", "javascript:gs.getUserID()")));
    cases.add(condition("value line break", op("field", "short_description", "operator", "=", "value", "line\nbreak")));
    cases.add(condition("IN item with a comma", op("field", "number", "operator", "IN", "value", List.of("INC1,INC2"))));
    cases.add(condition("field with ^OR", op("field", "active=true^ORpriority", "operator", "=", "value", "1")));
    cases.add(condition("field with ;", op("field", "sys_id;--", "operator", "=", "value", "1")));
    cases.add(condition("operator =true^OR", op("field", "active", "operator", "=true^OR", "value", "1")));
    // returned fields and order (query parameters)
    cases.add(query("fields with &", op("type", "query"), op("fields", "number,sys_id&sysparm_x=1")));
    cases.add(query("fields with ^", op("type", "query"), op("fields", "number^ORactive=true")));
    cases.add(query("order by ^NQ", op("type", "query", "orderBy", "number^NQactive=true"), null));
    cases.add(query("raw query with a line break", op("type", "query", "encodedQuery", "active=true\nsysparm_x=1"), null));
    // payload keys
    cases.add(query("record field ^", op("type", "create", "fields", op("short_description^x", "a")), null));
    cases.add(query("record field with a space", op("type", "create", "fields", op("short description", "a")), null));
    cases.add(query("record field path", op("type", "update", "sysId", SYS_ID, "fields", op("../x", "a")), null));
    cases.add(incident("additional field ^", op("type", "create", "shortDescription", "a", "additionalFields", op("priority^x", "1"))));
    cases.add(incident("correlation id with ^", op("type", "create", "shortDescription", "a", "correlationId", "ORDER-1^ORactive=true")));
    cases.add(incident("caller name with ^", op("type", "create", "shortDescription", "a", "caller", "abel^NQactive=true")));
    cases.add(incident("short description of 161 characters", op("type", "create", "shortDescription", "x".repeat(161))));
    cases.add(incident("path in the incident reference", op("type", "get", "incident", "../sys_user/" + SYS_ID)));
    cases.add(incident("query in the incident reference", op("type", "update", "incident", "INC0010001?sysparm_query=x", "fields", op("urgency", "1"))));
    // instance URLs (operator policy: HTTPS only)
    cases.add(instance("http://localhost:PORT"));
    cases.add(instance("file:///etc/passwd"));
    cases.add(instance("javascript:alert(1)"));
    return cases.stream().map(c -> Arguments.of(c.what(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectedBeforeAnyRequest(String what, Case c) {
    ServiceNowEmulator sn = SN.emulator();
    JobOutcome.Failed failed = Reliability.run(sn, c.job().apply(sn)).asFailed();

    assertThat(failed.retries()).as("no retries for bad input").isZero();
    assertThat(sn.journal().all()).as("nothing reached the emulator").isEmpty();
  }

  @org.junit.jupiter.api.Test
  void thereAreAtLeastThirtyCases() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(30);
  }
}
