package com.acme.servicenow.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.query.Condition;
import com.acme.servicenow.client.query.Operator;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.support.HostileCorpus;
import com.acme.servicenow.client.table.Caps;
import com.acme.servicenow.client.table.DisplayValue;
import com.acme.servicenow.client.table.Page;
import com.acme.servicenow.client.table.QueryAllResult;
import com.acme.servicenow.client.table.ReadOptions;
import com.acme.servicenow.client.table.WriteOptions;
import com.acme.servicenow.emulator.LinkHeaderStyle;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Table API behaviour against the emulator: CRUD, paging variants, short pages, caps, streaming, injection. */
class EmulatorBehaviourTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension ext = ServiceNowEmulatorExtension.create(b -> b
      .seed("demo")
      .oauthClient("cid", "csecret")
      .user("bob", "bob-pw", "itil"));

  final EmulatorSupport s = new EmulatorSupport();
  final List<ServiceNowClient> clients = new ArrayList<>();

  ServiceNowClient admin() {
    return client(ext.emulator(), Auth.basic("admin", "admin"));
  }

  ServiceNowClient client(ServiceNowEmulator sn, Auth auth) {
    ServiceNowClient c = s.client(sn, auth);
    clients.add(c);
    return c;
  }

  @AfterEach
  void close() {
    clients.forEach(ServiceNowClient::close);
  }

  @Test
  void crudRoundTrip() {
    ServiceNowClient c = admin();
    ObjectNode created = c.table().create("incident",
        Map.of("short_description", "Printer on fire", "impact", "1", "urgency", "1"), null);
    String id = created.get("sys_id").asText();
    assertThat(created.get("number").asText()).startsWith("INC");
    assertThat(created.get("priority").asText()).isEqualTo("1");

    ObjectNode read = c.table().get("incident", id, ReadOptions.builder().fields("number", "priority", "caller_id")
        .displayValue(DisplayValue.ALL).build()).orElseThrow();
    assertThat(read.get("priority").get("display_value").asText()).isEqualTo("1 - Critical");

    c.table().update("incident", id, Map.of("work_notes", "looking into it", "state", "2"), null);
    assertThat(ext.emulator().records().journal("incident", id, "work_notes")).containsExactly("looking into it");
    ObjectNode replaced = c.table().replace("incident", id, Map.of("short_description", "Printer fixed"),
        WriteOptions.builder().fields("short_description", "state").build());
    assertThat(replaced.get("short_description").asText()).isEqualTo("Printer fixed");
    c.table().delete("incident", id);
    assertThat(c.table().get("incident", id, null)).isEmpty();
    assertThatThrownBy(() -> c.table().delete("incident", id)).isInstanceOfSatisfying(ServiceNowException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_NOT_FOUND));
  }

  @Test
  void structuredQueryMeansWhatItSays() {
    ServiceNowClient c = admin();
    QuerySpec q = QuerySpec.builder().anyOf(Condition.eq("priority", "1"), Condition.eq("priority", "2"))
        .and("short_description", Operator.IS_NOT_EMPTY, null).orderByAsc("number").build();
    Page p = c.table().query("incident", q, ReadOptions.builder().fields("number", "priority").build(), 100, 0);
    assertThat(p.records()).isNotEmpty().allSatisfy(r -> assertThat(r.get("priority").asText()).isIn("1", "2"));
    assertThat(p.totalCount()).isEqualTo(p.records().size());
    List<String> numbers = p.records().stream().map(r -> r.get("number").asText()).toList();
    assertThat(numbers).isSorted();
  }

  @ParameterizedTest
  @EnumSource(LinkHeaderStyle.class)
  void queryAllReturnsEveryRowOnceInBothLinkVariants(LinkHeaderStyle style) {
    try (ServiceNowEmulator sn = ServiceNowEmulator.builder().seed("demo").linkHeaderStyle(style).start()) {
      int expected = sn.records().count("incident");
      QueryAllResult r = client(sn, Auth.basic("admin", "admin")).table().queryAll("incident", QuerySpec.all(),
          ReadOptions.builder().fields("sys_id", "number").build(), Caps.of(1000, 1_000_000, 3));
      assertThat(r.records()).hasSize(expected);
      List<String> ids = r.records().stream().map(n -> n.get("sys_id").asText()).toList();
      assertThat(new HashSet<>(ids)).hasSize(expected);
      assertThat(ids).isSorted();
      assertThat(r.pages()).isEqualTo((expected + 2) / 3);
      assertThat(sn.journal().all()).allSatisfy(req -> assertThat(req.rawQuery()).contains("sysparm_query=ORDERBYsys_id"));
    }
  }

  @Test
  void queryAllWithoutCountEndsInBothLinkVariants() {
    for (LinkHeaderStyle style : LinkHeaderStyle.values()) {
      try (ServiceNowEmulator sn = ServiceNowEmulator.builder().seed("demo").linkHeaderStyle(style).start()) {
        int expected = sn.records().count("incident");
        QueryAllResult r = client(sn, Auth.basic("admin", "admin")).table().queryAll("incident", null,
            ReadOptions.builder().fields("sys_id").noCount(true).build(), Caps.of(1000, 1_000_000, 4));
        assertThat(r.records()).as(style.name()).hasSize(expected);
        assertThat(r.pages()).as(style.name()).isLessThanOrEqualTo((expected + 3) / 4 + 1);
      }
    }
  }

  @Test
  void queryAllDoesNotStopOnShortOrEmptyPagesWhenTheLimitAppliesBeforeAcls() {
    try (ServiceNowEmulator sn = ServiceNowEmulator.builder().seed("demo").user("bob", "pw", "itil")
        .limitBeforeAcl(true).hideRows("bob", "incident", "priorityIN1,2").start()) {
      List<String> visible = sn.records().find("incident", "priorityNOT IN1,2").stream().map(m -> m.get("sys_id")).sorted().toList();
      assertThat(visible).isNotEmpty();
      QueryAllResult r = client(sn, Auth.basic("bob", "pw")).table().queryAll("incident", null,
          ReadOptions.builder().fields("sys_id").build(), Caps.of(1000, 1_000_000, 2));
      assertThat(r.records()).extracting(n -> n.get("sys_id").asText()).containsExactlyElementsOf(visible);
      // some pages must have been short: otherwise this test proves nothing
      assertThat(r.pages()).isGreaterThan((visible.size() + 1) / 2);
    }
  }

  @Test
  void recordCapFailsWithClearError() {
    assertThatThrownBy(() -> admin().table().queryAll("incident", null, null, Caps.of(2, 1_000_000, 100)))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_RESULT_TOO_LARGE);
          assertThat(e.getMessage()).contains("more than 2 records");
        });
  }

  @Test
  void byteCapStopsReadingEarlyWithoutFetchingFurtherPages() {
    ServiceNowEmulator sn = ext.emulator();
    String filler = "x".repeat(2000);
    for (int i = 0; i < 150; i++) {
      sn.records().insert("incident", Map.of("short_description", "bulk " + i, "description", filler));
    }
    sn.journal().clear();
    assertThatThrownBy(() -> admin().table().queryAll("incident", QuerySpec.where(Condition.of("short_description",
            Operator.STARTS_WITH, "bulk")), null, Caps.of(10_000, 50_000, 100)))
        .isInstanceOfSatisfying(ServiceNowException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICENOW_RESULT_TOO_LARGE);
          assertThat(e.getMessage()).contains("50000 bytes");
        });
    assertThat(sn.journal().count("GET", "/api/now/table/incident")).isEqualTo(1);
    // the same data fits when the cap allows it, streamed page by page
    QueryAllResult all = admin().table().queryAll("incident", QuerySpec.where(Condition.of("short_description",
        Operator.STARTS_WITH, "bulk")), ReadOptions.builder().fields("sys_id", "description").build(),
        Caps.of(10_000, 1_000_000, 40));
    assertThat(all.records()).hasSize(150);
    assertThat(all.pages()).isEqualTo(4);
    assertThat(all.bytes()).isGreaterThan(150L * 2000);
    for (var row : sn.records().find("incident", "short_descriptionSTARTSWITHbulk")) {
      sn.records().delete("incident", row.get("sys_id"));
    }
  }

  @Test
  void hostileCorpusSendsNothing() {
    ServiceNowClient c = admin();
    ext.emulator().journal().clear();
    assertThat(HostileCorpus.all()).hasSizeGreaterThanOrEqualTo(30);
    for (HostileCorpus.Attempt a : HostileCorpus.all()) {
      assertThatThrownBy(() -> a.call().accept(c)).as(a.name()).isInstanceOf(ServiceNowInputException.class)
          .hasMessageStartingWith("Invalid input '");
    }
    assertThat(ext.emulator().journal().all()).isEmpty();
  }

  @Test
  void injectionWouldHaveWorkedThroughTheRawOption() {
    // proves the corpus guards something real: the emulator evaluates ^NQ like ServiceNow
    ServiceNowClient c = admin();
    int all = ext.emulator().records().count("incident");
    Page p = c.table().query("incident", QuerySpec.rawEncodedQuery("number=NOPE^NQactiveANYTHING"), null, 1000, 0);
    assertThat(p.records()).hasSize(all);
  }

  @Test
  void thirtyTwoThreadsOneOAuthConnectionExactlyOneTokenRequest() throws Exception {
    ServiceNowClient c = client(ext.emulator(), Auth.password("cid", "csecret", "admin", "admin"));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<JsonNode>> fs = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      fs.add(pool.submit(() -> {
        go.await();
        return c.table().query("incident", null, null, 1, 0).records().get(0);
      }));
    }
    go.countDown();
    for (Future<JsonNode> f : fs) {
      assertThat(f.get()).isNotNull();
    }
    pool.shutdown();
    assertThat(ext.emulator().journal().count("POST", "/oauth_token.do")).isEqualTo(1);
    assertThat(ext.emulator().journal().count("GET", "/api/now/table/incident")).isEqualTo(32);
  }

  @Test
  void sharedClientsAreCachedPerConfiguration() {
    var conn = s.connection(ext.emulator(), Auth.basic("admin", "admin")).build();
    ServiceNowClient a = ServiceNowClient.forConnection(conn, s.options());
    ServiceNowClient b = ServiceNowClient.forConnection(s.connection(ext.emulator(), Auth.basic("admin", "admin")).build(),
        s.options());
    assertThat(a).isSameAs(b);
    assertThat(a.table().query("incident", null, null, 1, 0).records()).hasSize(1);
    assertThat(a.connection().readTimeout()).isEqualTo(Duration.ofSeconds(10));
  }
}
