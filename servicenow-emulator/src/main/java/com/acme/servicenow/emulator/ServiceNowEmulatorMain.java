package com.acme.servicenow.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone server: {@code java -jar servicenow-emulator.jar [--port 8080] [--seed demo|empty] [--https]
 * [--latency-ms N] [--user name:password[:role1,role2]]... [--bind 127.0.0.1] [--cert-out file.pem]}.
 */
public final class ServiceNowEmulatorMain {

  private ServiceNowEmulatorMain() {
  }

  public static void main(String[] args) throws Exception {
    ServiceNowEmulator.Builder builder;
    try {
      if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
        usage();
        return;
      }
      builder = configure(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      usage();
      System.exit(2);
      return;
    }
    ServiceNowEmulator emulator = builder.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "emulator-shutdown"));
    System.out.println("ServiceNow emulator listening on " + emulator.baseUrl() + " (seed " + seedOf(args)
        + "; default user admin / admin)");
    if (emulator.isHttps()) {
      Path certOut = certOut(args);
      if (certOut != null) {
        writePem(certOut, emulator.certificatePem());
        System.out.println("Certificate written to " + certOut.toAbsolutePath());
      } else {
        System.out.println("Trust this certificate (e.g. save it and use curl --cacert cert.pem):");
        System.out.print(emulator.certificatePem());
      }
    }
    System.out.flush();
    stopped.await();
  }

  /** Turns command-line options into a builder (port 8080 unless given); throws on bad options. */
  public static ServiceNowEmulator.Builder configure(String[] args) {
    ServiceNowEmulator.Builder builder = ServiceNowEmulator.builder().port(8080);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
        case "--seed" -> builder.seed(value(args, ++i, arg));
        case "--https" -> builder.https(true);
        case "--latency-ms" -> builder.latency(Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
        case "--bind" -> builder.bindAddress(value(args, ++i, arg));
        case "--cert-out" -> value(args, ++i, arg);
        case "--user" -> {
          String[] parts = value(args, ++i, arg).split(":", 3);
          if (parts.length < 2) {
            throw new IllegalArgumentException("--user expects name:password[:roles]");
          }
          String[] roles = parts.length == 3 && !parts[2].isBlank() ? parts[2].split(",") : new String[0];
          builder.user(parts[0], parts[1], roles);
        }
        default -> throw new IllegalArgumentException("Unknown option " + arg);
      }
    }
    return builder;
  }

  private static String seedOf(String[] args) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--seed")) {
        return args[i + 1];
      }
    }
    return "empty";
  }

  private static Path certOut(String[] args) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--cert-out")) {
        return Path.of(args[i + 1]);
      }
    }
    return null;
  }

  private static void writePem(Path file, String pem) throws IOException {
    Files.writeString(file, pem);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static void usage() {
    System.err.println("""
        Usage: java -jar servicenow-emulator.jar [options]
          --port N                 port to listen on (default 8080, 0 = any free port)
          --seed demo|empty        data set (default empty)
          --https                  serve TLS with a certificate generated at start
          --cert-out FILE          write that certificate as PEM to FILE
          --latency-ms N           add N ms to every request
          --user name:pw[:r1,r2]   add a login user (repeatable); admin/admin exists by default
          --bind ADDRESS           listen address (default 127.0.0.1)""");
  }
}
