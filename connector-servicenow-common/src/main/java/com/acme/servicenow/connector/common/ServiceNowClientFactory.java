package com.acme.servicenow.connector.common;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.ServiceNowClient;
import com.acme.servicenow.client.ServiceNowClients;
import com.acme.servicenow.client.ServiceNowConnection;
import com.acme.servicenow.client.auth.Auth;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns the template's connection and authentication inputs into a {@link ServiceNowClient}. Clients
 * (and their connection pools and OAuth tokens) are cached process-wide by the client library, so
 * calling this per job is cheap.
 *
 * <p>Connector functions take a factory in their constructor: the SPI constructor uses {@link
 * #fromEnvironment()}, tests pass one with settings that trust the emulator.
 */
public final class ServiceNowClientFactory {

  private final RuntimeSettings settings;
  private final ClientOptions options;

  private ServiceNowClientFactory(RuntimeSettings settings, ClientOptions options) {
    this.settings = settings;
    this.options = options;
  }

  public static ServiceNowClientFactory fromEnvironment() {
    return new ServiceNowClientFactory(RuntimeSettings.fromEnvironment(), ClientOptions.defaults());
  }

  public static ServiceNowClientFactory of(RuntimeSettings settings, ClientOptions options) {
    return new ServiceNowClientFactory(settings, options);
  }

  public RuntimeSettings settings() {
    return settings;
  }

  /** Builds the client's connection; invalid values raise {@code ServiceNowInputException}. */
  public ServiceNowConnection connection(
      ServiceNowConnectionInput connection, ServiceNowAuthentication authentication) {
    ServiceNowConnection.Builder builder =
        ServiceNowConnection.builder()
            .allowHttp(settings.allowHttp())
            .trustedCertificatesPem(settings.trustedCertificatesPem())
            .auth(toAuth(authentication));
    String instance = connection.instance().trim();
    String lower = instance.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      builder.baseUrl(instance);
    } else {
      builder.instance(instance);
    }
    if (connection.connectTimeoutSeconds() != null) {
      builder.connectTimeout(Duration.ofSeconds(connection.connectTimeoutSeconds()));
    }
    if (connection.readTimeoutSeconds() != null) {
      builder.readTimeout(Duration.ofSeconds(connection.readTimeoutSeconds()));
    }
    return builder.build();
  }

  public ServiceNowClient client(
      ServiceNowConnectionInput connection, ServiceNowAuthentication authentication) {
    return ServiceNowClients.get(connection(connection, authentication), options);
  }

  static Auth toAuth(ServiceNowAuthentication authentication) {
    return switch (authentication) {
      case ServiceNowAuthentication.Basic b -> Auth.basic(b.username(), b.password());
      case ServiceNowAuthentication.OAuthClientCredentials c ->
          new Auth.OAuthClientCredentials(c.clientId(), c.clientSecret(), blankToNull(c.tokenUrl()));
      case ServiceNowAuthentication.OAuthPassword p ->
          new Auth.OAuthPassword(
              p.clientId(), p.clientSecret(), p.username(), p.password(), blankToNull(p.tokenUrl()));
      case ServiceNowAuthentication.BearerToken t -> Auth.bearer(t.token());
      case ServiceNowAuthentication.ApiKey k -> Auth.apiKey(k.apiKey());
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
