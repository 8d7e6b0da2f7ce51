package com.acme.servicenow.benchmarks;

import com.acme.servicenow.benchmarks.Measure.Result;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the four comparisons of issue 9 in one JVM against one HTTPS emulator and prints Markdown
 * tables with medians, spread and the ratios against the targets.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick] [--iterations N] [--seconds S] [--only 1,2,3,4]
 * </pre>
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) {
    Benchmarks.Config config = Benchmarks.Config.full();
    String only = "1234";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> config = Benchmarks.Config.quick();
        case "--iterations" -> {
          Benchmarks.Config c = config;
          config = new Benchmarks.Config(c.networks(), c.concurrencies(), c.warmup(), Integer.parseInt(args[++i]),
              c.iterationTime(), c.queryAllRecords(), c.queryAllRuns(), c.oauthInvocations());
        }
        case "--seconds" -> {
          Benchmarks.Config c = config;
          config = new Benchmarks.Config(c.networks(), c.concurrencies(), c.warmup(), c.iterations(),
              Duration.ofMillis((long) (Double.parseDouble(args[++i]) * 1000)), c.queryAllRecords(), c.queryAllRuns(),
              c.oauthInvocations());
        }
        case "--only" -> only = args[++i].replace(",", "");
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    run(config, only, System.out);
    // the REST connector leaves no threads behind, but the emulator's executor may: end the JVM
    System.exit(0);
  }

  public static void run(Benchmarks.Config config, String only, PrintStream out) {
    Instant started = Instant.now();
    out.printf(Locale.ROOT, "# ServiceNow connector benchmarks%n%n");
    out.printf(Locale.ROOT, "- started %s, JDK %s, %d CPUs, load average %.2f at start%n", started,
        Runtime.version(), Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.printf(Locale.ROOT, "- HTTPS emulator in this JVM; warm-up %s per variant, %d interleaved iterations of %s%n%n",
        config.warmup(), config.iterations(), config.iterationTime());
    try (BenchEnvironment env = Benchmarks.environment(config)) {
      env.installJdkTrustStore();
      if (only.contains("1")) {
        printCreate(out, Benchmarks.createIncident(env, config));
      }
      if (only.contains("2")) {
        printTokens(out, Benchmarks.oauthTokens(env, config, 16));
      }
      if (only.contains("3")) {
        printQueryAll(out, Benchmarks.queryAll(env, config));
      }
      if (only.contains("4")) {
        out.printf(Locale.ROOT, "## (4) Query one page of 100 incidents with display values%n%n");
        for (Benchmarks.Network network : config.networks()) {
          for (int concurrency : config.concurrencies()) {
            Map<String, Result> r = Benchmarks.queryPage(env, config, network, concurrency);
            printCell(out, network, concurrency, r);
            out.printf(Locale.ROOT, "%nours / REST connector throughput: **%.2f×** (target ≥ 2.0×); ours / raw: %.2f×%n%n",
                ratio(r, Benchmarks.OURS_PAGE, Benchmarks.REST), ratio(r, Benchmarks.OURS_PAGE, Benchmarks.RAW));
          }
        }
      }
    }
    out.printf(Locale.ROOT, "finished in %s, load average %.2f at the end%n",
        Duration.between(started, Instant.now()).withNanos(0),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
  }

  private static void printCreate(PrintStream out, List<Benchmarks.Cell> cells) {
    out.printf(Locale.ROOT, "## (1) Create incident through the runtime job handler%n%n");
    for (Benchmarks.Cell cell : cells) {
      printCell(out, cell.network(), cell.concurrency(), cell.results());
      Map<String, Result> r = cell.results();
      out.printf(Locale.ROOT,
          "%nours / REST connector: **%.2f×** (target ≥ 2.0×); ours / raw: **%.2f×** (target ≥ 0.8×); "
              + "idempotent ours / REST connector: %.2f×%n%n",
          ratio(r, Benchmarks.OURS, Benchmarks.REST), ratio(r, Benchmarks.OURS, Benchmarks.RAW),
          ratio(r, Benchmarks.OURS_IDEMPOTENT, Benchmarks.REST));
    }
  }

  private static void printCell(
      PrintStream out, Benchmarks.Network network, int concurrency, Map<String, Result> results) {
    out.printf(Locale.ROOT, "### %s, concurrency %d%n%n", network.label(), concurrency);
    out.printf(Locale.ROOT,
        "| variant | ops/s (median) | min–max ops/s | spread | p50 ms | p99 ms | alloc KB/op | ops | failed |%n");
    out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|---:|---:|---:|---:|%n");
    for (Result r : results.values()) {
      out.printf(Locale.ROOT, "| %s | %.1f | %.1f–%.1f | %.0f %% | %.2f | %.2f | %.1f | %d | %d |%n", r.name,
          r.medianThroughput(), r.minThroughput(), r.maxThroughput(), r.spreadPercent(), r.percentileMillis(50),
          r.percentileMillis(99), r.medianAllocPerOp() / 1024, r.ops, r.failures);
      if (r.failures > 0 && r.firstFailure != null) {
        out.printf(Locale.ROOT, "|  first failure: %s |||||||||%n", r.firstFailure.replace('|', '/'));
      }
    }
  }

  static double ratio(Map<String, Result> r, String a, String b) {
    double denominator = r.get(b).medianThroughput();
    return denominator == 0 ? 0 : r.get(a).medianThroughput() / denominator;
  }

  private static void printTokens(PrintStream out, List<Benchmarks.TokenCount> counts) {
    out.printf(Locale.ROOT, "## (2) OAuth client credentials: token requests (concurrency 16, token lifetime 30 min)%n%n");
    out.printf(Locale.ROOT, "| variant | invocations | completed | token requests | per 1,000 invocations |%n");
    out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|%n");
    for (Benchmarks.TokenCount c : counts) {
      out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f |%n", c.variant(), c.invocations(), c.completed(),
          c.tokenRequests(), c.perThousand());
      if (c.firstFailure() != null) {
        out.printf(Locale.ROOT, "|  first failure: %s |||||%n", c.firstFailure().replace('|', '/'));
      }
    }
    out.printf(Locale.ROOT, "%ntarget: ≤ 1 token request per token lifetime (all invocations above ran within one lifetime)%n%n");
  }

  private static void printQueryAll(PrintStream out, List<Benchmarks.QueryAllFigures> figures) {
    out.printf(Locale.ROOT, "## (3) Query all records of a %d-record table%n%n", figures.get(0).records());
    out.printf(Locale.ROOT,
        "| variant | records | pages | time ms (median) | min–max ms | result JSON MB | peak live heap over baseline MB | × JSON | retained result MB | × JSON |%n");
    out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
    for (Benchmarks.QueryAllFigures f : figures) {
      double json = f.jsonBytes() / 1048576.0;
      out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f–%.0f | %.1f | %.1f | %.2f | %.1f | %.2f |%n", f.variant(),
          f.records(), f.pages(), f.medianMillis(),
          f.millis().stream().mapToDouble(Double::doubleValue).min().orElse(0),
          f.millis().stream().mapToDouble(Double::doubleValue).max().orElse(0), json, f.peakHeapBytes() / 1048576.0,
          f.peakHeapBytes() / (double) f.jsonBytes(), f.retainedBytes() / 1048576.0,
          f.retainedBytes() / (double) f.jsonBytes());
    }
    out.printf(Locale.ROOT, "%ntarget: peak heap ≤ 3× the result's JSON size. Peak live heap: a separate untimed run with a full GC every 20 ms (garbage excluded);%nretained: the result alone, after the run.%n%n");
  }
}
