package com.acme.servicenow.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clients at once: no lost writes, unique numbers, consistent counts. */
class ConcurrencyTest {

  @Test
  void parallelInsertsAndUpdatesLoseNothing() throws Exception {
    try (ServiceNowEmulator e = ServiceNowEmulator.builder().start();
         ExecutorService pool = Executors.newFixedThreadPool(32)) {
      HttpClient client = HttpClient.newHttpClient();
      List<Future<String>> numbers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        numbers.add(pool.submit(() -> {
          HttpRequest post = HttpRequest.newBuilder(URI.create(e.baseUrl() + "/api/now/table/incident"))
              .header("Authorization", "Basic YWRtaW46YWRtaW4=").header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"short_description\":\"parallel " + n + "\"}")).build();
          HttpResponse<String> r = client.send(post, HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isEqualTo(201);
          return Http.MAPPER.readTree(r.body()).get("result").get("number").asText();
        }));
      }
      Set<String> seen = new HashSet<>();
      for (Future<String> f : numbers) {
        seen.add(f.get());
      }
      assertThat(seen).hasSize(200);
      assertThat(e.records().count("incident")).isEqualTo(200);

      // 100 concurrent PATCHes of one record: every one counted
      String id = e.records().list("incident").get(0).get("sys_id");
      List<Future<Integer>> patches = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        int n = i;
        patches.add(pool.submit(() -> {
          HttpRequest patch = HttpRequest.newBuilder(URI.create(e.baseUrl() + "/api/now/table/incident/" + id))
              .header("Authorization", "Basic YWRtaW46YWRtaW4=").header("Content-Type", "application/json")
              .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"work_notes\":\"note " + n + "\"}")).build();
          return client.send(patch, HttpResponse.BodyHandlers.ofString()).statusCode();
        }));
      }
      for (Future<Integer> f : patches) {
        assertThat(f.get()).isEqualTo(200);
      }
      assertThat(e.records().get("incident", id).orElseThrow().get("sys_mod_count")).isEqualTo("100");
      assertThat(e.records().journal("incident", id, "work_notes")).hasSize(100);
      assertThat(e.journal().count("PATCH", "/api/now/table/incident/")).isEqualTo(100);
    }
  }
}
