package com.acme.servicenow.client.http;

import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** Maps a non-2xx (or structurally failed) response to a {@link ServiceNowException}. */
final class ErrorMapper {

  static final String TRANSACTION_CANCELLED = "Transaction cancelled";

  private ErrorMapper() {}

  /** Parsed error envelope. */
  record Envelope(String message, String detail) {}

  static Envelope parseEnvelope(byte[] body, boolean tokenEndpoint) {
    if (body == null || body.length == 0) {
      return new Envelope(null, null);
    }
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      if (root == null || !root.isObject()) {
        return new Envelope(null, null);
      }
      JsonNode error = root.get("error");
      if (error != null && error.isObject()) {
        return new Envelope(text(error.get("message")), text(error.get("detail")));
      }
      if (error != null && error.isTextual()) {
        // OAuth token endpoint: {"error_description":"access_denied","error":"server_error"}
        return new Envelope(error.asText(), text(root.get("error_description")));
      }
      return new Envelope(null, null);
    } catch (Exception e) {
      if (tokenEndpoint || looksLikeHtml(body)) {
        return new Envelope(null, null);
      }
      // cut-off body that still carries ServiceNow's appended error text
      String s = new String(body, StandardCharsets.UTF_8);
      if (s.contains(TRANSACTION_CANCELLED)) {
        return new Envelope("Transaction cancelled: maximum execution time exceeded", null);
      }
      return new Envelope(null, null);
    }
  }

  static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    return n.isTextual() ? n.asText() : n.toString();
  }

  static boolean looksLikeHtml(byte[] body) {
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF) {
        continue;
      }
      return b == '<';
    }
    return false;
  }

  static ServiceNowException fromStatus(
      RequestSpec spec, int status, byte[] body, String contentType, String transactionId, Duration wait) {
    boolean html = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"))
        || (body != null && looksLikeHtml(body));
    Envelope env = html ? new Envelope(null, null) : parseEnvelope(body, spec.tokenEndpoint);
    ErrorCode code;
    boolean retryable;
    if (spec.tokenEndpoint && status != 429 && status < 500) {
      code = ErrorCode.SERVICENOW_TOKEN_ERROR;
      retryable = false;
    } else {
      switch (status) {
        case 400, 405, 406, 411, 413, 414, 415, 422 -> {
          code = ErrorCode.SERVICENOW_BAD_REQUEST;
          retryable = false;
        }
        case 401 -> {
          code = ErrorCode.SERVICENOW_UNAUTHORIZED;
          retryable = false;
        }
        case 403 -> {
          String d = (env.detail() == null ? "" : env.detail()) + " " + (env.message() == null ? "" : env.message());
          if (d.contains("Data Policy Exception")) {
            code = ErrorCode.SERVICENOW_DATA_POLICY;
          } else if (d.contains("aborted by Business Rule")) {
            code = ErrorCode.SERVICENOW_BUSINESS_RULE;
          } else {
            code = ErrorCode.SERVICENOW_FORBIDDEN;
          }
          retryable = false;
        }
        case 404 -> {
          code = ErrorCode.SERVICENOW_NOT_FOUND;
          retryable = false;
        }
        case 408 -> {
          code = ErrorCode.SERVICENOW_TIMEOUT;
          retryable = true;
        }
        case 409 -> {
          code = ErrorCode.SERVICENOW_CONFLICT;
          retryable = false;
        }
        case 429 -> {
          code = ErrorCode.SERVICENOW_RATE_LIMITED;
          retryable = true;
        }
        case 502, 503, 504 -> {
          code = ErrorCode.SERVICENOW_SERVER_ERROR;
          retryable = true;
        }
        default -> {
          if (status >= 500) {
            boolean cancelled = env.message() != null && env.message().contains(TRANSACTION_CANCELLED);
            code = cancelled ? ErrorCode.SERVICENOW_TRANSACTION_CANCELLED : ErrorCode.SERVICENOW_SERVER_ERROR;
            retryable = cancelled;
          } else if (status >= 400) {
            code = ErrorCode.SERVICENOW_BAD_REQUEST;
            retryable = false;
          } else {
            code = ErrorCode.SERVICENOW_UNEXPECTED_STATUS;
            retryable = false;
          }
        }
      }
    }
    StringBuilder m = new StringBuilder();
    if (spec.tokenEndpoint) {
      m.append("OAuth token request to ").append(spec.displayPath()).append(" failed with HTTP ").append(status);
    } else {
      m.append("ServiceNow ").append(spec.method).append(' ').append(spec.displayPath())
          .append(" failed with HTTP ").append(status);
    }
    if (html) {
      m.append(": the server answered with an HTML page instead of JSON");
    }
    if (env.message() != null) {
      m.append(": ").append(env.message());
    }
    if (env.detail() != null) {
      m.append(" (").append(env.detail()).append(')');
    }
    if (transactionId != null) {
      m.append(" [X-Transaction-ID ").append(transactionId).append(']');
    }
    return new ServiceNowException(
        code, m.toString(), status, env.message(), env.detail(), transactionId, retryable, wait, null);
  }

  static ServiceNowException bodyProblem(
      RequestSpec spec, int status, ErrorCode code, String what, String snMessage, String snDetail,
      String transactionId, boolean retryable, Throwable cause) {
    String m = "ServiceNow " + spec.method + " " + spec.displayPath() + " returned HTTP " + status + " but " + what
        + (transactionId != null ? " [X-Transaction-ID " + transactionId + "]" : "");
    return new ServiceNowException(code, m, status, snMessage, snDetail, transactionId, retryable, null, cause);
  }
}
