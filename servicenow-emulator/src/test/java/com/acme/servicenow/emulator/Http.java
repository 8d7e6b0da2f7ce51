package com.acme.servicenow.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Minimal test client over real HTTP. */
final class Http {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client;
  private final String baseUrl;
  private String authorization;

  Http(String baseUrl) {
    this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  Http(String baseUrl, HttpClient client) {
    this.baseUrl = baseUrl;
    this.client = client;
    basic("admin", "admin");
  }

  Http basic(String user, String password) {
    authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  Http bearer(String token) {
    authorization = "Bearer " + token;
    return this;
  }

  Http anonymous() {
    authorization = null;
    return this;
  }

  record Response(int status, java.net.http.HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    JsonNode result() {
      return json().get("result");
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Response get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, null);
  }

  Response post(String pathAndQuery, String json) {
    return send("POST", pathAndQuery, json, "application/json");
  }

  Response patch(String pathAndQuery, String json) {
    return send("PATCH", pathAndQuery, json, "application/json");
  }

  Response put(String pathAndQuery, String json) {
    return send("PUT", pathAndQuery, json, "application/json");
  }

  Response delete(String pathAndQuery) {
    return send("DELETE", pathAndQuery, null, null);
  }

  Response send(String method, String pathAndQuery, String body, String contentType, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(Duration.ofSeconds(20))
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String q(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
