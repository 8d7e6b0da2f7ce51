package com.acme.servicenow.connector.common;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.camunda.connector.generator.java.annotation.TemplateDiscriminatorProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * How the connector authenticates against ServiceNow. Shared by all three connectors so their
 * templates offer the same choices. Secret values are meant to be written as
 * {@code {{secrets.NAME}}}; {@code toString()} never prints them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ServiceNowAuthentication.Basic.class, name = "basic"),
  @JsonSubTypes.Type(value = ServiceNowAuthentication.OAuthClientCredentials.class, name = "oauthClientCredentials"),
  @JsonSubTypes.Type(value = ServiceNowAuthentication.OAuthPassword.class, name = "oauthPassword"),
  @JsonSubTypes.Type(value = ServiceNowAuthentication.BearerToken.class, name = "bearer"),
  @JsonSubTypes.Type(value = ServiceNowAuthentication.ApiKey.class, name = "apiKey")
})
@TemplateDiscriminatorProperty(
    name = "type",
    id = "type",
    label = "Authentication",
    group = "authentication",
    defaultValue = "basic",
    description =
        "Basic is simplest; OAuth is what most production instances require. Store credentials as Camunda secrets.")
public sealed interface ServiceNowAuthentication {

  String REDACTED = "[REDACTED]";
  String TOKEN_URL_PATTERN = "^(=.*|https://\\S+|)$";

  @TemplateSubType(id = "basic", label = "Basic (user name and password)")
  record Basic(
      @TemplateProperty(
              id = "basicUsername",
              label = "User name",
              group = "authentication",
              tooltip = "A ServiceNow integration user with the roles the operations need (e.g. itil, or table-specific ACLs).",
              description = "For example {{secrets.SERVICENOW_USER}}")
          @NotBlank
          String username,
      @TemplateProperty(
              id = "basicPassword",
              label = "Password",
              group = "authentication",
              description = "For example {{secrets.SERVICENOW_PASSWORD}}")
          @NotBlank
          String password)
      implements ServiceNowAuthentication {
    @Override
    public String toString() {
      return "Basic[username=" + username + ", password=" + REDACTED + "]";
    }
  }

  @TemplateSubType(id = "oauthClientCredentials", label = "OAuth 2.0 client credentials")
  record OAuthClientCredentials(
      @TemplateProperty(
              id = "ccClientId",
              label = "Client ID",
              group = "authentication",
              tooltip = "From System OAuth > Application Registry. The instance must allow the client_credentials grant (glide.oauth.inbound.client.credential.grant_type.enabled) and the entity must name an OAuth application user.",
              description = "For example {{secrets.SERVICENOW_CLIENT_ID}}")
          @NotBlank
          String clientId,
      @TemplateProperty(
              id = "ccClientSecret",
              label = "Client secret",
              group = "authentication",
              description = "For example {{secrets.SERVICENOW_CLIENT_SECRET}}")
          @NotBlank
          String clientSecret,
      @TemplateProperty(
              id = "ccTokenUrl",
              label = "Token URL",
              group = "authentication",
              optional = true,
              tooltip = "Leave empty to use <instance>/oauth_token.do.")
          @Pattern(regexp = TOKEN_URL_PATTERN, message = "must be an https URL")
          String tokenUrl)
      implements ServiceNowAuthentication {
    @Override
    public String toString() {
      return "OAuthClientCredentials[clientId=" + clientId + ", clientSecret=" + REDACTED + ", tokenUrl=" + tokenUrl + "]";
    }
  }

  @TemplateSubType(id = "oauthPassword", label = "OAuth 2.0 password grant (user + refresh token)")
  record OAuthPassword(
      @TemplateProperty(id = "pwClientId", label = "Client ID", group = "authentication",
              description = "For example {{secrets.SERVICENOW_CLIENT_ID}}")
          @NotBlank
          String clientId,
      @TemplateProperty(id = "pwClientSecret", label = "Client secret", group = "authentication",
              description = "For example {{secrets.SERVICENOW_CLIENT_SECRET}}")
          @NotBlank
          String clientSecret,
      @TemplateProperty(id = "pwUsername", label = "User name", group = "authentication",
              description = "For example {{secrets.SERVICENOW_USER}}")
          @NotBlank
          String username,
      @TemplateProperty(id = "pwPassword", label = "Password", group = "authentication",
              description = "For example {{secrets.SERVICENOW_PASSWORD}}")
          @NotBlank
          String password,
      @TemplateProperty(
              id = "pwTokenUrl",
              label = "Token URL",
              group = "authentication",
              optional = true,
              tooltip = "Leave empty to use <instance>/oauth_token.do. Tokens are cached per runtime and renewed with the refresh token.")
          @Pattern(regexp = TOKEN_URL_PATTERN, message = "must be an https URL")
          String tokenUrl)
      implements ServiceNowAuthentication {
    @Override
    public String toString() {
      return "OAuthPassword[clientId=" + clientId + ", clientSecret=" + REDACTED + ", username=" + username
          + ", password=" + REDACTED + ", tokenUrl=" + tokenUrl + "]";
    }
  }

  @TemplateSubType(id = "bearer", label = "Bearer token")
  record BearerToken(
      @TemplateProperty(
              id = "bearerToken",
              label = "Token",
              group = "authentication",
              tooltip = "An access token obtained elsewhere; it is sent as is and never refreshed.",
              description = "For example {{secrets.SERVICENOW_TOKEN}}")
          @NotBlank
          String token)
      implements ServiceNowAuthentication {
    @Override
    public String toString() {
      return "BearerToken[token=" + REDACTED + "]";
    }
  }

  @TemplateSubType(id = "apiKey", label = "API key (x-sn-apikey)")
  record ApiKey(
      @TemplateProperty(
              id = "apiKey",
              label = "API key",
              group = "authentication",
              tooltip = "A REST API key (Washington DC release or later) sent in the x-sn-apikey header.",
              description = "For example {{secrets.SERVICENOW_API_KEY}}")
          @NotBlank
          String apiKey)
      implements ServiceNowAuthentication {
    @Override
    public String toString() {
      return "ApiKey[apiKey=" + REDACTED + "]";
    }
  }
}
