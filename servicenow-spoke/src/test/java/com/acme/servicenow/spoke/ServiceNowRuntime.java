package com.acme.servicenow.spoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ScriptableObject;

/**
 * A Rhino scope that looks enough like a ServiceNow instance for the app's scripts: the real
 * script include sources from {@code src/main/servicenow}, the platform stand-ins from
 * {@code src/test/resources/standins}, and the scope namespace {@code x_acme_camunda}. Rhino runs
 * at its default (legacy) language version, as ServiceNow's ES5 engine does.
 */
final class ServiceNowRuntime implements AutoCloseable {

  static final Path SOURCES = Path.of("src/main/servicenow");
  static final List<String> SCRIPT_INCLUDES = List.of("CamundaClient", "CamundaActionOutputs", "CamundaFlowApi");

  final Map<String, String> properties = new HashMap<>();
  private final Context cx;
  private final ScriptableObject scope;

  ServiceNowRuntime() {
    cx = Context.enter();
    cx.setLanguageVersion(Context.VERSION_DEFAULT);
    cx.setInterpretedMode(true);
    cx.getWrapFactory().setJavaPrimitiveWrap(false);
    scope = cx.initStandardObjects();
    ScriptableObject.putProperty(scope, "__properties", Context.javaToJS(properties, scope));
    for (String standIn : List.of("platform.js", "scripted_rest.js", "flowapi.js")) {
      evalResource("/standins/" + standIn);
    }
    StringBuilder ns = new StringBuilder("var x_acme_camunda = {");
    for (String include : SCRIPT_INCLUDES) {
      evalFile("sys_script_include/" + include + ".js");
      ns.append(include).append(": ").append(include).append(", ");
    }
    eval(ns.append("type: 'scope'};").toString());
  }

  static String source(String relative) {
    try {
      return Files.readString(SOURCES.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Object evalFile(String relative) {
    return cx.evaluateString(scope, source(relative), relative, 1, null);
  }

  private void evalResource(String resource) {
    try (InputStream in = ServiceNowRuntime.class.getResourceAsStream(resource)) {
      cx.evaluateString(scope, new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, 1, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Object eval(String js) {
    return cx.evaluateString(scope, js, "test", 1, null);
  }

  /** Evaluates an expression and returns its JSON text. */
  String json(String expression) {
    return Context.toString(eval("JSON.stringify(" + expression + ")"));
  }

  @Override
  public void close() {
    Context.exit();
  }
}
