package com.acme.servicenow.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the emulator that behaves like a network with a round-trip time: every
 * chunk of bytes is delivered half an RTT after it was sent, in both directions, and a new
 * connection's first bytes wait one extra RTT (the TCP handshake a real connect would cost).
 *
 * <p>Why: the emulator's own {@code latency(...)} delays each HTTP response, but not the TCP and
 * TLS handshakes. A client that opens a new connection per call (Camunda's REST connector) pays
 * those round trips on every real network; only a proxy like this makes them visible. TLS passes
 * through untouched (the certificate still says localhost).
 */
public final class LatencyProxy implements AutoCloseable {

  private static final byte[] EOF = new byte[0];

  private record Chunk(long deliverAtNanos, byte[] bytes) {}

  private final ServerSocket server;
  private final int targetPort;
  private final long oneWayNanos;
  private final Thread acceptor;
  private volatile boolean open = true;

  public LatencyProxy(int targetPort, Duration roundTrip) {
    this.targetPort = targetPort;
    this.oneWayNanos = roundTrip.toNanos() / 2;
    try {
      this.server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.acceptor = Thread.ofPlatform().daemon().name("latency-proxy").start(this::acceptLoop);
  }

  /** {@code https://localhost:<proxy port>}. */
  public String baseUrl() {
    return "https://localhost:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (open) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> connect(client));
      } catch (IOException e) {
        if (open) {
          continue;
        }
        return;
      }
    }
  }

  private void connect(Socket client) {
    try {
      Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      AtomicInteger finished = new AtomicInteger();
      // the client's first flight would leave only after SYN / SYN-ACK: one more round trip
      pump(client, upstream, 2 * oneWayNanos, finished);
      pump(upstream, client, 0, finished);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  private void pump(Socket from, Socket to, long firstChunkExtraNanos, AtomicInteger finished) {
    BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    Thread.ofVirtual().start(() -> {
      long extra = firstChunkExtraNanos;
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          queue.put(new Chunk(System.nanoTime() + oneWayNanos + extra, Arrays.copyOf(buffer, n)));
          extra = 0;
        }
      } catch (IOException | InterruptedException e) {
        // connection closed or reset: pass the end on
      }
      queue.add(new Chunk(System.nanoTime() + oneWayNanos, EOF));
    });
    Thread.ofVirtual().start(() -> {
      try {
        OutputStream out = to.getOutputStream();
        while (true) {
          Chunk c = queue.take();
          long wait = c.deliverAtNanos() - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          if (c.bytes() == EOF) {
            to.shutdownOutput();
            if (finished.incrementAndGet() == 2) {
              closeQuietly(from);
              closeQuietly(to);
            }
            return;
          }
          out.write(c.bytes());
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        closeQuietly(from);
        closeQuietly(to);
      }
    });
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    open = false;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    acceptor.interrupt();
  }
}
