package com.acme.servicenow.emulator.http;

import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.data.SysIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Responses of the fault kinds that replace the normal response (reference A1.6, A4). */
public final class FaultResponses {

  /** Appended to the cut-off body of a cancelled transaction, verbatim from KB1297438 (reference A1.6). */
  public static final String TRANSACTION_CANCELLED = "\"error\": {\"message\": \"Transaction cancelled: maximum "
      + "execution time exceeded\",\"detail\": \"Transaction cancelled: maximum execution time exceeded Check logs for "
      + "error trace or enable glide.rest.debug property to verify REST request processing\"},\"status\": \"failure\"}";

  public static final String HIBERNATING_PAGE = """
      <!DOCTYPE html>
      <html lang="en">
      <head><meta charset="utf-8"><title>Instance Hibernating page</title></head>
      <body>
      <h1>Your instance is hibernating</h1>
      <p>Developer instances hibernate after a period of inactivity. Sign in to the developer portal and wake up your \
      instance to continue.</p>
      </body>
      </html>
      """;

  private FaultResponses() {
  }

  public static ApiResponse rateLimitBody(String path) {
    return ApiResponse.error(429, "Rate limit exceeded",
        "Rate limit of 100 requests per hour for " + apiName(path) + " exceeded");
  }

  public static ApiResponse rateLimited(String path, Duration retryAfter, Instant now) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return rateLimitBody(path)
        .header("Retry-After", Long.toString(seconds))
        .header("X-RateLimit-Limit", "100")
        .header("X-RateLimit-Reset", Long.toString(now.plus(retryAfter).getEpochSecond()))
        .header("X-RateLimit-Rule", SysIds.derived("sys_rate_limit_rules:" + apiName(path)));
  }

  public static ApiResponse rateLimitedUntil(String path, Instant reset) {
    return rateLimitBody(path).header("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()));
  }

  public static ApiResponse serverError(int status) {
    if (status == 500) {
      return ApiResponse.error(500, "Internal Server Error", null);
    }
    // 502/503/504 come from the load balancer in front of the instance, as HTML
    String reason = switch (status) {
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Server Error";
    };
    return ApiResponse.text(status, "text/html", "<html><head><title>" + status + " " + reason
        + "</title></head><body><center><h1>" + status + " " + reason + "</h1></center></body></html>\n");
  }

  public static ApiResponse respond(FaultRule rule) {
    ApiResponse response = new ApiResponse(rule.status(), rule.body().getBytes(StandardCharsets.UTF_8));
    boolean hasContentType = false;
    for (Map.Entry<String, String> h : rule.headers().entrySet()) {
      response.header(h.getKey(), h.getValue());
      hasContentType |= h.getKey().equalsIgnoreCase("Content-Type");
    }
    if (!hasContentType && !rule.body().isEmpty()) {
      response.header("Content-Type", ApiResponse.JSON);
    }
    return response;
  }

  /** Cuts a response body in the middle and appends the "Transaction cancelled" error; status 200. */
  public static ApiResponse truncate(ApiResponse normal) {
    byte[] body = normal.body();
    String text = body.length == 0 ? "{\"result\":[" : new String(body, StandardCharsets.UTF_8);
    String cut = text.length() <= 2 ? text : text.substring(0, Math.max(1, text.length() / 2));
    ApiResponse out = new ApiResponse(200, (cut + TRANSACTION_CANCELLED).getBytes(StandardCharsets.UTF_8));
    return out.header("Content-Type", ApiResponse.JSON);
  }

  static String apiName(String path) {
    if (path.matches("^/api/now(/v[12])?/table/.*")) {
      return "Table API";
    }
    if (path.startsWith("/api/now/attachment")) {
      return "Attachment API";
    }
    if (path.startsWith("/api/now/stats")) {
      return "Aggregate API";
    }
    if (path.startsWith("/api/now/import")) {
      return "Import Set API";
    }
    if (path.startsWith("/api/sn_sc/")) {
      return "Service Catalog API";
    }
    return "REST API";
  }
}
