package com.acme.servicenow.demo;

import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.harness.BpmnExamples;
import com.acme.servicenow.harness.BpmnServiceTask;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.harness.JobRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The narrated demo: a BPMN process ({@value #PROCESS}, modelled with our element templates) whose
 * service tasks run one after another as the engine would run them — input mappings evaluated with
 * FEEL against the process variables, the job handed to the real {@code SpringConnectorJobHandler},
 * result expressions merged back into the process variables — against the embedded emulator over
 * HTTPS.
 */
public final class DemoScenario {

  public static final String PROCESS = "/demo/servicenow-demo.bpmn";

  /** One executed service task. */
  public record Step(BpmnServiceTask task, JobRequest job, JobOutcome outcome, List<RecordedRequest> requests) {}

  /** Everything the demo did; {@code ok} when every step completed. */
  public record Result(List<Step> steps, Map<String, Object> processVariables, boolean ok) {}

  private final PrintStream out;

  public DemoScenario(PrintStream out) {
    this.out = out;
  }

  public Result run() {
    Path bpmn = extractProcess();
    try (ServiceNowEmulator emulator = DemoEmulator.start()) {
      return run(emulator, bpmn);
    } finally {
      try {
        Files.deleteIfExists(bpmn);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }

  Result run(ServiceNowEmulator emulator, Path bpmn) {
    ServiceNowClientFactory clients = DemoEmulator.clientsFor(emulator);
    Secrets secrets = Secrets.of(DemoEmulator.SECRETS);
    Map<Connector, ConnectorRuntimeHarness> runtimes = new EnumMap<>(Connector.class);
    for (Connector c : Connector.values()) {
      runtimes.put(
          c, ConnectorRuntimeHarness.forFunction(c.newFunction(clients)).secrets(secrets.values()).build());
    }
    JobPrinter printer = new JobPrinter(out, secrets, true);
    List<BpmnServiceTask> tasks = BpmnExamples.serviceTasksInFlowOrder(bpmn);

    out.println("ServiceNow connectors for Camunda 8 — demo");
    out.println("==========================================");
    out.println("A ServiceNow emulator (seed \"demo\") is listening on " + emulator.baseUrl()
        + " with a self-signed certificate; the connectors trust exactly that certificate.");
    out.println("Each step is a service task of " + PROCESS.substring(1) + ": its input mappings are evaluated"
        + " with FEEL like the engine does, and the job runs through the connector runtime's own job"
        + " handler (SpringConnectorJobHandler) — secret replacement, validation, the connector, result"
        + " expression. Secrets appear as {{secrets.NAME}} placeholders and never in clear.");
    out.println();

    Map<String, Object> variables = new LinkedHashMap<>(initialVariables());
    out.println("Process variables at the start:");
    out.println(JobPrinter.indent(Json.pretty(variables)));
    List<Step> steps = new ArrayList<>();
    int n = 0;
    for (BpmnServiceTask task : tasks) {
      n++;
      Connector connector = Connector.forType(task.type());
      out.println();
      out.println("Step " + n + "/" + tasks.size() + ": " + task.name() + "   [" + connector.displayName() + "]");
      if (task.documentation() != null) {
        task.documentation().lines().forEach(l -> out.println("  " + l.strip()));
      }
      JobRequest job =
          task.invocation()
              .processVariables(variables)
              .overrideInput("connection.instance", emulator.baseUrl())
              .fetchVariables(connector.inputVariables())
              .processInstanceKey(2251799813690001L)
              .elementInstanceKey(2251799813690100L + n)
              .toJobRequest();
      printer.input(job);
      int before = emulator.journal().all().size();
      JobOutcome outcome = runtimes.get(connector).run(job);
      List<RecordedRequest> all = emulator.journal().all();
      List<RecordedRequest> requests = List.copyOf(all.subList(before, all.size()));
      out.println("  ServiceNow received:");
      for (RecordedRequest r : requests) {
        out.println("    " + r.method() + " " + r.path() + (r.rawQuery() == null ? "" : "?" + secrets.mask(r.rawQuery()))
            + "  -> " + r.status());
      }
      printer.outcome(outcome);
      steps.add(new Step(task, job, outcome, requests));
      if (!(outcome instanceof JobOutcome.Completed completed)) {
        out.println();
        out.println("The demo stopped: step " + n + " did not complete.");
        return new Result(steps, variables, false);
      }
      variables.putAll(task.propagatedVariables(completed.variables(), variables));
    }
    out.println();
    // the full connector responses were printed with each step; the summary shows what the result
    // expressions made of them
    Map<String, Object> summary = new LinkedHashMap<>(variables);
    tasks.forEach(t -> t.header("resultVariable").ifPresent(summary::remove));
    out.println("Done: " + steps.size() + " jobs, " + emulator.journal().all().size()
        + " HTTP requests to ServiceNow. Process variables at the end (without the full responses):");
    out.println(JobPrinter.indent(secrets.mask(Json.pretty(summary))));
    return new Result(steps, variables, true);
  }

  /** What the process was started with. */
  static Map<String, Object> initialVariables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("orderId", "A-1042");
    vars.put("host", "db-prod-01");
    vars.put("requester", "admin");
    return vars;
  }

  private static Path extractProcess() {
    try (InputStream in = DemoScenario.class.getResourceAsStream(PROCESS)) {
      if (in == null) {
        throw new IllegalStateException("The demo process " + PROCESS + " is missing from the jar");
      }
      Path file = Files.createTempFile("servicenow-demo", ".bpmn");
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
