package com.acme.servicenow.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks that the element templates committed in {@code element-templates/} are exactly what the
 * template generator produces from the current request records. The connector modules run the
 * generator plugin into {@code target/element-templates}; this compares the two trees as JSON, so a
 * record change without a regenerated template fails the build.
 */
public final class GeneratedTemplates {

  public static final String UPDATE_HINT =
      "Regenerate the committed templates with: ./mvnw -B -q -Pupdate-templates -pl <connector module> package -DskipTests";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GeneratedTemplates() {}

  /** The project's root directory, found from a module's working directory. */
  public static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("Cannot find the project root (a directory with mvnw)");
    }
    return dir;
  }

  /**
   * Asserts that every JSON file under {@code generatedDir} exists under {@code committedDir} with
   * equal JSON content, and returns the relative paths compared (so callers can check what was
   * generated).
   */
  public static List<String> assertCommittedMatchGenerated(Path generatedDir, Path committedDir) {
    if (!Files.isDirectory(generatedDir)) {
      throw new AssertionError(
          "No generated templates in " + generatedDir + " — did the generator plugin run?");
    }
    List<String> compared = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(generatedDir)) {
      for (Path generated : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String relative = generatedDir.relativize(generated).toString();
        Path committed = committedDir.resolve(relative);
        compared.add(relative);
        if (!Files.exists(committed)) {
          problems.add(relative + " is generated but not committed");
          continue;
        }
        JsonNode expected = MAPPER.readTree(generated.toFile());
        JsonNode actual = MAPPER.readTree(committed.toFile());
        if (!expected.equals(actual)) {
          problems.add(relative + " differs from what the generator produces");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (compared.isEmpty()) {
      throw new AssertionError("The generator produced no templates in " + generatedDir);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("\n", problems) + "\n" + UPDATE_HINT);
    }
    return compared;
  }
}
