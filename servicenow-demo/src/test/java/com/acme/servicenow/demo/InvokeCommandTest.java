package com.acme.servicenow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.harness.GeneratedTemplates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeCommandTest {

  private static final Path SAMPLES = GeneratedTemplates.projectRoot().resolve("docs/examples/invoke");

  private record Run(int exit, String output) {}

  private static Run invoke(Function<String, String> env, String... args) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      exit = DemoMain.run(args, out, env);
    }
    return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
  }

  @Test
  void tableQuerySampleRunsAgainstTheEmbeddedEmulator() throws Exception {
    Run run = invoke(name -> null, "invoke", "--connector", "table", "--input",
        SAMPLES.resolve("table-query.json").toString(), "--result-expression",
        "={numbers: for r in response.records return r.number}");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("against the embedded ServiceNow emulator at https://localhost:")
        .contains("\"clientSecret\" : \"{{secrets.SERVICENOW_CLIENT_SECRET}}\"")
        .contains("=> completed")
        .containsPattern("\"numbers\" : \\[ \"INC000000\\d\"")
        .contains("\"totalCount\"")
        .doesNotContain(DemoEmulator.SECRETS.get("SERVICENOW_CLIENT_SECRET"));
  }

  @Test
  void incidentAndFlowSamplesComplete() throws Exception {
    Run incident = invoke(name -> null, "invoke", "--connector", "incident", "--input",
        SAMPLES.resolve("incident-create.json").toString());
    assertThat(incident.exit()).as(incident.output()).isZero();
    assertThat(incident.output()).containsPattern("\"number\" : \"INC\\d{7}\"").contains("\"created\" : true");

    Run flow = invoke(name -> null, "invoke", "--connector", "flow", "--input",
        SAMPLES.resolve("flow-start.json").toString());
    assertThat(flow.exit()).as(flow.output()).isZero();
    assertThat(flow.output()).contains("\"state\" : \"COMPLETE\"").contains("\"outputs\"");
  }

  @Test
  void secretsComeFromTheEnvironmentAndAreNeverEchoedEvenOnFailure() throws Exception {
    String wrong = "Wr0ng-Passw0rd-1234";
    Map<String, String> env = Map.of("SERVICENOW_USERNAME", "admin", "SERVICENOW_PASSWORD", wrong);
    Run run = invoke(env::get, "invoke", "--connector", "incident", "--input",
        SAMPLES.resolve("incident-create.json").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("=> failed").contains("SERVICENOW_UNAUTHORIZED").doesNotContain(wrong);
  }

  @Test
  void literalCredentialsInTheInputAreMaskedWhenPrinted(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("job.json");
    Files.writeString(input, Files.readString(SAMPLES.resolve("incident-create.json"))
        .replace("{{secrets.SERVICENOW_USERNAME}}", "admin")
        .replace("{{secrets.SERVICENOW_PASSWORD}}", "admin"));
    Run run = invoke(name -> null, "invoke", "--connector", "incident", "--input", input.toString());

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("\"password\" : \"***\"");
  }

  @Test
  void aRealInstanceFromTheCommandLineGetsTheJob() throws Exception {
    // stands in for a real instance: plain HTTP, allowed the way an operator would allow it
    try (ServiceNowEmulator instance = ServiceNowEmulator.builder().seed("demo").start()) {
      System.setProperty("servicenow.allowHttp", "true");
      Map<String, String> env = Map.of("SERVICENOW_USERNAME", "admin", "SERVICENOW_PASSWORD", "admin");
      Run run = invoke(env::get, "invoke", "--connector", "incident", "--input",
          SAMPLES.resolve("incident-create.json").toString(), "--instance", instance.baseUrl());

      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(run.output()).contains("against " + instance.baseUrl());
      assertThat(instance.records().find("incident", "short_description=Nightly export failed")).hasSize(1);
    } finally {
      System.clearProperty("servicenow.allowHttp");
    }
  }

  @Test
  void missingSecretsAndBadUsageAreReported(@TempDir Path dir) throws Exception {
    Run missing = invoke(name -> null, "invoke", "--connector", "incident", "--input",
        SAMPLES.resolve("incident-create.json").toString(), "--instance", "dev12345");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.output()).contains("SERVICENOW_USERNAME").contains("SERVICENOW_PASSWORD");

    Run badConnector = invoke(name -> null, "invoke", "--connector", "problem", "--input", "x.json");
    assertThat(badConnector.exit()).isEqualTo(2);
    assertThat(badConnector.output()).contains("--connector must be one of table, incident, flow");

    Run noFile = invoke(name -> null, "invoke", "--connector", "table", "--input", dir.resolve("nope.json").toString());
    assertThat(noFile.exit()).isEqualTo(2);
  }
}
