package com.acme.servicenow.client.http;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

/** A successful (2xx) response as handed to a reader. Internal to the client. */
public final class HttpResult {

  private final ClassicHttpResponse response;
  private final InputStream body;

  HttpResult(ClassicHttpResponse response, InputStream body) {
    this.response = response;
    this.body = body;
  }

  public int status() {
    return response.getCode();
  }

  public String header(String name) {
    Header h = response.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  public Map<String, List<String>> headers() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      out.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
    }
    return out;
  }

  public String transactionId() {
    return header("X-Transaction-ID");
  }

  public String contentType() {
    return header("Content-Type");
  }

  /** The body stream (empty stream when there is none). */
  public InputStream body() {
    return body;
  }

  ClassicHttpResponse response() {
    return response;
  }
}
