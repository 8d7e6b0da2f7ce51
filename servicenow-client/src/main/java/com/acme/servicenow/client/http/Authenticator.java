package com.acme.servicenow.client.http;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.ServiceNowConnection;
import com.acme.servicenow.client.auth.Auth;
import com.acme.servicenow.client.auth.TokenCache;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds credentials to requests and obtains OAuth tokens through the shared {@link TokenCache}. */
final class Authenticator {

  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

  private final ServiceNowConnection connection;
  private final ClientOptions options;
  private final Transport transport;
  private final String staticHeaderName;
  private final String staticHeaderValue;
  private final TokenCache.Key tokenKey;
  private final URI tokenUrl;

  Authenticator(ServiceNowConnection connection, ClientOptions options, Transport transport) {
    this.connection = connection;
    this.options = options;
    this.transport = transport;
    Auth auth = connection.auth();
    String name = null;
    String value = null;
    TokenCache.Key key = null;
    URI tUrl = null;
    switch (auth) {
      case Auth.Basic b -> {
        name = "Authorization";
        value = "Basic " + Base64.getEncoder()
            .encodeToString((b.username() + ":" + b.password()).getBytes(StandardCharsets.UTF_8));
      }
      case Auth.BearerToken t -> {
        name = "Authorization";
        value = "Bearer " + t.token();
      }
      case Auth.ApiKey k -> {
        name = "x-sn-apikey";
        value = k.key();
      }
      case Auth.OAuthClientCredentials c -> {
        tUrl = connection.tokenUrl();
        key = new TokenCache.Key(tUrl.toString(), c.clientId(), null, hash(c.clientSecret()));
      }
      case Auth.OAuthPassword p -> {
        tUrl = connection.tokenUrl();
        key = new TokenCache.Key(tUrl.toString(), p.clientId(), p.username(), hash(p.clientSecret() + "\u0000" + p.password()));
      }
    }
    this.staticHeaderName = name;
    this.staticHeaderValue = value;
    this.tokenKey = key;
    this.tokenUrl = tUrl;
  }

  /** Adds the credentials; returns the OAuth access token used (null for static credentials). */
  String apply(ClassicRequestBuilder rb) {
    if (tokenKey == null) {
      rb.addHeader(staticHeaderName, staticHeaderValue);
      return null;
    }
    TokenCache.Token token = options.tokenCache().get(tokenKey, options.clock(), this::fetch);
    rb.addHeader("Authorization", "Bearer " + token.accessToken());
    return token.accessToken();
  }

  /** After a 401: drop the cached token; true when a re-send with a new token makes sense. */
  boolean invalidate(String usedToken) {
    if (tokenKey == null || usedToken == null) {
      return false;
    }
    options.tokenCache().invalidate(tokenKey, usedToken);
    return true;
  }

  private TokenCache.Token fetch(TokenCache.Token previous) {
    Auth auth = connection.auth();
    if (auth instanceof Auth.OAuthPassword p) {
      if (previous != null && previous.refreshToken() != null) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", p.clientId());
        form.put("client_secret", p.clientSecret());
        form.put("refresh_token", previous.refreshToken());
        try {
          return request(form, previous.refreshToken());
        } catch (ServiceNowException e) {
          if (e.code() != ErrorCode.SERVICENOW_TOKEN_ERROR) {
            throw e;
          }
          LOG.info("OAuth refresh_token grant refused ({}), falling back to the password grant", e.serviceNowMessage());
        }
      }
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "password");
      form.put("client_id", p.clientId());
      form.put("client_secret", p.clientSecret());
      form.put("username", p.username());
      form.put("password", p.password());
      return request(form, null);
    }
    Auth.OAuthClientCredentials c = (Auth.OAuthClientCredentials) auth;
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", c.clientId());
    form.put("client_secret", c.clientSecret());
    return request(form, null);
  }

  private TokenCache.Token request(Map<String, String> form, String previousRefreshToken) {
    // credentials go in the form-encoded body, never in the query string (reference A3.2)
    RequestSpec spec = RequestSpec.method("POST", null)
        .absoluteUri(tokenUrl)
        .tokenEndpoint()
        .idempotent(true) // issuing a token has no side effect worth protecting
        .body(QueryString.form(form).getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
        .build();
    JsonNode root = transport.execute(spec, Transport::readJson);
    String access = root == null ? null : text(root.get("access_token"));
    if (access == null || access.isEmpty()) {
      throw new ServiceNowException(ErrorCode.SERVICENOW_TOKEN_ERROR,
          "OAuth token request to " + tokenUrl.getRawPath() + " returned no access_token", 200,
          root == null ? null : text(root.get("error")), root == null ? null : text(root.get("error_description")),
          null, false, null, null);
    }
    long expiresIn = 1800;
    JsonNode exp = root.get("expires_in");
    if (exp != null && !exp.isNull()) {
      try {
        expiresIn = Long.parseLong(exp.asText().strip());
      } catch (NumberFormatException ignored) {
        // keep the documented default lifetime
      }
    }
    String refresh = text(root.get("refresh_token"));
    if (refresh == null || refresh.isEmpty()) {
      refresh = previousRefreshToken;
    }
    LOG.debug("OAuth token obtained from {} (expires in {} s)", tokenUrl.getHost(), expiresIn);
    return TokenCache.Token.issued(access, refresh, options.clock().instant(),
        Duration.ofSeconds(Math.max(1, expiresIn)), options.tokenRefreshSkew());
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
