package com.acme.servicenow.client.auth;

import com.acme.servicenow.client.error.ServiceNowInputException;

/**
 * How the client authenticates (reference A3). {@code toString()} of every variant masks its secrets.
 */
public sealed interface Auth
    permits Auth.Basic, Auth.OAuthClientCredentials, Auth.OAuthPassword, Auth.BearerToken, Auth.ApiKey {

  String MASK = "****";

  static Basic basic(String username, String password) {
    return new Basic(username, password);
  }

  static OAuthClientCredentials clientCredentials(String clientId, String clientSecret) {
    return new OAuthClientCredentials(clientId, clientSecret, null);
  }

  static OAuthPassword password(String clientId, String clientSecret, String username, String password) {
    return new OAuthPassword(clientId, clientSecret, username, password, null);
  }

  static BearerToken bearer(String token) {
    return new BearerToken(token);
  }

  static ApiKey apiKey(String key) {
    return new ApiKey(key);
  }

  /** HTTP basic authentication. */
  record Basic(String username, String password) implements Auth {
    public Basic {
      require("auth.username", username);
      require("auth.password", password);
      if (username.indexOf(':') >= 0) {
        throw new ServiceNowInputException("auth.username", "a basic-auth user name cannot contain ':'");
      }
    }

    @Override
    public String toString() {
      return "Basic[username=" + username + ", password=" + MASK + "]";
    }
  }

  /**
   * OAuth 2.0 {@code client_credentials} grant (Washington DC and later; needs the OAuth Application User).
   *
   * @param tokenUrl optional absolute token endpoint; default {@code <baseUrl>/oauth_token.do}
   */
  record OAuthClientCredentials(String clientId, String clientSecret, String tokenUrl) implements Auth {
    public OAuthClientCredentials {
      require("auth.clientId", clientId);
      require("auth.clientSecret", clientSecret);
      tokenUrl = blankToNull(tokenUrl);
    }

    @Override
    public String toString() {
      return "OAuthClientCredentials[clientId=" + clientId + ", clientSecret=" + MASK + ", tokenUrl=" + tokenUrl + "]";
    }
  }

  /** OAuth 2.0 {@code password} grant; the refresh token it returns is used to renew the access token. */
  record OAuthPassword(String clientId, String clientSecret, String username, String password, String tokenUrl)
      implements Auth {
    public OAuthPassword {
      require("auth.clientId", clientId);
      require("auth.clientSecret", clientSecret);
      require("auth.username", username);
      require("auth.password", password);
      tokenUrl = blankToNull(tokenUrl);
    }

    @Override
    public String toString() {
      return "OAuthPassword[clientId=" + clientId + ", clientSecret=" + MASK + ", username=" + username
          + ", password=" + MASK + ", tokenUrl=" + tokenUrl + "]";
    }
  }

  /** A static bearer token obtained elsewhere; not refreshed. */
  record BearerToken(String token) implements Auth {
    public BearerToken {
      require("auth.token", token);
    }

    @Override
    public String toString() {
      return "BearerToken[token=" + MASK + "]";
    }
  }

  /** API key sent as header {@code x-sn-apikey} (reference A3.3). */
  record ApiKey(String key) implements Auth {
    public ApiKey {
      require("auth.apiKey", key);
    }

    @Override
    public String toString() {
      return "ApiKey[key=" + MASK + "]";
    }
  }

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ServiceNowInputException(field, "is required");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new ServiceNowInputException(field, "contains a line break or NUL character");
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
