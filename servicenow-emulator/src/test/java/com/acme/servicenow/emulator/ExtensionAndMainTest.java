package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension's life cycle, and the standalone server's options. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.TestClassOrder(org.junit.jupiter.api.ClassOrderer.OrderAnnotation.class)
class ExtensionAndMainTest {

  @RegisterExtension
  static ServiceNowEmulatorExtension sn = ServiceNowEmulatorExtension.create(b -> b.seed("demo"));

  private static ServiceNowEmulator firstInstance;

  @Test
  @Order(1)
  void firstTestLeavesJournalFaultsAndData() {
    firstInstance = sn.emulator();
    assertThat(sn.baseUrl()).isEqualTo(sn.emulator().baseUrl());
    new Http(sn.baseUrl()).post("/api/now/table/incident", "{\"short_description\":\"kept\"}");
    sn.emulator().faults().add(FaultRule.on("GET", "/api/now/table/problem").serverError(500));
    assertThat(sn.emulator().journal().all()).hasSize(1);
  }

  @Test
  @Order(2)
  void nextTestSeesTheSameEmulatorWithJournalAndFaultsCleared() {
    assertThat(sn.emulator()).isSameAs(firstInstance);
    assertThat(sn.emulator().journal().all()).isEmpty();
    assertThat(sn.emulator().faults().all()).isEmpty();
    assertThat(new Http(sn.baseUrl()).get("/api/now/table/problem").status()).isEqualTo(200);
    assertThat(sn.emulator().records().find("incident", "short_description=kept")).hasSize(1);
  }

  // nested classes get beforeAll/afterAll too; the first one's afterAll must not stop the outer emulator
  @org.junit.jupiter.api.Nested
  @org.junit.jupiter.api.Order(1)
  class FirstNested {
    @Test
    void usesTheOuterEmulator() {
      assertThat(sn.emulator()).isSameAs(firstInstance);
    }
  }

  @org.junit.jupiter.api.Nested
  @org.junit.jupiter.api.Order(2)
  class SecondNested {
    @Test
    void stillUsesTheOuterEmulator() {
      assertThat(sn.emulator()).isSameAs(firstInstance);
      assertThat(new Http(sn.baseUrl()).get("/api/now/table/incident").status()).isEqualTo(200);
    }
  }

  @Test
  @Order(3)
  void outerTestsAfterANestedClassStillHaveTheSameEmulator() {
    assertThat(sn.emulator()).isSameAs(firstInstance);
  }

  @Test
  void mainOptionsConfigureTheServer() {
    try (ServiceNowEmulator e = ServiceNowEmulatorMain.configure(new String[] {"--port", "0", "--seed", "demo",
        "--https", "--latency-ms", "1", "--user", "bob:secret:itil,admin", "--bind", "127.0.0.1"}).build().start()) {
      assertThat(e.isHttps()).isTrue();
      Http bob = new Http(e.baseUrl(), java.net.http.HttpClient.newBuilder().sslContext(e.clientSslContext()).build())
          .basic("bob", "secret");
      assertThat(bob.get("/api/now/table/incident").result().size()).isGreaterThanOrEqualTo(8);
      assertThat(bob.get("/api/now/table/sys_user?sysparm_query=user_name%3Dbob").result()).hasSize(1);
    }
    assertThatThrownBy(() -> ServiceNowEmulatorMain.configure(new String[] {"--seed", "nope"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> ServiceNowEmulatorMain.configure(new String[] {"--user", "justaname"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServiceNowEmulatorMain.configure(new String[] {"--frobnicate"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
