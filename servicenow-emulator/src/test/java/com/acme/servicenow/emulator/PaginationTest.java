package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Point 4: X-Total-Count, both Link variants, suppression, no_count, v1/v2 empty lists, limit before ACL. */
class PaginationTest {

  private static ServiceNowEmulator start(ServiceNowEmulator.Builder b, int rows) {
    ServiceNowEmulator e = b.start();
    for (int i = 0; i < rows; i++) {
      e.records().insert("incident", Map.of("short_description", "row " + i));
    }
    return e;
  }

  @Test
  void variantAAllRelsWithNegativePrevOnFirstPage() {
    try (ServiceNowEmulator e = start(ServiceNowEmulator.builder(), 25)) {
      Http http = new Http(e.baseUrl());
      Http.Response r = http.get("/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_limit=10");
      assertThat(r.result()).hasSize(10);
      assertThat(r.header("X-Total-Count")).isEqualTo("25");
      String base = e.baseUrl() + "/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_limit=10&sysparm_offset=";
      assertThat(r.header("Link")).isEqualTo("<" + base + "0>;rel=\"first\",<" + base + "-10>;rel=\"prev\",<" + base
          + "10>;rel=\"next\",<" + base + "20>;rel=\"last\"");

      Http.Response last = http.get("/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_limit=10&sysparm_offset=20");
      assertThat(last.result()).hasSize(5);
      assertThat(rels(last.header("Link"))).containsExactly("first", "prev", "next", "last");
    }
  }

  @Test
  void variantBOnlyApplicableRels() {
    try (ServiceNowEmulator e = start(ServiceNowEmulator.builder().linkHeaderStyle(LinkHeaderStyle.ONLY_APPLICABLE),
        25)) {
      Http http = new Http(e.baseUrl());
      assertThat(rels(http.get("/api/now/table/incident?sysparm_limit=10").header("Link")))
          .containsExactly("first", "next", "last");
      assertThat(rels(http.get("/api/now/table/incident?sysparm_limit=10&sysparm_offset=10").header("Link")))
          .containsExactly("first", "prev", "next", "last");
      Http.Response last = http.get("/api/now/table/incident?sysparm_limit=10&sysparm_offset=20");
      assertThat(rels(last.header("Link"))).containsExactly("first", "prev", "last");
      assertThat(offset(last.header("Link"), "prev")).isEqualTo(10);
      assertThat(http.get("/api/now/table/incident?sysparm_limit=100").header("Link")).as("one page: no Link").isNull();
    }
  }

  @Test
  void lastOffsetFollowsTheCapturedFormula() {
    try (ServiceNowEmulator e = start(ServiceNowEmulator.builder(), 73)) {
      Http.Response r = new Http(e.baseUrl()).get("/api/now/table/incident?sysparm_limit=1");
      assertThat(offset(r.header("Link"), "last")).isEqualTo(72);
      assertThat(offset(r.header("Link"), "prev")).isEqualTo(-1);
      assertThat(r.header("X-Total-Count")).isEqualTo("73");
    }
  }

  @Test
  void suppressPaginationHeaderAndNoCount() {
    try (ServiceNowEmulator e = start(ServiceNowEmulator.builder(), 5)) {
      Http http = new Http(e.baseUrl());
      Http.Response suppressed = http.get("/api/now/table/incident?sysparm_limit=2&sysparm_suppress_pagination_header=true");
      assertThat(suppressed.header("Link")).isNull();
      assertThat(suppressed.header("X-Total-Count")).isEqualTo("5");
      Http.Response noCount = http.get("/api/now/table/incident?sysparm_limit=2&sysparm_no_count=true");
      assertThat(noCount.header("X-Total-Count")).isNull();
      assertThat(noCount.result()).hasSize(2);
      assertThat(rels(noCount.header("Link"))).contains("next").doesNotContain("last");
    }
  }

