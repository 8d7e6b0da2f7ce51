package com.acme.servicenow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, minus the build: {@code java -jar servicenow-demo.jar} in its own JVM,
 * so that what only the shaded JAR can get wrong (merged service files, Mockito and logging
 * configuration, the manifest) is covered too.
 */
class DemoJarIT {

  private static Path jar() {
    Path jar = Path.of(System.getProperty("demo.jar", "target/servicenow-demo.jar"));
    assertThat(jar).as("the runnable jar (package phase)").isRegularFile();
    return jar;
  }

  private static String run(Path dir, List<String> args, int expectedExit) throws IOException, InterruptedException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(javaBin, "-jar", jar().toString()));
    command.addAll(args);
    Path log = dir.resolve("out.txt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isEqualTo(expectedExit);
    return output;
  }

  @Test
  void theDemoRunsFromTheJar(@TempDir Path dir) throws Exception {
    String output = run(dir, List.of(), 0);
    assertThat(output)
        .contains("Step 6/6: Resolve the incident")
        .containsPattern("\"incidentState\" : \"Resolved\"")
        .containsPattern("\"flowState\" : \"COMPLETE\"")
        .doesNotContain("=> failed")
        // the jar configures Mockito without an agent and keeps library logging quiet
        .doesNotContain("self-attaching")
        .doesNotContain("ERROR");
    for (var secret : DemoEmulator.SECRETS.entrySet()) {
      if (!secret.getKey().equals("SERVICENOW_USERNAME")) {
        assertThat(output).doesNotContain(secret.getValue());
      }
    }
  }

  @Test
  void helpAndBadUsage(@TempDir Path dir) throws Exception {
    assertThat(run(dir, List.of("help"), 0)).contains("invoke --connector table|incident|flow");
    assertThat(run(dir, List.of("nonsense"), 2)).contains("Unknown command nonsense");
  }

  @Test
  void theEmulatorCommandServesTheDemoSeed() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(javaBin, "-jar", jar().toString(), "emulator", "--port", "0").redirectErrorStream(true).start();
    // never hang the build on a silent server: killing it ends the read below
    java.util.concurrent.CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES).execute(process::destroyForcibly);
    try (var reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String baseUrl = null;
      // read until the announcement only: the server prints nothing after it
      while (baseUrl == null) {
        String line = reader.readLine();
        if (line == null) {
          break;
        }
        var m = Pattern.compile("listening on (http://\\S+)").matcher(line);
        if (m.find()) {
          baseUrl = m.group(1);
        }
      }
      assertThat(baseUrl).as("the emulator announced its address").isNotNull();
      var client = HttpClient.newHttpClient();
      var response = client.send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/api/now/table/incident?sysparm_limit=1&sysparm_fields=number"))
              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("INC000000");
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
