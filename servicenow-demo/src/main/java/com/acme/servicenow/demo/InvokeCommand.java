package com.acme.servicenow.demo;

import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code invoke --connector table|incident|flow --input job.json}: one job through the real runtime
 * path, with the variables a job of that connector would carry (after input mapping).
 *
 * <p>Target: the embedded emulator unless {@code --instance} or {@code SERVICENOW_INSTANCE} names a
 * real instance; then the job's {@code connection.instance} is replaced by it, TLS and HTTP follow
 * the runtime's operator settings ({@code SERVICENOW_TRUSTED_CERTIFICATES}, {@code
 * SERVICENOW_ALLOW_HTTP}). Secrets: {@code {{secrets.NAME}}} is resolved from environment variable
 * {@code NAME}; against the emulator, the names in {@link DemoEmulator#SECRETS} default to the
 * emulator's credentials. Secret values are never printed.
 */
final class InvokeCommand {

  static final String USAGE =
      """
      invoke --connector table|incident|flow --input FILE.json [options]
          Runs one job through the connector runtime's job handler. FILE.json holds the job's
          variables as the engine hands them over (after input mapping), e.g.
          {"connection": {"instance": "dev12345"}, "authentication": {...}, "operation": {...}}.
        --instance NAME|URL        a real instance (default: env SERVICENOW_INSTANCE; neither: the
                                   embedded emulator, seed demo, over HTTPS)
        --emulator                 use the embedded emulator even if SERVICENOW_INSTANCE is set
        --result-variable NAME     task header resultVariable (default: result)
        --result-expression FEEL   task header resultExpression, e.g. ={id: response.sysId}
        --error-expression FEEL    task header errorExpression
        --retries N                the job's remaining retries (default 3)
      Secrets: {{secrets.NAME}} in FILE.json is read from environment variable NAME. Against the
      emulator SERVICENOW_USERNAME/SERVICENOW_PASSWORD, SERVICENOW_CLIENT_ID/SERVICENOW_CLIENT_SECRET
      and SERVICENOW_API_KEY default to the emulator's credentials (admin/admin works as well).""";

  private final PrintStream out;
  private final Function<String, String> env;

  InvokeCommand(PrintStream out, Function<String, String> env) {
    this.out = out;
    this.env = env;
  }

  int run(List<String> args) {
    Connector connector = null;
    Path input = null;
    String instance = env.apply("SERVICENOW_INSTANCE");
    boolean forceEmulator = false;
    String resultVariable = "result";
    String resultExpression = null;
    String errorExpression = null;
    int retries = 3;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--connector" -> connector = Connector.fromCli(value(args, ++i, arg));
        case "--input" -> input = Path.of(value(args, ++i, arg));
        case "--instance" -> instance = value(args, ++i, arg);
        case "--emulator" -> forceEmulator = true;
        case "--result-variable" -> resultVariable = value(args, ++i, arg);
        case "--result-expression" -> resultExpression = value(args, ++i, arg);
        case "--error-expression" -> errorExpression = value(args, ++i, arg);
        case "--retries" -> retries = parseInt(value(args, ++i, arg), arg);
        default -> throw new UsageException("Unknown option for invoke: " + arg);
      }
    }
    if (connector == null || input == null) {
      throw new UsageException("invoke needs --connector and --input");
    }
    if (!Files.isRegularFile(input)) {
      throw new UsageException("No such input file: " + input);
    }
    Map<String, Object> variables = new LinkedHashMap<>(Json.readObject(input));
    boolean emulated = forceEmulator || instance == null || instance.isBlank();

    Set<String> referenced = Secrets.referencedIn(variables);
    Secrets.Resolution resolution =
        Secrets.resolve(referenced, env, emulated ? DemoEmulator.SECRETS : Map.of());
    if (!resolution.missing().isEmpty()) {
      out.println("Missing secrets (set these environment variables): " + String.join(", ", resolution.missing()));
      return 2;
    }
    Secrets secrets = resolution.secrets();

    ServiceNowEmulator emulator = emulated ? DemoEmulator.start() : null;
    try {
      ServiceNowClientFactory clients =
          emulated ? DemoEmulator.clientsFor(emulator) : ServiceNowClientFactory.fromEnvironment();
      String target = emulated ? emulator.baseUrl() : instance.trim();
      setInstance(variables, target);
      out.println("Invoking " + connector.displayName() + " against "
          + (emulated ? "the embedded ServiceNow emulator at " + target : target));

      Map<String, Object> fetched = onlyInputVariables(variables, connector);
      if (fetched.size() < variables.size()) {
        var ignored = new java.util.ArrayList<>(variables.keySet());
        ignored.removeAll(fetched.keySet());
        out.println("Ignored (not among the connector's input variables " + connector.inputVariables() + "): "
            + String.join(", ", ignored));
      }
      JobRequest.Builder job =
          JobRequest.builder()
              .variables(fetched)
              .type(connector.type())
              .retries(retries)
              .bpmnProcessId("servicenow-invoke")
              .elementId("Invoke")
              .resultVariable(resultVariable);
      if (resultExpression != null) {
        job.resultExpression(resultExpression);
      }
      if (errorExpression != null) {
        job.errorExpression(errorExpression);
      }
      JobRequest request = job.build();
      JobPrinter printer = new JobPrinter(out, secrets, false);
      printer.input(request);
      JobOutcome outcome =
          ConnectorRuntimeHarness.forFunction(connector.newFunction(clients))
              .secrets(secrets.values())
              .build()
              .run(request);
      printer.outcome(outcome);
      return outcome instanceof JobOutcome.Completed ? 0 : 1;
    } finally {
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void setInstance(Map<String, Object> variables, String instance) {
    Object connection = variables.get("connection");
    Map<String, Object> copy =
        connection instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    copy.put("instance", instance);
    variables.put("connection", copy);
  }

  /** As the job worker does: only the connector's input variables reach the job. */
  private static Map<String, Object> onlyInputVariables(Map<String, Object> variables, Connector connector) {
    Map<String, Object> fetched = new LinkedHashMap<>(variables);
    fetched.keySet().retainAll(connector.inputVariables());
    return fetched;
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(i);
  }

  private static int parseInt(String s, String option) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a number");
    }
  }
}
