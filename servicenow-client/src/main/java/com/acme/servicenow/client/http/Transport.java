package com.acme.servicenow.client.http;

import com.acme.servicenow.client.ClientOptions;
import com.acme.servicenow.client.ServiceNowConnection;
import com.acme.servicenow.client.error.ErrorCode;
import com.acme.servicenow.client.error.ServiceNowException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes requests against one ServiceNow connection: authentication (incl. the one-time re-send after
 * a 401 with a cached token), host allow-list, retries with idempotency rules and a time budget, and the
 * mapping of every failure to a {@link ServiceNowException}. Internal to the client; the public API is
 * {@code ServiceNowClient}.
 *
 * <p>Retry rules (issue 3): 429 always (ServiceNow rejects before processing); connection failures before
 * the request was sent always; 502/503/504, read timeouts, dropped (202) and cut-off bodies only for
 * idempotent requests. {@code Retry-After} (seconds or HTTP date) and {@code X-RateLimit-Reset} (epoch
 * seconds) are honoured; otherwise exponential backoff with jitter. A wait longer than the remaining
 * budget is not slept: the error is thrown with that wait as {@code suggestedWait}.
 */
public final class Transport implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  /** Upper bound of a non-streamed JSON body; larger answers are refused rather than buffered. */
  public static final long MAX_BUFFERED_BODY = 64L * 1024 * 1024;
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final ServiceNowConnection connection;
  private final ClientOptions options;
  private final CloseableHttpClient http;
  private final boolean ownsHttp;
  private final Authenticator authenticator;

  public Transport(ServiceNowConnection connection, ClientOptions options, CloseableHttpClient http, boolean ownsHttp) {
    this.connection = connection;
    this.options = options;
    this.http = http;
    this.ownsHttp = ownsHttp;
    this.authenticator = new Authenticator(connection, options, this);
  }

  public ServiceNowConnection connection() {
    return connection;
  }

  public ClientOptions options() {
    return options;
  }

  private enum RetryKind {
    ALWAYS,
    IDEMPOTENT,
    NEVER,
    RESEND_AFTER_401
  }

  private static final class AttemptFailure extends Exception {
    final ServiceNowException error;
    final RetryKind kind;
    final Duration serverWait;

    AttemptFailure(ServiceNowException error, RetryKind kind, Duration serverWait) {
      super(null, null, false, false);
      this.error = error;
      this.kind = kind;
      this.serverWait = serverWait;
    }
  }

  /** Executes with retries; the reader runs inside the attempt so broken bodies can be retried. */
  public <T> T execute(RequestSpec spec, ResponseReader<T> reader) {
    return run(spec, reader, false);
  }

  /** Executes and parses the JSON body (null for an empty body). */
  public JsonNode json(RequestSpec spec) {
    return execute(spec, Transport::readJson);
  }

  /** Executes a request whose success answer has no body of interest (DELETE → 204). */
  public void noContent(RequestSpec spec) {
    execute(spec, r -> {
      r.body().transferTo(OutputStreamSink.INSTANCE);
      return null;
    });
  }

  /**
   * Executes and hands back the open response for streaming (downloads). The caller must close it.
   * Retries happen only until a 2xx arrives.
   */
  public OpenResponse open(RequestSpec spec) {
    return run(spec, r -> new OpenResponse(r), true);
  }

  /** A 2xx response left open for streaming. */
  public static final class OpenResponse implements AutoCloseable {
    private final HttpResult result;

    OpenResponse(HttpResult result) {
      this.result = result;
    }

    public HttpResult result() {
      return result;
    }

    @Override
    public void close() {
      try {
        result.response().close();
      } catch (IOException e) {
        LOG.debug("closing response failed", e);
      }
    }
  }

  private <T> T run(RequestSpec spec, ResponseReader<T> reader, boolean keepOpen) {
    URI uri = uri(spec);
    HostAllowList.check(uri);
    RetryPolicy policy = options.retryPolicy();
    long start = options.clock().millis();
    int attempt = 0;
    boolean resent = false;
    while (true) {
      attempt++;
      AttemptFailure f;
      try {
        return attemptOnce(spec, uri, reader, keepOpen, !resent);
      } catch (AttemptFailure e) {
        f = e;
      }
      if (f.kind == RetryKind.RESEND_AFTER_401) {
        resent = true;
        attempt--; // the re-send with a fresh token is not a retry
        LOG.debug("{} {}: 401 with a cached token, re-sending once with a new token", spec.method, spec.displayPath());
        continue;
      }
      boolean retryableKind = f.kind == RetryKind.ALWAYS || (f.kind == RetryKind.IDEMPOTENT && spec.idempotent);
      if (!retryableKind || !spec.replayable() || spec.failFast.contains(f.error.code())) {
        boolean callerMayRetry = f.kind == RetryKind.ALWAYS || (f.kind == RetryKind.IDEMPOTENT && spec.idempotent);
        throw f.error.withSuggestedWait(f.serverWait, callerMayRetry && f.error.retryable());
      }
      Duration wait = f.serverWait != null
          ? f.serverWait
          : policy.backoffWithJitter(attempt + 1, ThreadLocalRandom.current().nextDouble());
      if (attempt >= policy.maxAttempts()) {
        throw f.error.withSuggestedWait(wait, true);
      }
      long elapsed = options.clock().millis() - start;
      long remaining = policy.totalBudget().toMillis() - elapsed;
      if (wait.toMillis() > remaining) {
        LOG.info("{} {}: {} – wait {} exceeds the remaining retry budget, returning to caller",
            spec.method, spec.displayPath(), f.error.code(), wait);
        throw f.error.withSuggestedWait(wait, true);
      }
      LOG.info("{} {}: {} (attempt {}/{}), retrying in {} ms",
          spec.method, spec.displayPath(), f.error.code(), attempt, policy.maxAttempts(), wait.toMillis());
      try {
        options.sleeper().sleep(wait);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new ServiceNowException(
            ErrorCode.SERVICENOW_INTERRUPTED, "Interrupted while waiting to retry " + spec.method + " "
                + spec.displayPath(), true, ie);
      }
    }
  }

  private <T> T attemptOnce(RequestSpec spec, URI uri, ResponseReader<T> reader, boolean keepOpen, boolean mayResend)
      throws AttemptFailure {
    ClassicRequestBuilder rb = ClassicRequestBuilder.create(spec.method).setUri(uri);
    if (spec.accept != null) {
      rb.addHeader("Accept", spec.accept);
    }
    for (Map.Entry<String, String> h : spec.headers.entrySet()) {
      rb.addHeader(h.getKey(), h.getValue());
    }
    String usedToken = null;
    if (spec.authenticated) {
      usedToken = authenticator.apply(rb); // may throw ServiceNowException (token endpoint) – not retried here
    }
    HttpEntity entity = null;
    if (spec.body != null) {
      entity = new ByteArrayEntity(spec.body, ContentType.parse(spec.contentType));
    } else if (spec.streamBody != null) {
      entity = new InputStreamEntity(spec.streamBody, spec.streamLength, ContentType.parse(spec.contentType));
    }
    if (entity != null) {
      rb.setEntity(entity);
    }
    ClassicHttpRequest request = rb.build();
    if (LOG.isDebugEnabled()) {
      LOG.debug("-> {} {}", spec.method, spec.absoluteUri != null ? spec.displayPath() : uri.getRawPath()
          + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : ""));
    }
    ClassicHttpResponse response;
    try {
      response = http.executeOpen(RoutingSupport.determineHost(request), request, null);
    } catch (IOException e) {
      throw connectionFailure(spec, e);
    } catch (org.apache.hc.core5.http.HttpException e) {
      throw new AttemptFailure(new ServiceNowException(ErrorCode.SERVICENOW_CONNECTION_FAILED,
          "ServiceNow " + spec.method + " " + spec.displayPath() + " failed: " + e.getMessage(), false, e),
          RetryKind.NEVER, null);
    }
    boolean close = true;
    try {
      int status = response.getCode();
      String txn = header(response, "X-Transaction-ID");
      String contentType = header(response, "Content-Type");
      LOG.debug("<- {} {} {} (transaction {})", status, spec.method, spec.displayPath(), txn);
      if (status < 200 || status >= 300) {
        byte[] body = readLimited(response, MAX_ERROR_BODY);
        if (LOG.isDebugEnabled() && !spec.tokenEndpoint) {
          LOG.debug("<- error body: {}", new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (status == 401 && usedToken != null && mayResend && authenticator.invalidate(usedToken)
            && spec.replayable()) {
          // (a streamed body was consumed by this attempt and cannot be re-sent; the next call gets a new token)
          throw new AttemptFailure(null, RetryKind.RESEND_AFTER_401, null);
        }
        Duration wait = (status == 429 || status == 503) ? serverWait(response) : null;
        ServiceNowException error = ErrorMapper.fromStatus(spec, status, body, contentType, txn, wait);
        RetryKind kind;
        if (status == 429) {
          kind = RetryKind.ALWAYS;
        } else if (status == 502 || status == 503 || status == 504 || status == 408
            || error.code() == ErrorCode.SERVICENOW_TRANSACTION_CANCELLED) {
          kind = RetryKind.IDEMPOTENT;
        } else {
          kind = RetryKind.NEVER;
        }
        throw new AttemptFailure(error, kind, wait);
      }
      HttpEntity e = response.getEntity();
      long limit = keepOpen ? Long.MAX_VALUE : MAX_BUFFERED_BODY;
      InputStream raw = e == null ? InputStream.nullInputStream() : e.getContent();
      BodyStream counted = new BodyStream(raw, limit);
      BufferedInputStream body = new BufferedInputStream(counted, 8192);
      if (status == 202 && isEmpty(body)) {
        throw new AttemptFailure(ErrorMapper.bodyProblem(spec, status, ErrorCode.SERVICENOW_REQUEST_DROPPED,
            "an empty body: the instance's session queue was full and the request was dropped",
            null, null, txn, true, null), RetryKind.IDEMPOTENT, null);
      }
      if (!keepOpen && isHtml(contentType, body)) {
        throw new AttemptFailure(ErrorMapper.bodyProblem(spec, status, ErrorCode.SERVICENOW_HTML_RESPONSE,
            "an HTML page instead of JSON (hibernating developer instance, maintenance page or SSO login)",
            null, null, txn, false, null), RetryKind.NEVER, null);
      }
      HttpResult result = new HttpResult(response, body);
      T value;
      try {
        value = reader.read(result);
      } catch (BodyStream.LimitExceeded le) {
        throw new AttemptFailure(le.toException(), RetryKind.NEVER, null);
      } catch (SocketTimeoutException ste) {
        throw new AttemptFailure(new ServiceNowException(ErrorCode.SERVICENOW_TIMEOUT, "ServiceNow " + spec.method
            + " " + spec.displayPath() + ": read timeout while receiving the body", 0, null, null, txn, true, null,
            ste), RetryKind.IDEMPOTENT, null);
      } catch (IOException ioe) {
        throw brokenBody(spec, status, txn, counted, ioe);
      }
      if (keepOpen) {
        close = false;
      }
      return value;
    } catch (IOException e) {
      throw connectionFailure(spec, e);
    } finally {
      if (close) {
        try {
          response.close();
        } catch (IOException e) {
          LOG.debug("closing response failed", e);
        }
      }
    }
  }

  private static AttemptFailure brokenBody(RequestSpec spec, int status, String txn, BodyStream counted, IOException ioe) {
    String tail = counted.tailText();
    if (tail.contains(ErrorMapper.TRANSACTION_CANCELLED)) {
      return new AttemptFailure(ErrorMapper.bodyProblem(spec, status, ErrorCode.SERVICENOW_TRANSACTION_CANCELLED,
          "the body was cut off: 'Transaction cancelled: maximum execution time exceeded' (use a smaller page size)",
          "Transaction cancelled: maximum execution time exceeded", null, txn, true, ioe), RetryKind.IDEMPOTENT, null);
    }
    if (ioe instanceof InvalidBodyException) {
      return new AttemptFailure(ErrorMapper.bodyProblem(spec, status, ErrorCode.SERVICENOW_INVALID_RESPONSE,
          "an unexpected body: " + ioe.getMessage(), null, null, txn, false, ioe), RetryKind.NEVER, null);
    }
    String what = ioe instanceof JsonProcessingException
        ? "a body that is not valid JSON (cut off or corrupted)"
        : "the body could not be read completely (" + ioe.getClass().getSimpleName() + ")";
    return new AttemptFailure(ErrorMapper.bodyProblem(spec, status, ErrorCode.SERVICENOW_INVALID_RESPONSE, what,
        null, null, txn, true, ioe), RetryKind.IDEMPOTENT, null);
  }

  private static AttemptFailure connectionFailure(RequestSpec spec, IOException e) {
    String where = "ServiceNow " + spec.method + " " + spec.displayPath();
    if (e instanceof SSLHandshakeException) {
      return new AttemptFailure(new ServiceNowException(ErrorCode.SERVICENOW_TLS_ERROR,
          where + ": TLS handshake failed (" + e.getMessage() + ")", false, e), RetryKind.NEVER, null);
    }
    if (e instanceof ConnectException || e instanceof ConnectTimeoutException || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException) {
      // nothing was sent: safe to retry whatever the method
      return new AttemptFailure(new ServiceNowException(ErrorCode.SERVICENOW_CONNECTION_FAILED,
          where + ": could not connect (" + e.getClass().getSimpleName() + ")", true, e), RetryKind.ALWAYS, null);
    }
    if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && !(e instanceof java.nio.channels.ClosedByInterruptException))) {
      return new AttemptFailure(new ServiceNowException(ErrorCode.SERVICENOW_TIMEOUT,
          where + ": no answer within the read timeout", true, e), RetryKind.IDEMPOTENT, null);
    }
    // sent (or maybe sent) and then the connection broke: only idempotent requests may be repeated
    return new AttemptFailure(new ServiceNowException(ErrorCode.SERVICENOW_CONNECTION_FAILED,
        where + ": connection failed after the request was sent (" + e.getClass().getSimpleName() + ")", true, e),
        RetryKind.IDEMPOTENT, null);
  }

  /** Retry-After (delta seconds or HTTP date), else X-RateLimit-Reset (UNIX epoch seconds). */
  Duration serverWait(ClassicHttpResponse response) {
    Instant now = options.clock().instant();
    String ra = header(response, "Retry-After");
    if (ra != null) {
      String v = ra.strip();
      try {
        long secs = Long.parseLong(v);
        return Duration.ofSeconds(Math.max(0, secs));
      } catch (NumberFormatException ignored) {
        try {
          Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          Duration d = Duration.between(now, at);
          return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException ignored2) {
          // fall through to X-RateLimit-Reset
        }
      }
    }
    String reset = header(response, "X-RateLimit-Reset");
    if (reset != null) {
      try {
        long epoch = Long.parseLong(reset.strip());
        Duration d = Duration.between(now, Instant.ofEpochSecond(epoch));
        return d.isNegative() ? Duration.ZERO : d;
      } catch (NumberFormatException ignored) {
        return null;
      }
    }
    return null;
  }

  private URI uri(RequestSpec spec) {
    String base = spec.absoluteUri != null ? spec.absoluteUri.toString() : connection.baseUrl() + spec.path;
    String q = QueryString.build(spec.query);
    return URI.create(q.isEmpty() ? base : base + (base.contains("?") ? "&" : "?") + q);
  }

  private static String header(ClassicHttpResponse r, String name) {
    Header h = r.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  private static boolean isEmpty(BufferedInputStream in) throws IOException {
    in.mark(1);
    int c = in.read();
    in.reset();
    return c < 0;
  }

  private static boolean isHtml(String contentType, BufferedInputStream in) throws IOException {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
      return true;
    }
    in.mark(256);
    byte[] head = in.readNBytes(256);
    in.reset();
    return ErrorMapper.looksLikeHtml(head);
  }

  private static byte[] readLimited(ClassicHttpResponse r, int max) {
    HttpEntity e = r.getEntity();
    if (e == null) {
      return new byte[0];
    }
    try (InputStream in = e.getContent()) {
      return in.readNBytes(max);
    } catch (IOException ex) {
      return new byte[0];
    }
  }

  /** Parses a whole JSON body; an error envelope inside a 2xx counts as a broken body. */
  public static JsonNode readJson(HttpResult r) throws IOException {
    byte[] bytes = r.body().readAllBytes();
    if (bytes.length == 0) {
      return null;
    }
    JsonNode root = Json.MAPPER.readTree(new ByteArrayInputStream(bytes));
    checkNoErrorEnvelope(root);
    return root;
  }

  /**
   * A cut-off body can, by chance, still be valid JSON with ServiceNow's {@code "error"} appended at the
   * top level; treat it as the failure it is.
   */
  public static void checkNoErrorEnvelope(JsonNode root) throws IOException {
    if (root != null && root.isObject() && root.has("error") && "failure".equals(root.path("status").asText())) {
      String msg = root.path("error").path("message").asText("");
      if (msg.contains(ErrorMapper.TRANSACTION_CANCELLED)) {
        throw new IOException(msg); // BodyStream tail contains the marker → TRANSACTION_CANCELLED
      }
      throw new InvalidBodyException("a success status with an error body: " + msg);
    }
  }

  @Override
  public void close() {
    if (ownsHttp) {
      try {
        http.close();
      } catch (IOException e) {
        LOG.debug("closing http client failed", e);
      }
    }
  }

  /** Discards bytes. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
