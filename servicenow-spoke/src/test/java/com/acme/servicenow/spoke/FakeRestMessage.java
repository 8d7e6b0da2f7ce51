package com.acme.servicenow.spoke;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-in for ServiceNow's {@code sn_ws.RESTMessageV2}: the same method names, but it performs a
 * real HTTP call (to WireMock in the tests). Like the platform it never throws from
 * {@code execute()}: a connection failure yields status code 0 with {@code haveError()} true, and
 * any status of 400 or more also sets {@code haveError()}.
 */
public final class FakeRestMessage {

  /** Every request sent, in order, so that tests can see the exact calls. */
  public static final List<Sent> SENT = new ArrayList<>();

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private String endpoint;
  private String method = "GET";
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String body = "";
  private int timeoutMs = 60_000;
  private String midServer = "";

  public record Sent(String method, String endpoint, Map<String, String> headers, String body, int timeoutMs, String midServer) {}

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public void setHttpMethod(String method) {
    this.method = method.toUpperCase();
  }

  public void setRequestHeader(String name, String value) {
    headers.put(name, value);
  }

  public void setRequestBody(String body) {
    this.body = body;
  }

  public void setHttpTimeout(int timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  public void setMIDServer(String midServer) {
    this.midServer = midServer;
  }

  public Response execute() {
    synchronized (SENT) {
      SENT.add(new Sent(method, endpoint, Map.copyOf(headers), body, timeoutMs, midServer));
    }
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(endpoint))
              .timeout(Duration.ofMillis(Math.max(1, timeoutMs)))
              .method(method, HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(b::header);
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      String error = r.statusCode() >= 400 ? "Method failed: (" + endpoint + ") with code: " + r.statusCode() : "";
      return new Response(r.statusCode(), r.body(), error);
    } catch (Exception e) {
      return new Response(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Stand-in for {@code sn_ws.RESTResponseV2}. */
  public static final class Response {
    private final int status;
    private final String body;
    private final String error;

    Response(int status, String body, String error) {
      this.status = status;
      this.body = body;
      this.error = error;
    }

    public int getStatusCode() {
      return status;
    }

    public String getBody() {
      return body;
    }

    public boolean haveError() {
      return !error.isEmpty();
    }

    public String getErrorMessage() {
      return error;
    }
  }
}
