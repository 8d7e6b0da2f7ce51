package com.acme.servicenow.connector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.acme.servicenow.emulator.FaultRule;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Everything the runtime and the client log at DEBUG while jobs succeed and fail: no password in it. */
class SecretsInLogsTest extends FlowConnectorTestSupport {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Logger root;
  private Level previous;

  @BeforeEach
  void capture() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    previous = root.getLevel();
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() {
    root.detachAppender(appender);
    root.setLevel(previous);
  }

  @Test
  void noSecretInLogsResultsOrErrors() {
    run(job(Map.of("type", "startFlow", "flowType", "flow", "name", "x_acme_it.provision_vm",
        "waitForCompletion", true)).build()).asCompleted();
    run(job(Map.of("type", "startFlow", "flowType", "flow", "name", "x_acme_it.always_fails",
        "waitForCompletion", true)).build()).asFailed();
    run(job(Map.of("type", "callRestTrigger", "method", "POST", "path", "/api/x_acme_it/notify",
        "body", Map.of("note", "see secrets in the vault"))).build()).asCompleted();
    emulator().faults().add(FaultRule.on("POST", "/api/x_acme_camunda/flow/v1/start").serverError(500));
    run(job(Map.of("type", "startFlow", "flowType", "flow", "name", "x_acme_it.provision_vm")).build()).asFailed();
    run(job(Map.of("type", "startFlow", "flowType", "flow", "name", "not valid")).build()).asFailed();

    assertThat(appender.list).isNotEmpty();
    for (ILoggingEvent event : appender.list) {
      String text = event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(text).as(event.getLoggerName()).doesNotContain(PASSWORD);
    }
  }
}
