package com.acme.servicenow.connector.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.error.ServiceNowInputException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceNowClientFactoryTest {

  private static final ServiceNowAuthentication BASIC =
      new ServiceNowAuthentication.Basic("camunda", "pa55word");

  @Test
  void instanceNameBecomesServiceNowHost() {
    var connection =
        ServiceNowClientFactory.of(RuntimeSettings.defaults(), ClientOptions.defaults())
            .connection(new ServiceNowConnectionInput("dev12345", 5, 30), BASIC);
    assertThat(connection.baseUrl().toString()).isEqualTo("https://dev12345.service-now.com");
    assertThat(connection.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(connection.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(connection.auth()).isEqualTo(Auth.basic("camunda", "pa55word"));
  }

  @Test
  void baseUrlIsKeptAndHttpNeedsTheOperatorSetting() {
    var factory = ServiceNowClientFactory.of(RuntimeSettings.defaults(), ClientOptions.defaults());
    assertThat(
            factory
                .connection(new ServiceNowConnectionInput("https://itsm.example.com/", null, null), BASIC)
                .baseUrl()
                .toString())
        .isEqualTo("https://itsm.example.com");
    assertThatThrownBy(
            () -> factory.connection(new ServiceNowConnectionInput("http://localhost:8080", null, null), BASIC))
        .isInstanceOf(ServiceNowInputException.class)
        .hasMessageContaining("http");

    var permissive = ServiceNowClientFactory.of(new RuntimeSettings(true, null), ClientOptions.defaults());
    assertThat(
            permissive
                .connection(new ServiceNowConnectionInput("http://localhost:8080", null, null), BASIC)
                .baseUrl()
                .toString())
        .isEqualTo("http://localhost:8080");
  }

  @Test
  void everyAuthenticationChoiceMapsToTheClientsAuth() {
    assertThat(ServiceNowClientFactory.toAuth(new ServiceNowAuthentication.OAuthClientCredentials("id", "sec", " ")))
        .isEqualTo(new Auth.OAuthClientCredentials("id", "sec", null));
    assertThat(
            ServiceNowClientFactory.toAuth(
                new ServiceNowAuthentication.OAuthPassword("id", "sec", "u", "p", "https://sso.example.com/token")))
        .isEqualTo(new Auth.OAuthPassword("id", "sec", "u", "p", "https://sso.example.com/token"));
    assertThat(ServiceNowClientFactory.toAuth(new ServiceNowAuthentication.BearerToken("tok")))
        .isEqualTo(Auth.bearer("tok"));
    assertThat(ServiceNowClientFactory.toAuth(new ServiceNowAuthentication.ApiKey("key")))
        .isEqualTo(Auth.apiKey("key"));
  }

  @Test
  void toStringNeverShowsSecrets() {
    assertThat(BASIC.toString()).contains("camunda").doesNotContain("pa55word");
    assertThat(new ServiceNowAuthentication.OAuthPassword("id", "csecret", "u", "upass", null).toString())
        .doesNotContain("csecret")
        .doesNotContain("upass");
    assertThat(new ServiceNowAuthentication.OAuthClientCredentials("id", "csecret", null).toString())
        .doesNotContain("csecret");
    assertThat(new ServiceNowAuthentication.BearerToken("tok123").toString()).doesNotContain("tok123");
    assertThat(new ServiceNowAuthentication.ApiKey("key123").toString()).doesNotContain("key123");
  }

  @Test
  void runtimeSettingsComeFromPropertiesBeforeEnvironment() {
    var settings =
        RuntimeSettings.from(
            Map.of(RuntimeSettings.ALLOW_HTTP_ENV, "false")::get,
            Map.of(RuntimeSettings.ALLOW_HTTP_PROPERTY, "true")::get);
    assertThat(settings.allowHttp()).isTrue();
    assertThat(RuntimeSettings.from(Map.<String, String>of()::get, Map.<String, String>of()::get).allowHttp())
        .isFalse();
  }
}
