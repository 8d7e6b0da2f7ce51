package com.acme.servicenow.benchmarks;

import static com.acme.servicenow.benchmarks.BenchEnvironment.PASSWORD;
import static com.acme.servicenow.benchmarks.BenchEnvironment.SECRETS;
import static com.acme.servicenow.benchmarks.BenchEnvironment.USER;

import com.acme.servicenow.benchmarks.Measure.Result;
import com.acme.servicenow.benchmarks.Measure.Variant;
import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.auth.TokenCache;
import com.acme.servicenow.client.query.QuerySpec;
import com.acme.servicenow.client.table.Caps;
import com.acme.servicenow.client.table.QueryAllResult;
import com.acme.servicenow.client.table.ReadOptions;
import com.acme.servicenow.connector.common.ServiceNowAuthentication;
import com.acme.servicenow.connector.common.ServiceNowConnectionInput;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.data.TableSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The four comparisons of issue 9, each returning its measured figures. */
public final class Benchmarks {

  public static final String ITEM_TABLE = "u_bench_item";
  public static final String MARKER = "bench-page";

  /** How long and how often to measure. */
  /**
   * How the network is modelled: {@code emulatorLatencyMs} delays every HTTP response in the
   * emulator; {@code proxyRttMs > 0} routes through a {@link LatencyProxy} that delays every packet
   * flight, TCP and TLS handshakes included.
   */
  public record Network(String label, int emulatorLatencyMs, int proxyRttMs) {
    public static Network emulator(int ms) {
      return new Network("+" + ms + " ms per request (emulator latency)", ms, 0);
    }

    public static Network proxy(int rttMs) {
      return new Network(rttMs + " ms round trip per packet flight (latency proxy: TCP + TLS handshakes too)", 0, rttMs);
    }
  }

