package com.acme.servicenow.reliability;

import static com.acme.servicenow.reliability.Reliability.incidentJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.client.ServiceNowClients;
import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import com.acme.servicenow.reliability.Reliability.Auth;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.pool.PoolStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Soak: {@value #JOBS} idempotent create-incident jobs at concurrency {@value #CONCURRENCY} through
 * the runtime's job handler over HTTPS with OAuth, while about 5 % of the API requests fail with a
 * 429 ({@code Retry-After: 1}) or a 503, and every tenth job is delivered a second time (its
 * completion was "lost"). A small engine loop re-activates failed jobs while they have retries, as
 * Zeebe would (without waiting out the backoff).
 *
 * <p>Every job must end completed or with a classified error, no correlation id may have two
 * incidents, retries must stay bounded, and no thread or pooled connection may be left behind.
 */
class SoakTest {

  static final int JOBS = 5000;
  static final int CONCURRENCY = 32;
  /** One fault per this many jobs; a job makes two API requests (look-up + create) → ~5 % of requests. */
  static final int FAULT_EVERY = 10;

  @RegisterExtension static final ServiceNowEmulatorExtension SN = Reliability.emulator();

  @Test
  void idempotentCreatesUnderFaultsAndDuplicateDeliveries() throws Exception {
    ServiceNowEmulator sn = SN.emulator();
    ConnectorRuntimeHarness runtime = Reliability.incidentRuntime(sn);

    // warm-up: the pool, its evictor thread and the token exist before the "before" snapshot
    for (int i = 0; i < 5; i++) {
      runtime.run(job(sn, 9_000_000 + i)).asCompleted();
    }
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    PoolStats poolBefore = poolStats(sn);
    sn.journal().clear();

    AtomicInteger faults = new AtomicInteger();
    AtomicInteger engineRetries = new AtomicInteger();
    AtomicInteger duplicateDeliveries = new AtomicInteger();
    Map<Integer, JobOutcome> finalOutcomes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    long started = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      int n = i;
      futures.add(pool.submit(() -> {
        if (n % FAULT_EVERY == 0) {
          // one request soon after this fails: alternately rate limited and "service unavailable"
          FaultRule rule = FaultRule.on("*", "/api/now/table/incident").times(1);
          sn.faults().add(n % (2 * FAULT_EVERY) == 0 ? rule.rateLimited(Duration.ofSeconds(1)) : rule.serverError(503));
          faults.incrementAndGet();
        }
        JobRequest job = job(sn, n);
        JobOutcome outcome = deliver(runtime, job, engineRetries);
        if (n % 10 == 5) {
          duplicateDeliveries.incrementAndGet();
          outcome = deliver(runtime, job, engineRetries);
        }
        finalOutcomes.put(n, outcome);
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    double seconds = (System.nanoTime() - started) / 1e9;

    // every job ended in success or a classified error
    int completed = 0;
    Map<String, Integer> errorCodes = new HashMap<>();
    for (int n = 0; n < JOBS; n++) {
      JobOutcome o = finalOutcomes.get(n);
      assertThat(o).as("job %d", n).isNotNull();
      if (o instanceof JobOutcome.Completed) {
        completed++;
      } else {
        String code = (String) Reliability.error(o.asFailed()).get("code");
        assertThat(code).as("job %d error code", n).startsWith("SERVICENOW_");
        errorCodes.merge(code, 1, Integer::sum);
      }
    }

    // no correlation id has two incidents, every completed job has its one
    Map<String, Integer> perCorrelation = new HashMap<>();
    for (Map<String, String> incident : sn.records().list("incident")) {
      String c = incident.getOrDefault("correlation_id", "");
      if (c.startsWith("camunda:" + PROCESS + ":")) {
        perCorrelation.merge(c, 1, Integer::sum);
      }
    }
    assertThat(perCorrelation.values()).allMatch(count -> count == 1);
    for (int n = 0; n < JOBS; n++) {
      if (finalOutcomes.get(n) instanceof JobOutcome.Completed) {
        assertThat(perCorrelation).containsKey("camunda:" + PROCESS + ":" + n);
      }
    }

    // bounded retries: each injected fault costs at most one engine retry and two extra requests
    long apiRequests = Reliability.apiRequests(sn).size();
    assertThat(engineRetries.get()).isLessThanOrEqualTo(faults.get());
    assertThat(apiRequests).isLessThanOrEqualTo(2L * (JOBS + duplicateDeliveries.get() + engineRetries.get()) + 2L * faults.get());
    assertThat(Reliability.tokenRequests(sn)).isZero();

    // no leak: no extra platform threads, no leased or pending pooled connection
    PoolStats poolAfter = poolStats(sn);
    int threadsAfter = settledThreadCount(threadsBefore);
    assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + 2);
    assertThat(poolAfter.getLeased()).isZero();
    assertThat(poolAfter.getPending()).isZero();
    assertThat(poolAfter.getAvailable()).isLessThanOrEqualTo(poolAfter.getMax());

    System.out.printf(
        "soak: %d jobs at concurrency %d in %.1f s; %d completed, errors %s; %d faults injected, %d engine retries, "
            + "%d duplicate deliveries, %d API requests; threads %d -> %d; pool before %s, after %s%n",
        JOBS, CONCURRENCY, seconds, completed, errorCodes, faults.get(), engineRetries.get(),
        duplicateDeliveries.get(), apiRequests, threadsBefore, threadsAfter, poolBefore, poolAfter);
  }

  private static final long PROCESS = 880_000L;

  private static JobRequest job(ServiceNowEmulator sn, int n) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("type", "create");
    op.put("shortDescription", "Soak incident " + n);
    op.put("urgency", "LOW");
    return incidentJob(sn, Auth.OAUTH, op, 10).processInstanceKey(PROCESS).elementInstanceKey(n).retries(3).build();
  }

  /** The engine's part: re-activate a failed job while it has retries left (backoff not waited out). */
  private static JobOutcome deliver(ConnectorRuntimeHarness runtime, JobRequest job, AtomicInteger engineRetries) {
    JobRequest current = job;
    while (true) {
      JobOutcome outcome = runtime.run(current);
      if (!(outcome instanceof JobOutcome.Failed failed) || failed.retries() <= 0) {
        return outcome;
      }
      engineRetries.incrementAndGet();
      current =
          JobRequest.builder()
              .type(job.type())
              .variables(job.variables())
              .headers(job.headers())
              .processInstanceKey(job.processInstanceKey())
              .elementInstanceKey(job.elementInstanceKey())
              .retries(failed.retries())
              .build();
    }
  }

  private static int settledThreadCount(int target) throws InterruptedException {
    int count = ManagementFactory.getThreadMXBean().getThreadCount();
    for (int i = 0; i < 50 && count > target + 2; i++) {
      Thread.sleep(100);
      count = ManagementFactory.getThreadMXBean().getThreadCount();
    }
    return count;
  }

  /**
   * The shared pool of the emulator's base URL. The client does not expose pool statistics, so this
   * reads them through reflection ({@code ServiceNowClients.POOLS} → {@code InternalHttpClient.connManager}).
   */
  @SuppressWarnings("unchecked")
  private static PoolStats poolStats(ServiceNowEmulator sn) throws Exception {
    Field pools = ServiceNowClients.class.getDeclaredField("POOLS");
    pools.setAccessible(true);
    Map<Object, Object> all = (Map<Object, Object>) pools.get(null);
    int leased = 0;
    int pending = 0;
    int available = 0;
    int max = 0;
    int matched = 0;
    for (Map.Entry<Object, Object> e : all.entrySet()) {
      if (!e.getKey().toString().contains(":" + sn.port())) {
        continue;
      }
      Field manager = e.getValue().getClass().getDeclaredField("connManager");
      manager.setAccessible(true);
      PoolStats s = ((PoolingHttpClientConnectionManager) manager.get(e.getValue())).getTotalStats();
      leased += s.getLeased();
      pending += s.getPending();
      available += s.getAvailable();
      max += s.getMax();
      matched++;
    }
    assertThat(matched).as("pools for the emulator").isEqualTo(1);
    return new PoolStats(leased, pending, available, max);
  }
}
