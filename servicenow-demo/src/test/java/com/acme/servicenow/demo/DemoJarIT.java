package com.acme.servicenow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar().toString()));
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
}
