package com.acme.servicenow.connector.table;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.acme.servicenow.emulator.FaultRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Secrets stay out of the logs of our code and of the connector runtime, at every level, on success
 * and on failure (the runtime logs every failed job with its exception message).
 */
class SecretsInLogsTest extends TableConnectorTestSupport {

  @Test
  void noSecretIsLoggedByTheConnectorOrTheRuntime() {
    List<ILoggingEvent> events = new ArrayList<>();
    // HTTP wire logging (org.apache.hc at DEBUG) prints headers by design and is not switched on in production
    List<Logger> loggers =
        List.of((Logger) LoggerFactory.getLogger("com.acme"), (Logger) LoggerFactory.getLogger("io.camunda"));
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    List<Level> previous = new ArrayList<>();
    for (Logger logger : loggers) {
      previous.add(logger.getLevel());
      logger.setLevel(Level.DEBUG);
      logger.addAppender(appender);
    }
    try {
      String sysId = insertIncident("log test");
      run(task("get").set("operation.getSysId", sysId)).asCompleted();
      run(task("get")
          .set("operation.getSysId", sysId)
          .set("authentication.basicPassword", "{{secrets.SN_PASSWORD}}x"))
          .asFailed();
      run(task("get")
          .set("operation.getSysId", sysId)
          .set("authentication.type", "oauthClientCredentials")
          .set("authentication.ccClientId", "{{secrets.SN_CLIENT_ID}}")
          .set("authentication.ccClientSecret", "{{secrets.SN_CLIENT_SECRET}}"))
          .asCompleted();
      run(task("get")
          .set("operation.getSysId", sysId)
          .set("authentication.type", "oauthClientCredentials")
          .set("authentication.ccClientId", "{{secrets.SN_CLIENT_ID}}")
          .set("authentication.ccClientSecret", "{{secrets.SN_CLIENT_SECRET}}-wrong"))
          .asFailed();
      emulator().faults().add(FaultRule.on("GET", "/api/now/table/incident").serverError(500));
      run(task("get")
          .set("operation.getSysId", sysId)
          .set("authentication.type", "apiKey")
          .set("authentication.apiKey", "{{secrets.SN_API_KEY}}"))
          .asFailed();
    } finally {
      for (int i = 0; i < loggers.size(); i++) {
        loggers.get(i).detachAppender(appender);
        loggers.get(i).setLevel(previous.get(i));
      }
      events.addAll(appender.list);
    }

    StringBuilder logged = new StringBuilder();
    for (ILoggingEvent e : events) {
      logged.append(e.getFormattedMessage()).append('\n');
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        logged.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
      }
    }
    // the failed jobs were logged, so the capture works
    assertThat(logged).contains("401").contains("500");
    assertThat(logged.toString())
        .doesNotContain(PASSWORD)
        .doesNotContain(CLIENT_SECRET)
        .doesNotContain(API_KEY);
  }

}
