package com.acme.servicenow.reliability;

import static com.acme.servicenow.reliability.Reliability.CLIENT_SECRET;
import static com.acme.servicenow.reliability.Reliability.PASSWORD;
import static com.acme.servicenow.reliability.Reliability.USER;
import static com.acme.servicenow.reliability.Reliability.seededIncident;
import static com.acme.servicenow.reliability.Reliability.tableJob;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.JobOutcome;
import com.acme.servicenow.reliability.Reliability.Auth;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Credentials come from the runtime's secret provider; every error path of the fault matrix (with
 * basic auth and with OAuth client credentials), plus wrong credentials, is run with all of our,
 * the runtime's and HttpClient's loggers at DEBUG (except HttpClient's wire/header dumps). The password, the client secret, the Basic
 * header value and every access token the emulator issued must appear in no error message, error
 * variable, result or captured log line (including stack traces).
 */
class SecretLeakTest {

  @RegisterExtension static final ServiceNowEmulatorExtension SN = Reliability.emulator();

  private static final List<String> DEBUG_LOGGERS = List.of("com.acme", "io.camunda.connector", "org.apache.hc");

  /**
   * HttpClient's wire and header loggers dump the raw exchange (Authorization header, token request
   * body) by design, like any HTTP client's wire log; they stay at INFO here. Operators must not
   * switch them on in production (see benchmarks/README.md: in the shaded bundle they are named
   * {@code com.acme.servicenow.shaded.org.apache.hc.client5.http.wire/headers}).
   */
  private static final List<String> WIRE_LOGGERS =
      List.of("org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers");

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Map<String, Level> previousLevels = new LinkedHashMap<>();

  @BeforeEach
  void captureLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    captured.setContext(context);
    captured.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
    for (String name : DEBUG_LOGGERS) {
      Logger logger = context.getLogger(name);
      previousLevels.put(name, logger.getLevel());
      logger.setLevel(Level.DEBUG);
    }
    for (String name : WIRE_LOGGERS) {
      Logger logger = context.getLogger(name);
      previousLevels.put(name, logger.getLevel());
      logger.setLevel(Level.INFO);
    }
  }

  @AfterEach
  void restoreLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
    previousLevels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    captured.stop();
  }

  static Stream<Arguments> paths() {
    List<Arguments> all = new ArrayList<>();
    for (FaultMatrix.Row row : FaultMatrix.rows()) {
      for (Auth auth : Auth.values()) {
        if (!row.oauthOnly() || auth == Auth.OAUTH) {
          all.add(Arguments.of(row, auth));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("paths")
  void noSecretOnAnyFaultPath(FaultMatrix.Row row, Auth auth) throws Exception {
    ServiceNowEmulator sn = SN.emulator();
    FaultMatrix.Ctx ctx = FaultMatrix.Ctx.of(sn);
    JobOutcome outcome = row.runner().run(ctx, auth);
    row.expectation().check(ctx, outcome);
    assertNoSecrets(sn, outcome);
  }

  @Test
  void wrongPasswordAndWrongClientSecretLeakNeitherTheWrongNorTheRightOne() {
    ServiceNowEmulator sn = SN.emulator();
    ConnectorRuntimeHarness runtime = Reliability.tableRuntime(sn);
    Map<String, Object> get = Map.of("type", "get", "sysId", seededIncident(sn));

    JobOutcome wrongPassword =
        runtime.run(
            tableJob(sn, Auth.BASIC, get)
                .variable("authentication",
                    Map.of("type", "basic", "username", "{{secrets.SN_USER}}", "password", "{{secrets.SN_PASSWORD}}-wrong"))
                .build());
    assertThat(Reliability.error(wrongPassword.asFailed())).containsEntry("code", "SERVICENOW_UNAUTHORIZED");
    assertNoSecrets(sn, wrongPassword);

    JobOutcome wrongSecret =
        runtime.run(
            tableJob(sn, Auth.OAUTH, get)
                .variable("authentication",
                    Map.of("type", "oauthClientCredentials", "clientId", "{{secrets.SN_CLIENT_ID}}",
                        "clientSecret", "{{secrets.SN_CLIENT_SECRET}}-wrong"))
                .build());
    assertThat(Reliability.error(wrongSecret.asFailed())).containsEntry("code", "SERVICENOW_TOKEN_ERROR");
    assertNoSecrets(sn, wrongSecret);
  }

  private void assertNoSecrets(ServiceNowEmulator sn, JobOutcome outcome) {
    Set<String> secrets = new LinkedHashSet<>();
    secrets.add(PASSWORD);
    secrets.add(CLIENT_SECRET);
    secrets.add(Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    for (RecordedRequest r : sn.journal().all()) {
      String authorization = r.header("Authorization");
      if (authorization != null && authorization.startsWith("Bearer ")) {
        secrets.add(authorization.substring("Bearer ".length()));
      }
    }
    // the capture works: HttpClient's DEBUG wire/exchange lines are there to be scanned
    assertThat(captured.list).isNotEmpty();

    List<String> texts = new ArrayList<>();
    texts.add(String.valueOf(outcome));
    for (ILoggingEvent event : captured.list) {
      texts.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      texts.add(String.valueOf(event.getMDCPropertyMap()));
    }
    for (String secret : secrets) {
      for (String text : texts) {
        assertThat(text).as("a secret leaked").doesNotContain(secret);
      }
    }
  }
}
