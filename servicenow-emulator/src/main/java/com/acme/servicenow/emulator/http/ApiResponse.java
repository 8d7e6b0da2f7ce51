package com.acme.servicenow.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete response, built before anything is written so that faults can rewrite or cut it. */
public final class ApiResponse {

  public static final String JSON = "application/json;charset=UTF-8";

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private byte[] body;

  public ApiResponse(int status, byte[] body) {
    this.status = status;
    this.body = body == null ? new byte[0] : body;
  }

  public static ApiResponse json(int status, Object value) {
    return new ApiResponse(status, Json.write(value)).header("Content-Type", JSON);
  }

  /** {@code {"result": value}} */
  public static ApiResponse result(int status, Object value) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("result", value);
    return json(status, envelope);
  }

  public static ApiResponse error(int status, String message, String detail) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("detail", detail);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("error", error);
    envelope.put("status", "failure");
    return json(status, envelope);
  }

  public static ApiResponse empty(int status) {
    return new ApiResponse(status, new byte[0]);
  }

  public static ApiResponse text(int status, String contentType, String text) {
    return new ApiResponse(status, text.getBytes(StandardCharsets.UTF_8)).header("Content-Type", contentType);
  }

  public ApiResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  public void body(byte[] newBody) {
    this.body = newBody;
  }
}
