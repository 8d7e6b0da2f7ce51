package com.acme.servicenow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * The baseline: a pooled Apache HttpClient 5 and Jackson, nothing else — what a hand-written
 * integration would do with no validation, no error mapping, no retries and no runtime around it.
 */
public final class RawClient implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient http;
  private final String authorization;

  public RawClient(SSLContext ssl, String user, String password) {
    this.pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl))
            .setMaxConnTotal(64)
            .setMaxConnPerRoute(64)
            .build();
    this.http = HttpClients.custom().setConnectionManager(pool).disableCookieManagement().build();
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the request and parses the JSON answer; null unless the status is {@code expectedStatus}. */
  public JsonNode send(String method, String url, String jsonBody, int expectedStatus) throws IOException {
    HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(url));
    request.setHeader("Authorization", authorization);
    request.setHeader("Accept", "application/json");
    if (jsonBody != null) {
      request.setEntity(new StringEntity(jsonBody, ContentType.APPLICATION_JSON));
    }
    return http.execute(
        request,
        response -> {
          try (InputStream in = response.getEntity().getContent()) {
            JsonNode json = MAPPER.readTree(in);
            return response.getCode() == expectedStatus ? json : null;
          }
        });
  }

  public PoolingHttpClientConnectionManager pool() {
    return pool;
  }

  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
  }
}
