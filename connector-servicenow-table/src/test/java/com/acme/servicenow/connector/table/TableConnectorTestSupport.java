package com.acme.servicenow.connector.table;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.http.RetryPolicy;
import com.acme.servicenow.connector.common.RuntimeSettings;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import com.acme.servicenow.emulator.ServiceNowEmulatorExtension;
import com.acme.servicenow.harness.ConnectorRuntimeHarness;
import com.acme.servicenow.harness.ElementTemplate;
import com.acme.servicenow.harness.ElementTemplateInvocation;
import com.acme.servicenow.harness.GeneratedTemplates;
import com.acme.servicenow.harness.JobOutcome;
import io.camunda.connector.api.annotation.OutboundConnector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shared set-up: one emulator per test class over plain HTTP (allowed by the operator setting, as a
 * runtime next to an emulator would configure it), the real connector runtime path, and the committed
 * element template filled in as a modeller would.
 */
abstract class TableConnectorTestSupport {

  static final String USER = "integration";
  static final String PASSWORD = "s3cr3t-Passw0rd!";
  static final String API_KEY = "k-7f3a9c2e51d84b06";
  static final String CLIENT_ID = "camunda-runtime";
  static final String CLIENT_SECRET = "cl13nt-s3cr3t";

  @RegisterExtension
  static final ServiceNowEmulatorExtension SN =
      ServiceNowEmulatorExtension.create(
          b ->
              b.user(USER, PASSWORD, "admin")
                  .apiKey(API_KEY, USER)
                  .oauthClient(CLIENT_ID, CLIENT_SECRET)
                  .clientCredentialsGrant(CLIENT_ID, USER));

  /** No client-side retries: the retry decisions under test are the runtime's (job retries and backoff). */
  static final ServiceNowClientFactory CLIENTS =
      ServiceNowClientFactory.of(
          new RuntimeSettings(true, null), ClientOptions.defaults().withRetryPolicy(RetryPolicy.noRetries()));

  static final ConnectorRuntimeHarness RUNTIME =
      ConnectorRuntimeHarness.forFunction(new ServiceNowTableFunction(CLIENTS))
          .secret("SN_USER", USER)
          .secret("SN_PASSWORD", PASSWORD)
          .secret("SN_API_KEY", API_KEY)
          .secret("SN_CLIENT_ID", CLIENT_ID)
          .secret("SN_CLIENT_SECRET", CLIENT_SECRET)
          .build();

  static final ElementTemplate TEMPLATE =
      ElementTemplate.load(
          GeneratedTemplates.projectRoot().resolve(Path.of("element-templates", "servicenow-table-connector.json")));

  static final List<String> INPUT_VARIABLES =
      List.of(ServiceNowTableFunction.class.getAnnotation(OutboundConnector.class).inputVariables());

  static ServiceNowEmulator emulator() {
    return SN.emulator();
  }

  /** The template with connection and basic-auth secrets filled in, for one operation. */
  static ElementTemplateInvocation task(String operation) {
    return TEMPLATE
        .invocation()
        .set("connection.instance", SN.baseUrl())
        .set("authentication.type", "basic")
        .set("authentication.basicUsername", "{{secrets.SN_USER}}")
        .set("authentication.basicPassword", "{{secrets.SN_PASSWORD}}")
        .set("operation.type", operation)
        .set("resultVariable", "result")
        .fetchVariables(INPUT_VARIABLES);
  }

  static JobOutcome run(ElementTemplateInvocation invocation) {
    return RUNTIME.run(invocation.toJobRequest());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> result(JobOutcome outcome) {
    return (Map<String, Object>) outcome.asCompleted().variables().get("result");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  /** A unique marker so that tests sharing the emulator never see each other's rows. */
  static String marker() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String insertIncident(String shortDescription) {
    return emulator().records().insert("incident", Map.of("short_description", shortDescription)).get("sys_id");
  }
}
