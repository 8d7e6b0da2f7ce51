package com.acme.servicenow.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every script the app ships must be plain ES5, as ServiceNow's legacy engine requires. */
class Es5SyntaxTest {

  static Stream<Path> sources() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(ServiceNowRuntime.SOURCES)) {
      files = walk.filter(p -> p.toString().endsWith(".js")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(11);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("sources")
  void sourceIsEs5(Path file) throws IOException {
    assertThat(Es5Checker.violations(Files.readString(file), file.toString())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "let x = 1;",
        "const y = 2;",
        "var f = (a) => a;",
        "var s = `t`;",
        "var o = {b() { return 1; }};",
        "var a = 1; var o = {a};",
        "var k = 'x'; var o = {[k]: 1};",
        "class A {}",
        "var o = {a: 1}; var {a} = o;",
        "function g(a = 1) { return a; }",
        "for (var v of [1]) {}",
        "var n = null ?? 1;",
        "var p = 2 ** 3;",
        "var o = {}; var q = o?.a;"
      })
  void checkerRejectsLaterSyntax(String es6) {
    assertThat(Es5Checker.violations(es6, "sample.js")).isNotEmpty();
  }

  @Test
  void checkerAcceptsEs5() {
    assertThat(
            Es5Checker.violations(
                "var o = {a: 1, 'b': function () { return this.a; }, get c() { return 2; }};"
                    + " for (var k in o) {} try { JSON.parse('x'); } catch (e) {} var r = /a+/g;",
                "es5.js"))
        .isEmpty();
  }
}
