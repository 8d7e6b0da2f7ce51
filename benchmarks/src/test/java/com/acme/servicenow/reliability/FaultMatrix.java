package com.acme.servicenow.reliability;

import static com.acme.servicenow.reliability.Reliability.apiRequests;
import static com.acme.servicenow.reliability.Reliability.apiStatuses;
import static com.acme.servicenow.reliability.Reliability.error;
import static com.acme.servicenow.reliability.Reliability.seededIncident;
import static com.acme.servicenow.reliability.Reliability.tableJob;
import static com.acme.servicenow.reliability.Reliability.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.reliability.Reliability.Auth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fault matrix of issue 9: every row injects one fault, runs one job through the runtime's job
 * handler and states what the engine must be told — success after the client's own retry, a failed
 * job whose retry backoff is the server's, or a classified error code. Shared by {@link
 * FaultMatrixTest} (expectations) and {@link SecretLeakTest} (the same paths, scanned for secrets).
 */
final class FaultMatrix {

  /** Runtimes and emulator for one row; fresh token caches each time. */
  record Ctx(ServiceNowEmulator sn, ConnectorRuntimeHarness table, ConnectorRuntimeHarness incident) {
    static Ctx of(ServiceNowEmulator sn) {
      return new Ctx(sn, Reliability.tableRuntime(sn), Reliability.incidentRuntime(sn));
    }
  }

  interface Runner {
    JobOutcome run(Ctx ctx, Auth auth) throws Exception;
  }

  interface Expectation {
    void check(Ctx ctx, JobOutcome outcome) throws Exception;
  }

  record Row(String name, boolean oauthOnly, Runner runner, Expectation expectation) {
    @Override
    public String toString() {
      return name;
    }
  }

  private FaultMatrix() {}

  private static final String INCIDENT_PATH = "/api/now/table/incident";

  private static JobOutcome getIncident(Ctx ctx, Auth auth) {
    return ctx.table().run(tableJob(ctx.sn(), auth, Map.of("type", "get", "sysId", seededIncident(ctx.sn()))).build());
  }

  private static JobOutcome getIncidentWithReadTimeout(Ctx ctx, Auth auth, int seconds) {
    return ctx.table()
        .run(tableJob(ctx.sn(), auth, "incident", Map.of("type", "get", "sysId", seededIncident(ctx.sn())), seconds).build());
  }

  private static Expectation successAfterRetry(int firstStatus) {
    return (ctx, outcome) -> {
      outcome.asCompleted();
      assertThat(apiStatuses(ctx.sn())).containsExactly(firstStatus, 200);
    };
  }

  private static Expectation failedWith(String code, int requests) {
    return (ctx, outcome) -> {
      JobOutcome.Failed failed = outcome.asFailed();
      assertThat(failed.retries()).as("retries handed to the engine").isEqualTo(2);
      assertThat(error(failed)).containsEntry("code", code);
      assertThat(apiRequests(ctx.sn())).hasSize(requests);
    };
  }

  /** Delayed requests reach the journal only when the emulator answers them (after the client gave up). */
  static void awaitApiRequests(Ctx ctx, int count) throws InterruptedException {
    for (int i = 0; i < 100 && apiRequests(ctx.sn()).size() < count; i++) {
      Thread.sleep(50);
    }
  }

