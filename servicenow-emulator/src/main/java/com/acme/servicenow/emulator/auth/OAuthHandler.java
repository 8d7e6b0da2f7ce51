package com.acme.servicenow.emulator.auth;

import com.acme.servicenow.emulator.http.ApiHandler;
import com.acme.servicenow.emulator.http.ApiRequest;
import com.acme.servicenow.emulator.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /oauth_token.do} (password, refresh_token, client_credentials grants) and {@code /oauth_revoke_token.do}
 * (reference A3.2). Like a real instance, nearly every failure is 401
 * {@code {"error_description":"access_denied","error":"server_error"}}; credentials are read from a form-encoded body
 * only.
 */
public final class OAuthHandler implements ApiHandler {

  private final AuthService auth;

  public OAuthHandler(AuthService auth) {
    this.auth = auth;
  }

  @Override
  public boolean handles(String path) {
    return path.equals("/oauth_token.do") || path.equals("/oauth_revoke_token.do");
  }

  @Override
  public boolean requiresAuthentication() {
    return false;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    if (request.path().equals("/oauth_revoke_token.do")) {
      String token = request.param("token");
      if (token == null && request.method().equals("POST")) {
        token = form(request).get("token");
      }
      auth.revoke(token);
      return ApiResponse.empty(200);
    }
    if (!request.method().equals("POST")) {
      return accessDenied();
    }
    String contentType = request.header("Content-Type");
    if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return accessDenied();
    }
    Map<String, String> form = form(request);
    String grantType = form.getOrDefault("grant_type", "");
    AuthService.Grant grant = switch (grantType) {
      case "password" -> auth.passwordGrant(form.get("client_id"), form.get("client_secret"), form.get("username"),
          form.get("password"));
      case "refresh_token" -> auth.refreshGrant(form.get("client_id"), form.get("client_secret"),
          form.get("refresh_token"));
      case "client_credentials" -> auth.clientCredentialsGrant(form.get("client_id"), form.get("client_secret"));
      default -> null;
    };
    if (grant == null) {
      return accessDenied();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("scope", form.getOrDefault("scope", "useraccount"));
    body.put("token_type", "Bearer");
    body.put("expires_in", grant.expiresIn());
    if (grant.refreshToken() != null) {
      body.put("refresh_token", grant.refreshToken());
    }
    body.put("access_token", grant.accessToken());
    return ApiResponse.json(200, body);
  }

  private static Map<String, String> form(ApiRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    List<ApiRequest.Param> params = ApiRequest.parseQuery(new String(request.body(), StandardCharsets.UTF_8).trim());
    for (ApiRequest.Param p : params) {
      out.putIfAbsent(p.name(), p.value());
    }
    return out;
  }

  public static ApiResponse accessDenied() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_description", "access_denied");
    body.put("error", "server_error");
    return ApiResponse.json(401, body);
  }
}
