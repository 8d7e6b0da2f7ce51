package com.acme.servicenow.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop load generator: {@code concurrency} platform threads each run the operation
 * back to back for a fixed time. Variants of one comparison are measured interleaved (iteration 1
 * of every variant, then iteration 2, ...) so that load from other processes on the machine hits
 * them alike. Allocated bytes are the worker threads' own ({@code
 * ThreadMXBean.getCurrentThreadAllocatedBytes}): the emulator runs on other (virtual) threads and
 * is not counted; Apache HttpClient's classic API works on the calling thread, so the connectors'
 * HTTP work is.
 */
public final class Measure {

  /** One operation; returns whether it succeeded. {@code seq} is unique per call. */
  @FunctionalInterface
  public interface Op {
    boolean run(long seq) throws Exception;
  }

  public record Variant(String name, Op op) {}

  /** Per variant: iteration throughputs (ops/s), all latencies, allocation and failures. */
  public static final class Result {
    public final String name;
    public final int concurrency;
    final List<Double> throughputs = new ArrayList<>();
    final List<Double> allocPerOp = new ArrayList<>();
    long[] latencies = new long[0];
    public long ops;
    public long failures;
    public String firstFailure;

    Result(String name, int concurrency) {
      this.name = name;
      this.concurrency = concurrency;
    }

    public double medianThroughput() {
      return median(throughputs);
    }

    public double minThroughput() {
      return throughputs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    public double maxThroughput() {
      return throughputs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** (max - min) / median of the iteration throughputs, in percent. */
    public double spreadPercent() {
      double m = medianThroughput();
      return m == 0 ? 0 : 100 * (maxThroughput() - minThroughput()) / m;
    }

    public double percentileMillis(double p) {
      if (latencies.length == 0) {
        return 0;
      }
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    public double medianAllocPerOp() {
      return median(allocPerOp);
    }

    public List<Double> throughputs() {
      return List.copyOf(throughputs);
    }
  }

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Measure() {}

  /**
   * Warms every variant up for {@code warmup}, then runs {@code iterations} rounds in which each
   * variant runs for {@code iterationTime}.
   */
  public static Map<String, Result> compare(
      List<Variant> variants, int concurrency, Duration warmup, int iterations, Duration iterationTime) {
    return compare(variants, concurrency, warmup, iterations, iterationTime, () -> {});
  }

  /** As above; {@code beforeEachRun} runs before every warm-up and measured run (no load running then). */
  public static Map<String, Result> compare(
      List<Variant> variants,
      int concurrency,
      Duration warmup,
      int iterations,
      Duration iterationTime,
      Runnable beforeEachRun) {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "bench-worker");
      t.setDaemon(true);
      return t;
    });
    AtomicLong seq = new AtomicLong();
    try {
      Map<String, Result> results = new LinkedHashMap<>();
      for (Variant v : variants) {
        results.put(v.name(), new Result(v.name(), concurrency));
        // two warm-up phases: JIT and connection pools first, then a second one to settle
        beforeEachRun.run();
        runIteration(v, pool, concurrency, warmup.dividedBy(2), seq, null);
        beforeEachRun.run();
        runIteration(v, pool, concurrency, warmup.dividedBy(2), seq, null);
      }
      for (int i = 0; i < iterations; i++) {
        for (Variant v : variants) {
          beforeEachRun.run();
          runIteration(v, pool, concurrency, iterationTime, seq, results.get(v.name()));
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void runIteration(
      Variant v, ExecutorService pool, int concurrency, Duration time, AtomicLong seq, Result into) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[]>> workers = new ArrayList<>();
    List<long[]> latencyChunks = new ArrayList<>();
    long[] failures = new long[concurrency];
    String[] firstFailure = new String[1];
    long[] allocated = new long[concurrency];
    for (int w = 0; w < concurrency; w++) {
      int worker = w;
      workers.add(
          pool.submit(
              () -> {
                long[] lat = new long[1024];
                int n = 0;
                start.await();
                long deadline = System.nanoTime() + time.toNanos();
                long alloc0 = THREADS.getCurrentThreadAllocatedBytes();
                while (System.nanoTime() < deadline) {
                  long t0 = System.nanoTime();
                  boolean ok;
                  try {
                    ok = v.op().run(seq.incrementAndGet());
                  } catch (Exception e) {
                    ok = false;
                    synchronized (firstFailure) {
                      if (firstFailure[0] == null) {
                        firstFailure[0] = e.toString();
                      }
                    }
                  }
                  long t1 = System.nanoTime();
                  if (!ok) {
                    failures[worker]++;
                  }
                  if (n == lat.length) {
                    lat = Arrays.copyOf(lat, n * 2);
                  }
                  lat[n++] = t1 - t0;
                }
                allocated[worker] = THREADS.getCurrentThreadAllocatedBytes() - alloc0;
                return Arrays.copyOf(lat, n);
              }));
    }
    long begin = System.nanoTime();
    start.countDown();
    long ops = 0;
    for (Future<long[]> f : workers) {
      try {
        long[] lat = f.get();
        latencyChunks.add(lat);
        ops += lat.length;
      } catch (Exception e) {
        throw new IllegalStateException("benchmark worker failed", e);
      }
    }
    long elapsed = System.nanoTime() - begin;
    if (into == null) {
      return;
    }
    into.throughputs.add(ops / (elapsed / 1e9));
    into.allocPerOp.add(ops == 0 ? 0 : (double) Arrays.stream(allocated).sum() / ops);
    into.ops += ops;
    into.failures += Arrays.stream(failures).sum();
    if (into.firstFailure == null) {
      into.firstFailure = firstFailure[0];
    }
    int total = into.latencies.length;
    for (long[] chunk : latencyChunks) {
      total += chunk.length;
    }
    long[] all = Arrays.copyOf(into.latencies, total);
    int at = into.latencies.length;
    for (long[] chunk : latencyChunks) {
      System.arraycopy(chunk, 0, all, at, chunk.length);
      at += chunk.length;
    }
    into.latencies = all;
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return 0;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
