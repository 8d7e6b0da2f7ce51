package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Point 8: the demo seed and reset. */
class DemoSeedTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b.seed("demo"));

  @Test
  void demoDataIsRealisticAndAdminLogsInWithAdmin() {
    Http http = new Http(sn.baseUrl()).basic("admin", "admin");
    assertThat(http.get("/api/now/table/incident").result().size()).isGreaterThanOrEqualTo(8);
    assertThat(http.get("/api/now/table/sys_user?sysparm_query=user_name%3Dadmin&sysparm_fields=sys_id,name")
        .result().get(0).toString())
        .isEqualTo("{\"sys_id\":\"6816f79cc0a8016401c5a33be04be441\",\"name\":\"System Administrator\"}");
    Records r = sn.emulator().records();
    assertThat(r.count("sys_user")).isGreaterThanOrEqualTo(7);
    assertThat(r.count("sys_user_group")).isGreaterThanOrEqualTo(5);
    assertThat(r.count("cmdb_ci")).isGreaterThanOrEqualTo(4);
    assertThat(r.count("cmn_location")).isGreaterThanOrEqualTo(3);
    assertThat(r.count("problem")).isGreaterThanOrEqualTo(1);
    assertThat(r.count("change_request")).isGreaterThanOrEqualTo(1);
    assertThat(r.find("incident", "state=6").get(0).get("close_code")).isNotEmpty();
    assertThat(r.find("incident", "state=7").get(0).get("active")).isEqualTo("false");
    // every reference in the demo incidents points at an existing row
    for (Map<String, String> inc : r.list("incident")) {
      for (String[] ref : new String[][] {{"caller_id", "sys_user"}, {"assignment_group", "sys_user_group"},
          {"assigned_to", "sys_user"}, {"cmdb_ci", "cmdb_ci"}}) {
        String v = inc.get(ref[0]);
        if (!v.isEmpty()) {
          assertThat(r.get(ref[1], v)).as(inc.get("number") + "." + ref[0]).isPresent();
        }
      }
    }
  }

  @Test
  void resetRestoresTheSeedWithTheSameSysIds() {
    Records r = sn.emulator().records();
    String inc1 = r.find("incident", "number=INC0000001").get(0).get("sys_id");
    r.insert("incident", Map.of("short_description", "extra"));
    r.delete("incident", inc1);
    sn.emulator().faults().add(FaultRule.on("*", "/").serverError(500));
    sn.emulator().reset();
    assertThat(r.get("incident", inc1)).isPresent();
    assertThat(r.find("incident", "short_description=extra")).isEmpty();
    assertThat(sn.emulator().faults().all()).isEmpty();
    assertThat(sn.emulator().journal().all()).isEmpty();
    // numbering restarts too
    Http.Response created = new Http(sn.baseUrl()).post("/api/now/table/incident", "{}");
    assertThat(created.result().get("number").asText()).isEqualTo("INC0010001");
  }

  @Test
  void emptySeedHasDictionaryDataButNoIncidents() {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().start()) {
      assertThat(e.records().count("incident")).isZero();
      assertThat(e.records().count("sys_choice")).isPositive();
      assertThat(e.records().find("sys_user", "user_name=admin")).hasSize(1);
    }
  }
}