  static List<Row> rows() {
    return List.of(
        new Row("429 + Retry-After 1 s: the client waits and succeeds", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).times(1).rateLimited(Duration.ofSeconds(1)));
              return getIncident(ctx, auth);
            },
            successAfterRetry(429)),
        new Row("429 + Retry-After 30 s (beyond the client's budget): retry handed to the engine with 30 s backoff", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).rateLimited(Duration.ofSeconds(30)));
              return getIncident(ctx, auth);
            },
            (ctx, outcome) -> {
              JobOutcome.Failed failed = outcome.asFailed();
              assertThat(failed.retries()).isEqualTo(2);
              assertThat(failed.retryBackoff()).isEqualTo(Duration.ofSeconds(30));
              assertThat(error(failed)).containsEntry("code", "SERVICENOW_RATE_LIMITED");
              assertThat(apiStatuses(ctx.sn())).containsExactly(429);
            }),
        new Row("429 + X-RateLimit-Reset in 30 s: retry handed to the engine, backoff until the reset", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).rateLimitedUntilReset(Instant.now().plusSeconds(30)));
              return getIncident(ctx, auth);
            },
            (ctx, outcome) -> {
              JobOutcome.Failed failed = outcome.asFailed();
              assertThat(failed.retries()).isEqualTo(2);
              assertThat(failed.retryBackoff()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));
              assertThat(error(failed)).containsEntry("code", "SERVICENOW_RATE_LIMITED");
              assertThat(apiStatuses(ctx.sn())).containsExactly(429);
            }),
        new Row("bare 429 (semaphore queue full): retried with backoff, succeeds", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).times(1).bareRateLimit());
              return getIncident(ctx, auth);
            },
            successAfterRetry(429)),
        new Row("500 with ServiceNow's error body: classified SERVICENOW_SERVER_ERROR, not retried", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).serverError(500));
              return getIncident(ctx, auth);
            },
            failedWith("SERVICENOW_SERVER_ERROR", 1)),
        new Row("502 from the load balancer: retried, succeeds", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).times(1).serverError(502));
              return getIncident(ctx, auth);
            },
            successAfterRetry(502)),
        new Row("503 once: retried, succeeds", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).times(1).serverError(503));
              return getIncident(ctx, auth);
            },
            successAfterRetry(503)),
        new Row("503 on every attempt: retry handed to the engine after the client's 3 attempts", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).serverError(503));
              return getIncident(ctx, auth);
            },
            failedWith("SERVICENOW_SERVER_ERROR", 3)),
        new Row("connection reset: retried (idempotent GET), succeeds", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).times(1).connectionReset());
              return getIncident(ctx, auth);
            },
            successAfterRetry(0)),
        new Row("read timeout on a GET: retried, succeeds", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).times(1).delay(Duration.ofMillis(2500)));
              return getIncidentWithReadTimeout(ctx, auth, 1);
            },
            (ctx, outcome) -> {
              outcome.asCompleted();
              // the timed-out request is journaled when the emulator finishes it, after its delay
              awaitApiRequests(ctx, 2);
              assertThat(apiRequests(ctx.sn())).hasSize(2);
            }),
        new Row("slow headers past the timeout on every GET: SERVICENOW_TIMEOUT handed to the engine", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).delay(Duration.ofMillis(1500)));
              return getIncidentWithReadTimeout(ctx, auth, 1);
            },
            (ctx, outcome) -> {
              JobOutcome.Failed failed = outcome.asFailed();
              assertThat(failed.retries()).isEqualTo(2);
              assertThat(error(failed)).containsEntry("code", "SERVICENOW_TIMEOUT");
              awaitApiRequests(ctx, 3);
              assertThat(apiRequests(ctx.sn())).hasSize(3);
            }),
        new Row("truncated 200 ending in 'Transaction cancelled': retried, succeeds", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).times(1).truncatedBody());
              return getIncident(ctx, auth);
            },
            successAfterRetry(200)),
        new Row("HTML 200 (hibernating instance): classified SERVICENOW_HTML_RESPONSE, not retried", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).htmlPage());
              return getIncident(ctx, auth);
            },
            failedWith("SERVICENOW_HTML_RESPONSE", 1)),
        new Row("202 with an empty body on a GET (request dropped): retried, succeeds", false,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("GET", INCIDENT_PATH).times(1).emptyAccepted());
              return getIncident(ctx, auth);
            },
            successAfterRetry(202)),
        new Row("expired OAuth token: refreshed once, the request is repeated and succeeds", true,
            (ctx, auth) -> {
              JobOutcome first = getIncident(ctx, auth);
              first.asCompleted();
              ctx.sn().journal().clear();
              ctx.sn().clock().advance(Duration.ofMinutes(31));
              return getIncident(ctx, auth);
            },
            (ctx, outcome) -> {
              outcome.asCompleted();
              assertThat(apiStatuses(ctx.sn())).containsExactly(401, 200);
              assertThat(tokenRequests(ctx.sn())).isEqualTo(1);
            }),
        new Row("token endpoint down (503): SERVICENOW_SERVER_ERROR handed to the engine after 3 token attempts, no API request", true,
            (ctx, auth) -> {
              ctx.sn().faults().add(FaultRule.on("POST", "/oauth_token.do").serverError(503));
              return getIncident(ctx, auth);
            },
            (ctx, outcome) -> {
              JobOutcome.Failed failed = outcome.asFailed();
              assertThat(failed.retries()).isEqualTo(2);
              assertThat(error(failed)).containsEntry("code", "SERVICENOW_SERVER_ERROR");
              assertThat(tokenRequests(ctx.sn())).isEqualTo(3);
              assertThat(apiRequests(ctx.sn())).isEmpty();
            }),
        new Row("data policy 403 (resolve without close code): classified SERVICENOW_DATA_POLICY", false,
            (ctx, auth) ->
                ctx.table()
                    .run(tableJob(ctx.sn(), auth,
                            Map.of("type", "update", "sysId", seededIncident(ctx.sn()), "fields", Map.of("state", "6")))
                        .build()),
            (ctx, outcome) -> {
              JobOutcome.Failed failed = outcome.asFailed();
              assertThat(failed.retries()).isEqualTo(2);
              assertThat(error(failed)).containsEntry("code", "SERVICENOW_DATA_POLICY");
              assertThat(apiStatuses(ctx.sn())).containsExactly(403);
            }),
        new Row("404 on a stale sys_id: classified SERVICENOW_NOT_FOUND", false,
            (ctx, auth) ->
                ctx.table().run(tableJob(ctx.sn(), auth, Map.of("type", "get", "sysId", "0123456789abcdef0123456789abcdef")).build()),
            failedWith("SERVICENOW_NOT_FOUND", 1)));
  }
}
