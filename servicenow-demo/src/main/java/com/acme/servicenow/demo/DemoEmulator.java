package com.acme.servicenow.demo;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.connector.common.RuntimeSettings;
import com.acme.servicenow.connector.common.ServiceNowClientFactory;
import com.acme.servicenow.emulator.ServiceNowEmulator;
import java.util.Map;

/**
 * The embedded emulator used by {@code demo} and by {@code invoke} without a real instance: HTTPS
 * with a certificate generated at start, the {@code demo} seed, and one credential of every kind
 * the connectors support, known under the secret names the examples use.
 */
public final class DemoEmulator {

  /** Secret name → value that the embedded emulator accepts. */
  public static final Map<String, String> SECRETS =
      Map.of(
          "SERVICENOW_USERNAME", "camunda.integration",
          "SERVICENOW_PASSWORD", "Demo-Passw0rd-7f3a",
          "SERVICENOW_CLIENT_ID", "demo-client",
          "SERVICENOW_CLIENT_SECRET", "demo-client-secret-5f1c",
          "SERVICENOW_API_KEY", "demo-api-key-8d2e");

  private DemoEmulator() {}

  public static ServiceNowEmulator start() {
    return ServiceNowEmulator.builder()
        .https(true)
        .seed("demo")
        // an integration user of its own, as in servicenow-setup.md (admin/admin exists as well)
        .user(SECRETS.get("SERVICENOW_USERNAME"), SECRETS.get("SERVICENOW_PASSWORD"), "itil")
        .oauthClient(SECRETS.get("SERVICENOW_CLIENT_ID"), SECRETS.get("SERVICENOW_CLIENT_SECRET"))
        .clientCredentialsGrant(SECRETS.get("SERVICENOW_CLIENT_ID"), "admin")
        .apiKey(SECRETS.get("SERVICENOW_API_KEY"), "admin")
        .start();
  }

  /**
   * Clients that trust exactly the emulator's self-signed certificate (no "trust all"): the same
   * operator setting as SERVICENOW_TRUSTED_CERTIFICATES in a real runtime.
   */
  public static ServiceNowClientFactory clientsFor(ServiceNowEmulator emulator) {
    RuntimeSettings settings =
        emulator.isHttps()
            ? new RuntimeSettings(false, emulator.certificatePem())
            : new RuntimeSettings(true, null);
    return ServiceNowClientFactory.of(settings, ClientOptions.defaults());
  }
}
