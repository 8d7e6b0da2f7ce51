package com.acme.servicenow.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A fault the emulator injects into matching requests, built fluently:
 * <pre>{@code
 * FaultRule.on("GET", "/api/now/table/incident").forUser("bob").times(2).rateLimited(Duration.ofSeconds(3))
 * }</pre>
 * The method may be {@code "*"}; the path is a prefix of the request path or, written as {@code /regex/}, a regular
 * expression (containing regex syntax) that must match the whole path. Without {@link #times(int)} every matching request fails.
 */
public final class FaultRule {

  /** What the rule does to a matching request. */
  public enum Kind {
    RESPOND, RATE_LIMITED, RATE_LIMITED_UNTIL_RESET, BARE_RATE_LIMIT, SERVER_ERROR, DELAY, CONNECTION_RESET,
    TRUNCATED_BODY, HTML_PAGE, EMPTY_ACCEPTED
  }

  private final String method;
  private final String path;
  private final Pattern regex;
  private String user;
  private int times = -1;
  private final AtomicInteger hits = new AtomicInteger();

  private Kind kind;
  private int status;
  private String body;
  private Map<String, String> headers = Map.of();
  private Duration duration;
  private Instant reset;

  private FaultRule(String method, String path) {
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    // "/api/now/table/" is a prefix, "/.*/incident/" a regex: only slash-wrapped text with regex syntax is a regex
    this.regex = path.length() > 2 && path.startsWith("/") && path.endsWith("/") && path.matches(".*[*+?\\[\\](){}|^$\\\\.].*")
        ? Pattern.compile(path.substring(1, path.length() - 1)) : null;
  }

  /** Starts a rule for requests with this method ("*" = any) and path prefix (or {@code /regex/}). */
  public static FaultRule on(String method, String path) {
    return new FaultRule(method, path);
  }

  /** Only requests authenticated as this user name match. */
  public FaultRule forUser(String userName) {
    this.user = Objects.requireNonNull(userName, "userName");
    return this;
  }

  /** Only the first {@code n} matching requests fail; later ones are served normally. */
  public FaultRule times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be >= 1");
    }
    this.times = n;
    return this;
  }

  public FaultRule respond(int status, String body, Map<String, String> headers) {
    this.kind = Kind.RESPOND;
    this.status = status;
    this.body = body == null ? "" : body;
    this.headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
    return this;
  }

  /** 429 with {@code Retry-After} and the {@code X-RateLimit-*} headers of a rate-limit rule (reference A4.1). */
  public FaultRule rateLimited(Duration retryAfter) {
    this.kind = Kind.RATE_LIMITED;
    this.duration = Objects.requireNonNull(retryAfter, "retryAfter");
    return this;
  }

  /** 429 whose only hint is {@code X-RateLimit-Reset} (epoch seconds). */
  public FaultRule rateLimitedUntilReset(Instant reset) {
    this.kind = Kind.RATE_LIMITED_UNTIL_RESET;
    this.reset = Objects.requireNonNull(reset, "reset");
    return this;
  }

  /** 429 without headers or body, as when the API_INT semaphore queue is full (reference A4.3). */
  public FaultRule bareRateLimit() {
    this.kind = Kind.BARE_RATE_LIMIT;
    return this;
  }

  /** 500 with ServiceNow's JSON error envelope; 502/503/504 with the load balancer's HTML page. */
  public FaultRule serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("not a server error status: " + status);
    }
    this.kind = Kind.SERVER_ERROR;
    this.status = status;
    return this;
  }

  /** Waits this long before handling the request normally (the headers come after the delay). */
  public FaultRule delay(Duration delay) {
    this.kind = Kind.DELAY;
    this.duration = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /** Closes the connection without sending any HTTP response. */
  public FaultRule connectionReset() {
    this.kind = Kind.CONNECTION_RESET;
    return this;
  }

  /** 200 whose JSON is cut off and ends in the "Transaction cancelled" error object (reference A1.6, A4.2). */
  public FaultRule truncatedBody() {
    this.kind = Kind.TRUNCATED_BODY;
    return this;
  }

  /** 200 with the HTML page of a hibernating developer instance. */
  public FaultRule htmlPage() {
    this.kind = Kind.HTML_PAGE;
    return this;
  }

  /** 202 with an empty body, as when too many requests queue on one session (reference A4.3). */
  public FaultRule emptyAccepted() {
    this.kind = Kind.EMPTY_ACCEPTED;
    return this;
  }

  /**
   * True if this rule applies to the request and, when limited by {@link #times}, consumes one of its shots. Called
   * by the emulator for each request.
   */
  public boolean matchAndConsume(String requestMethod, String requestPath, String userName) {
    if (!"*".equals(method) && !method.equalsIgnoreCase(requestMethod)) {
      return false;
    }
    if (regex != null ? !regex.matcher(requestPath).matches() : !requestPath.startsWith(path)) {
      return false;
    }
    if (user != null && !user.equals(userName)) {
      return false;
    }
    if (times < 0) {
      return true;
    }
    return hits.incrementAndGet() <= times;
  }

  /** How many matching requests this rule has seen (including those served normally after {@link #times}). */
  public int hits() {
    return hits.get();
  }

  public Kind kind() {
    if (kind == null) {
      throw new IllegalStateException("FaultRule " + this + " has no action (respond, rateLimited, ...)");
    }
    return kind;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Duration duration() {
    return duration;
  }

  public Instant reset() {
    return reset;
  }

  @Override
  public String toString() {
    return "FaultRule[" + method + " " + path + (user == null ? "" : " user=" + user)
        + (times < 0 ? "" : " times=" + times) + " " + kind + "]";
  }
}