  @Test
  void emptyListIs404OnV1And200OnV2() {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().start()) {
      Http http = new Http(e.baseUrl());
      Http.Response v1 = http.get("/api/now/v1/table/incident?sysparm_query=number%3DNONE");
      assertThat(v1.status()).isEqualTo(404);
      assertThat(v1.body()).isEqualTo("{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn't exist "
          + "or ACL restricts the record retrieval\"},\"status\":\"failure\"}");
      Http.Response v2 = http.get("/api/now/v2/table/incident?sysparm_query=number%3DNONE");
      assertThat(v2.status()).isEqualTo(200);
      assertThat(v2.body()).isEqualTo("{\"result\":[]}");
      assertThat(http.get("/api/now/table/incident").body()).isEqualTo("{\"result\":[]}");
    }
  }

  @Test
  void limitBeforeAclGivesShortAndEmptyPagesWhileLaterPagesHoldRows() {
    ServiceNowEmulator.Builder b = ServiceNowEmulator.builder().user("bob", "pw", "itil").limitBeforeAcl(true)
        .hideRows("bob", "incident", "short_descriptionSTARTSWITHsecret");
    try (ServiceNowEmulator e = b.start()) {
      for (int i = 0; i < 5; i++) {
        e.records().insert("incident", Map.of("short_description", "secret " + i));
      }
      for (int i = 0; i < 5; i++) {
        e.records().insert("incident", Map.of("short_description", "public " + i));
      }
      Http bob = new Http(e.baseUrl()).basic("bob", "pw");
      Http.Response first = bob.get("/api/now/table/incident?sysparm_limit=4&sysparm_fields=short_description");
      assertThat(first.result()).isEmpty();
      assertThat(first.header("X-Total-Count")).isEqualTo("10");
      assertThat(rels(first.header("Link"))).contains("next");
      Http.Response second = bob.get("/api/now/table/incident?sysparm_limit=4&sysparm_offset=4&sysparm_fields=short_description");
      assertThat(second.result()).hasSize(3);

      // a client that follows rel="next" instead of stopping on a short page sees every visible row
      List<String> seen = new ArrayList<>();
      String url = "/api/now/table/incident?sysparm_limit=4&sysparm_fields=short_description";
      while (url != null) {
        Http.Response page = bob.get(url);
        page.result().forEach(n -> seen.add(n.get("short_description").asText()));
        int next = offset(page.header("Link"), "next");
        url = next < Integer.parseInt(page.header("X-Total-Count"))
            ? "/api/now/table/incident?sysparm_limit=4&sysparm_fields=short_description&sysparm_offset=" + next : null;
      }
      assertThat(seen).containsExactly("public 0", "public 1", "public 2", "public 3", "public 4");

      assertThat(new Http(e.baseUrl()).get("/api/now/table/incident?sysparm_limit=4").result()).as("admin sees all")
          .hasSize(4);
    }
  }

  @Test
  void withoutLimitBeforeAclHiddenRowsAreFilteredFirst() {
    ServiceNowEmulator.Builder b = ServiceNowEmulator.builder().user("bob", "pw")
        .hideRows("bob", "incident", "short_descriptionSTARTSWITHsecret");
    try (ServiceNowEmulator e = b.start()) {
      e.records().insert("incident", Map.of("short_description", "secret"));
      String visible = e.records().insert("incident", Map.of("short_description", "public")).get("sys_id");
      String hidden = e.records().find("incident", "short_description=secret").get(0).get("sys_id");
      Http bob = new Http(e.baseUrl()).basic("bob", "pw");
      Http.Response r = bob.get("/api/now/table/incident?sysparm_limit=1");
      assertThat(r.result()).hasSize(1);
      assertThat(r.header("X-Total-Count")).isEqualTo("1");
      assertThat(bob.get("/api/now/table/incident/" + hidden).status()).isEqualTo(404);
      assertThat(bob.get("/api/now/table/incident/" + visible).status()).isEqualTo(200);
    }
  }

  private static final Pattern LINK = Pattern.compile("<([^>]*)>;rel=\"(\\w+)\"");

  static List<String> rels(String link) {
    List<String> out = new ArrayList<>();
    if (link == null) {
      return out;
    }
    Matcher m = LINK.matcher(link);
    while (m.find()) {
      out.add(m.group(2));
    }
    return out;
  }

  static int offset(String link, String rel) {
    Matcher m = LINK.matcher(link);
    while (m.find()) {
      if (m.group(2).equals(rel)) {
        Matcher o = Pattern.compile("sysparm_offset=(-?\\d+)").matcher(m.group(1));
        if (o.find()) {
          return Integer.parseInt(o.group(1));
        }
      }
    }
    return Integer.MAX_VALUE;
  }
}