  public record Config(
      List<Network> networks,
      List<Integer> concurrencies,
      Duration warmup,
      int iterations,
      Duration iterationTime,
      int queryAllRecords,
      int queryAllRuns,
      int oauthInvocations) {

    public static Config full() {
      return new Config(
          List.of(Network.emulator(0), Network.emulator(20), Network.proxy(20)),
          List.of(1, 16), Duration.ofSeconds(3), 5, Duration.ofMillis(1200), 20_000, 3, 1000);
    }

    /** For the tests: every code path once, no meaningful numbers. */
    public static Config quick() {
      return new Config(List.of(Network.emulator(0), Network.proxy(20)), List.of(1, 4), Duration.ofMillis(200), 1,
          Duration.ofMillis(200), 2_000, 1, 40);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Benchmarks() {}

  /** The emulator every benchmark uses: HTTPS, demo seed, the item table and 300 incidents with references. */
  public static BenchEnvironment environment(Config config) {
    return new BenchEnvironment(
        Duration.ofMinutes(30),
        b ->
            b.table(
                    TableSchema.builder(ITEM_TABLE)
                        .number("ITEM")
                        .display("name")
                        .string("name", "description", "owner", "location", "serial_number")
                        .integer("quantity")
                        .build())
                .data(
                    records -> {
                      for (int i = 0; i < config.queryAllRecords(); i++) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("name", "Item " + i);
                        row.put("description", "Benchmark record number " + i + " with a realistic description text");
                        row.put("owner", "owner-" + (i % 97));
                        row.put("location", "Building " + (i % 13) + ", floor " + (i % 5));
                        row.put("serial_number", "SN-" + (1_000_000 + i));
                        row.put("quantity", i % 50);
                        records.insert(ITEM_TABLE, row);
                      }
                      String caller = records.find("sys_user", "user_name=abel.tuter").get(0).get("sys_id");
                      String group = records.find("sys_user_group", "name=Database").get(0).get("sys_id");
                      for (int i = 0; i < 300; i++) {
                        records.insert(
                            "incident",
                            Map.of(
                                "short_description", MARKER + " incident " + i,
                                "caller_id", caller,
                                "assignment_group", group,
                                "category", "software",
                                "impact", String.valueOf(1 + i % 3),
                                "urgency", String.valueOf(1 + (i / 3) % 3)));
                      }
                    }));
  }

  // ------------------------------------------------------------------ (1) create incident

  /** One measured cell of comparison (1). */
  public record Cell(Network network, int concurrency, Map<String, Result> results) {}

  public static final String OURS = "ours (incident connector)";
  public static final String OURS_IDEMPOTENT = "ours, idempotent create";
  public static final String REST = "REST connector (official template)";
  public static final String RAW = "raw HttpClient 5 loop";
  /** The job handler around a function that sends nothing: the runtime's own cost per job. */
  public static final String FLOOR = "job handler + no-op function (no HTTP)";

  public static List<Cell> createIncident(BenchEnvironment env, Config config) {
    ServiceNowEmulator sn = env.emulator();
    JobDriver ours = new JobDriver(env.incidentFunction(ClientOptions.defaults()), SECRETS);
    JobDriver rest = new JobDriver(BenchEnvironment.restConnector(), SECRETS);
    JobDriver floor = new JobDriver(context -> Map.of("ok", true), SECRETS);
    List<Cell> cells = new ArrayList<>();
    try (RawClient raw = new RawClient(sn.clientSslContext(), USER, PASSWORD)) {
      for (Network network : config.networks()) {
        try (Target target = Target.of(env, network)) {
          List<Variant> variants = new ArrayList<>(createVariants(env, ours, rest, raw));
          JobDriver.Job floorJob =
              floor.job(env.ourCreateIncident(false, BenchEnvironment.basicAuth()), Map.of("resultVariable", "incident"), 3);
          variants.add(new Variant(FLOOR, seq -> floor.run(floorJob).completed()));
          sn.latency(Duration.ofMillis(network.emulatorLatencyMs()));
          for (int concurrency : config.concurrencies()) {
            sn.reset();
            cells.add(
                new Cell(
                    network,
                    concurrency,
                    Measure.compare(variants, concurrency, config.warmup(), config.iterations(), config.iterationTime(),
                        // every run starts with an empty incident table: the emulator scans it unindexed for the
                        // idempotent variant's correlation_id look-up, and earlier runs would have filled it
                        () -> sn.records().clear("incident"))));
          }
        } finally {
          sn.latency(Duration.ZERO);
        }
      }
    }
    return cells;
  }

  private static List<Variant> createVariants(BenchEnvironment env, JobDriver ours, JobDriver rest, RawClient raw) {
    ServiceNowEmulator sn = env.emulator();
    JobDriver.Job oursJob = ours.job(env.ourCreateIncident(false, BenchEnvironment.basicAuth()), Map.of("resultVariable", "incident"), 3);
    JobDriver.Job idempotentJob =
        ours.job(env.ourCreateIncident(true, BenchEnvironment.basicAuth()), Map.of("resultVariable", "incident"), 3);
    JobDriver.Job restJob =
        rest.job(env.restCreateIncident(BenchEnvironment.restBasicAuth()), Map.of("resultVariable", "snQueryResult"), 3);

    // the raw loop replays exactly the request our connector sends (same query, same body)
    sn.journal().clear();
    require(ours.run(oursJob), "our create");
    RecordedRequest post = lastRequest(sn, "POST", "/api/now/table/incident");
    String rawUrl = env.baseUrl() + post.path() + (post.rawQuery() == null ? "" : "?" + post.rawQuery());
    String rawBody = post.body();
    require(rest.run(restJob), "REST connector create");

    AtomicLong elementKeys = new AtomicLong(System.nanoTime() & 0xFFFFFFFFL);
    return List.of(
        new Variant(OURS, seq -> ours.run(oursJob).completed()),
        new Variant(OURS_IDEMPOTENT, seq -> ours.run(idempotentJob, 4242L, elementKeys.incrementAndGet()).completed()),
        new Variant(REST, seq -> rest.run(restJob).completed()),
        new Variant(
            RAW,
            seq -> {
              JsonNode n = raw.send("POST", rawUrl, rawBody, 201);
              return n != null && n.path("result").hasNonNull("sys_id");
            }));
  }

  /** Points the environment at the emulator or at a latency proxy in front of it, for one network model. */
  private static final class Target implements AutoCloseable {
    private final BenchEnvironment env;
    private final LatencyProxy proxy;

    private Target(BenchEnvironment env, LatencyProxy proxy) {
      this.env = env;
      this.proxy = proxy;
    }

    static Target of(BenchEnvironment env, Network network) {
      LatencyProxy proxy =
          network.proxyRttMs() > 0 ? new LatencyProxy(env.emulator().port(), Duration.ofMillis(network.proxyRttMs())) : null;
      env.target(proxy == null ? null : proxy.baseUrl());
      return new Target(env, proxy);
    }

    @Override
    public void close() {
      env.target(null);
      if (proxy != null) {
        proxy.close();
      }
    }
  }

  // ------------------------------------------------------------------ (2) OAuth token requests

  /** Token requests the emulator saw for {@code invocations} creates. */
  public record TokenCount(String variant, int invocations, int completed, long tokenRequests, String firstFailure) {
    public double perThousand() {
      return invocations == 0 ? 0 : tokenRequests * 1000.0 / invocations;
    }
  }

  public static List<TokenCount> oauthTokens(BenchEnvironment env, Config config, int concurrency) {
    ServiceNowEmulator sn = env.emulator();
    sn.latency(Duration.ZERO);
    sn.reset();
    // a fresh token cache, so that the count starts from an empty cache as after a runtime start
    JobDriver ours =
        new JobDriver(env.incidentFunction(ClientOptions.defaults().withTokenCache(new TokenCache())), SECRETS);
    JobDriver rest = new JobDriver(BenchEnvironment.restConnector(), SECRETS);
    JobDriver.Job oursJob = ours.job(env.ourCreateIncident(false, BenchEnvironment.oauthAuth()), Map.of("resultVariable", "incident"), 3);
    JobDriver.Job restJob = rest.job(env.restCreateIncident(env.restOAuth()), Map.of("resultVariable", "snQueryResult"), 3);
    List<TokenCount> counts = new ArrayList<>();
    counts.add(countTokens(sn, OURS, config.oauthInvocations(), concurrency, () -> ours.run(oursJob)));
    counts.add(countTokens(sn, REST, config.oauthInvocations(), concurrency, () -> rest.run(restJob)));
    return counts;
  }

  private static TokenCount countTokens(
      ServiceNowEmulator sn, String name, int invocations, int concurrency, Supplier<JobDriver.Outcome> call) {
    sn.journal().clear();
    AtomicLong left = new AtomicLong(invocations);
    AtomicLong completed = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Thread t =
          Thread.ofPlatform()
              .name("oauth-" + i)
              .start(
                  () -> {
                    while (left.getAndDecrement() > 0) {
                      JobDriver.Outcome o = call.get();
                      if (o.completed()) {
                        completed.incrementAndGet();
                      } else {
                        firstFailure.compareAndSet(null, o.errorMessage());
                      }
                    }
                  });
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    long tokens = sn.journal().count("POST", "/oauth_token.do");
    return new TokenCount(name, invocations, (int) completed.get(), tokens, firstFailure.get());
  }

  // ------------------------------------------------------------------ (3) query all

  /** One query-all variant: median time, peak heap over the baseline, retained result, JSON size. */
  public record QueryAllFigures(
      String variant, int records, List<Double> millis, long peakHeapBytes, long retainedBytes, long jsonBytes, int pages) {
    public double medianMillis() {
      return Measure.median(millis);
    }
  }

  /**
   * Records per page request. ServiceNow advises at most 1000; 5000 keeps the run short (the
   * emulator sorts the whole table for every page) and makes buffering a whole page visible in the
   * heap figures. Both variants use it.
   */
  static final int QUERY_ALL_PAGE = 5000;

  public static final String OURS_QUERY_ALL = "ours (client queryAll, pages of " + QUERY_ALL_PAGE + ")";
  public static final String RAW_QUERY_ALL = "raw paging loop (pages of " + QUERY_ALL_PAGE + ")";

  public static List<QueryAllFigures> queryAll(BenchEnvironment env, Config config) {
    ServiceNowEmulator sn = env.emulator();
    sn.latency(Duration.ZERO);
    sn.reset();
    ServiceNowClient client =
        env.clientFactory(ClientOptions.defaults())
            .client(
                new ServiceNowConnectionInput(sn.baseUrl(), 20, 60),
                new ServiceNowAuthentication.Basic(USER, PASSWORD));
    int n = config.queryAllRecords();
    // the connector caps query-all at 10,000 records / 1 MB (a process variable); the client it uses takes any caps
    Caps caps = Caps.of(n, 512L * 1024 * 1024, QUERY_ALL_PAGE);
    Supplier<Object> ours = () -> client.table().queryAll(ITEM_TABLE, QuerySpec.all(), ReadOptions.defaults(), caps);

    // learn the exact page request our client sends, and let the raw loop send the same
    sn.journal().clear();
    QueryAllResult probe = (QueryAllResult) ours.get();
    if (probe.records().size() != n) {
      throw new IllegalStateException("query-all returned " + probe.records().size() + " of " + n);
    }
    RecordedRequest first = sn.journal().all().get(0);
    String query = withoutParam(withoutParam(first.rawQuery(), "sysparm_offset"), "sysparm_limit");
    String pageUrl =
        sn.baseUrl() + first.path() + "?" + (query.isEmpty() ? "" : query + "&") + "sysparm_limit=" + QUERY_ALL_PAGE;

    List<QueryAllFigures> figures = new ArrayList<>();
    try (RawClient raw = new RawClient(sn.clientSslContext(), USER, PASSWORD)) {
      Supplier<Object> rawLoop =
          () -> {
            List<JsonNode> rows = new ArrayList<>();
            int offset = 0;
            while (true) {
              JsonNode page;
              try {
                page = raw.send("GET", pageUrl + "&sysparm_offset=" + offset, null, 200);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              if (page == null) {
                throw new IllegalStateException("raw page failed at offset " + offset);
              }
              JsonNode result = page.path("result");
              result.forEach(rows::add);
              if (result.size() < QUERY_ALL_PAGE) {
                return rows;
              }
              offset += result.size();
            }
          };
      figures.addAll(
          measureQueryAll(
              List.of(
                  new QueryAllRun(OURS_QUERY_ALL, ours, r -> ((QueryAllResult) r).records()),
                  new QueryAllRun(RAW_QUERY_ALL, rawLoop, Benchmarks::castList)),
              config,
              sn));
    }
    return figures;
  }

  @SuppressWarnings("unchecked")
  private static List<? extends JsonNode> castList(Object o) {
    return (List<? extends JsonNode>) o;
  }

  /** One query-all variant under measurement. */
  private static final class QueryAllRun {
    final String name;
    final Supplier<Object> run;
    final java.util.function.Function<Object, List<? extends JsonNode>> records;
    final List<Double> millis = new ArrayList<>();
    long json;
    int size;
    int pages;

    QueryAllRun(String name, Supplier<Object> run, java.util.function.Function<Object, List<? extends JsonNode>> records) {
      this.name = name;
      this.run = run;
      this.records = records;
    }
  }

  private static List<QueryAllFigures> measureQueryAll(List<QueryAllRun> variants, Config config, ServiceNowEmulator sn) {
    // warm-up (one run each: runs are long, the emulator sorts the whole table for every page)
    variants.forEach(v -> v.run.get());
    // timed runs, interleaved so that load from other processes hits both alike
    for (int i = 0; i < config.queryAllRuns(); i++) {
      for (QueryAllRun v : variants) {
        settledHeap();
        sn.journal().clear();
        long t0 = System.nanoTime();
        Object result = v.run.get();
        v.millis.add((System.nanoTime() - t0) / 1e6);
        List<? extends JsonNode> rows = v.records.apply(result);
        v.size = rows.size();
        v.pages = (int) sn.journal().count("GET", "/api/now/table/" + ITEM_TABLE);
        ArrayNode array = MAPPER.createArrayNode();
        rows.forEach(array::add);
        try {
          v.json = MAPPER.writeValueAsBytes(array).length;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
    List<QueryAllFigures> figures = new ArrayList<>();
    for (QueryAllRun v : variants) {
      // one untimed run for memory: the live heap is sampled by forced full GCs, so garbage (the
      // emulator's and ours) does not count, only what is reachable at that moment
      long baseline = settledHeap();
      Object held;
      long peak;
      try (HeapPeak sampler = HeapPeak.start()) {
        held = v.run.get();
        peak = sampler.stop() - baseline;
      }
      long retained = settledHeap() - baseline;
      if (v.records.apply(held).size() != v.size) {
        throw new IllegalStateException("memory run returned another size");
      }
      figures.add(new QueryAllFigures(v.name, v.size, v.millis, peak, retained, v.json, v.pages));
    }
    return figures;
  }

  /** Used heap after a full collection (the live set). */
  private static long settledHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Peak live heap while running: a sampler thread forces a full collection every 20 ms (or twice
   * the last collection's duration, if longer) and records the used heap right after it. Slows the
   * run down (it is not timed) but excludes garbage.
   */
  static final class HeapPeak implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    private HeapPeak() {
      sampler =
          Thread.ofPlatform()
              .daemon()
              .name("heap-sampler")
              .start(
                  () -> {
                    var memory = ManagementFactory.getMemoryMXBean();
                    while (running.get()) {
                      long t0 = System.nanoTime();
                      System.gc();
                      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                      long gcMillis = (System.nanoTime() - t0) / 1_000_000;
                      try {
                        // at least 20 ms, and never more than a third of the time in forced GCs
                        Thread.sleep(Math.max(20, 2 * gcMillis));
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    static HeapPeak start() {
      return new HeapPeak();
    }

    /** Stops sampling; the last sample is taken with the result still referenced by the caller. */
    long stop() {
      running.set(false);
      try {
        sampler.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      System.gc();
      peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
      return peak.get();
    }

    @Override
    public void close() {
      running.set(false);
    }
  }

  // ------------------------------------------------------------------ (4) one page with display values

  public static final String OURS_PAGE = "ours (table connector, query)";

  public static Map<String, Result> queryPage(BenchEnvironment env, Config config, Network network, int concurrency) {
    ServiceNowEmulator sn = env.emulator();
    sn.latency(Duration.ZERO);
    sn.reset();
    try (Target target = Target.of(env, network)) {
      return queryPage(env, config, network, concurrency, sn);
    }
  }

  private static Map<String, Result> queryPage(
      BenchEnvironment env, Config config, Network network, int concurrency, ServiceNowEmulator sn) {
    JobDriver ours = new JobDriver(env.tableFunction(ClientOptions.defaults()), SECRETS);
    JobDriver rest = new JobDriver(BenchEnvironment.restConnector(), SECRETS);
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("type", "query");
    op.put("encodedQuery", "short_descriptionSTARTSWITH" + MARKER);
    op.put("limit", 100);
    op.put("offset", 0);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("connection", env.connection());
    vars.put("authentication", BenchEnvironment.basicAuth());
    vars.put("table", "incident");
    vars.put("operation", op);
    vars.put("options", Map.of("displayValue", "true", "excludeReferenceLink", true));
    JobDriver.Job oursJob = ours.job(vars, Map.of("resultVariable", "result"), 3);

    sn.journal().clear();
    JobDriver.Outcome probe = require(ours.run(oursJob), "our query");
    int rows = rowCount(probe.variables(), ours.mapper());
    if (rows != 100) {
      throw new IllegalStateException("our query returned " + rows + " rows, expected 100");
    }
    RecordedRequest get = lastRequest(sn, "GET", "/api/now/table/incident");
    // the REST connector sends the same query parameters (it can, unlike the official template,
    // which does not expose sysparm_display_value)
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : get.rawQuery().split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    Map<String, Object> restVars =
        env.restRequest("GET", env.baseUrl() + "/api/now/table/incident", BenchEnvironment.restBasicAuth(), null, params);
    restVars.put("skipEncoding", "false");
    JobDriver.Job restJob = rest.job(restVars, Map.of("resultVariable", "snQueryResult"), 3);
    JobDriver.Outcome restProbe = require(rest.run(restJob), "REST query");
    int restRows = restResultRows(restProbe.variables(), rest.mapper());
    if (restRows != 100) {
      throw new IllegalStateException("REST connector query returned " + restRows + " rows, expected 100");
    }
    String rawUrl = env.baseUrl() + get.path() + "?" + get.rawQuery();
    sn.latency(Duration.ofMillis(network.emulatorLatencyMs()));
    try (RawClient raw = new RawClient(sn.clientSslContext(), USER, PASSWORD)) {
      List<Variant> variants =
          List.of(
              new Variant(OURS_PAGE, seq -> ours.run(oursJob).completed()),
              new Variant(REST, seq -> rest.run(restJob).completed()),
              new Variant(
                  RAW,
                  seq -> {
                    JsonNode n = raw.send("GET", rawUrl, null, 200);
                    return n != null && n.path("result").size() == 100;
                  }));
      return Measure.compare(variants, concurrency, config.warmup(), config.iterations(), config.iterationTime());
    } finally {
      sn.latency(Duration.ZERO);
    }
  }

  private static int rowCount(Object variables, ObjectMapper mapper) {
    JsonNode v = mapper.valueToTree(variables instanceof String s ? readTree(mapper, s) : variables);
    return v.path("result").path("records").size();
  }

  private static int restResultRows(Object variables, ObjectMapper mapper) {
    JsonNode v = mapper.valueToTree(variables instanceof String s ? readTree(mapper, s) : variables);
    return v.path("snQueryResult").path("body").path("result").size();
  }

  private static JsonNode readTree(ObjectMapper mapper, String json) {
    try {
      return mapper.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ helpers

  static JobDriver.Outcome require(JobDriver.Outcome outcome, String what) {
    if (!outcome.completed()) {
      throw new IllegalStateException(what + " did not complete: " + outcome.command() + " " + outcome.errorMessage());
    }
    return outcome;
  }

  private static RecordedRequest lastRequest(ServiceNowEmulator sn, String method, String path) {
    List<RecordedRequest> all = sn.journal().all();
    for (int i = all.size() - 1; i >= 0; i--) {
      RecordedRequest r = all.get(i);
      if (r.method().equals(method) && r.path().equals(path)) {
        return r;
      }
    }
    throw new IllegalStateException("no " + method + " " + path + " in the journal");
  }

  private static String withoutParam(String rawQuery, String name) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (!pair.startsWith(name + "=")) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }
}
