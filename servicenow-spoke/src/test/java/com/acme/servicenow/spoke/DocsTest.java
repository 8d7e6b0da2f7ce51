package com.acme.servicenow.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Flow Designer actions ship as a recipe in docs/servicenow-app.md, not as records; this keeps
 * the recipe's script steps identical to the tested sources and the property table complete.
 */
class DocsTest {

  private static final Path DOC = Path.of("../docs/servicenow-app.md");

  @Test
  void recipeContainsEveryActionScriptVerbatim() throws IOException {
    String doc = Files.readString(DOC).replace("\r\n", "\n");
    List<Path> scripts;
    try (Stream<Path> s = Files.list(ServiceNowRuntime.SOURCES.resolve("sys_hub_action_script"))) {
      scripts = s.sorted().toList();
    }
    assertThat(scripts).hasSize(5);
    for (Path script : scripts) {
      String code = Files.readString(script).replace("\r\n", "\n");
      assertThat(doc).as(script.getFileName().toString()).contains("```js\n" + code + "```");
    }
  }

  @Test
  void documentsEveryProperty() throws IOException {
    String doc = Files.readString(DOC);
    new UpdateSetGenerator(ServiceNowRuntime.SOURCES, "x", "x")
        .properties()
        .forEach(p -> assertThat(doc).contains("| `" + p.name() + "` |"));
  }
}
