package com.acme.servicenow.emulator.http;

import com.acme.servicenow.emulator.EmulatorClock;
import com.acme.servicenow.emulator.FaultRule;
import com.acme.servicenow.emulator.FaultRules;
import com.acme.servicenow.emulator.RecordedRequest;
import com.acme.servicenow.emulator.RequestJournal;
import com.acme.servicenow.emulator.auth.AuthService;
import com.acme.servicenow.emulator.core.EmulatorContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The one {@link HttpHandler}: adds latency, identifies the caller, applies fault rules, routes to an
 * {@link ApiHandler}, adds the headers every ServiceNow response has, and records the exchange in the journal.
 */
public final class EmulatorServer implements HttpHandler {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EmulatorContext ctx;
  private final Router router;
  private final FaultRules faults;
  private final RequestJournal journal;
  private final Supplier<String> fallbackBaseUrl;
  private final boolean https;
  private volatile Duration latency = Duration.ZERO;

  public EmulatorServer(EmulatorContext ctx, Router router, FaultRules faults, RequestJournal journal,
                        Supplier<String> fallbackBaseUrl, boolean https) {
    this.ctx = ctx;
    this.router = router;
    this.faults = faults;
    this.journal = journal;
    this.fallbackBaseUrl = fallbackBaseUrl;
    this.https = https;
  }

  public void latency(Duration latency) {
    this.latency = latency == null ? Duration.ZERO : latency;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    EmulatorClock clock = ctx.clock;
    Instant at = clock.now();
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    String method = exchange.getRequestMethod().toUpperCase();
    List<String> override = headers.get("X-http-method-override");
    if (override != null && !override.isEmpty() && !override.get(0).isBlank()) {
      method = override.get(0).trim().toUpperCase();
    }
    String path = exchange.getRequestURI().getPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    List<String> host = headers.get("Host");
    String baseUrl = host == null || host.isEmpty() ? fallbackBaseUrl.get()
        : (https ? "https://" : "http://") + host.get(0);
    ApiRequest request = new ApiRequest(method, path, rawQuery, headers, body, baseUrl);

    sleep(latency);
    AuthService.Result auth = ctx.auth.authenticate(request.header("Authorization"), request.header("x-sn-apikey"),
        request.param("x-sn-apikey"));
    if (auth instanceof AuthService.Authenticated a) {
      request.principal(a.principal());
    }
    String user = request.principal() == null ? null : request.principal().userName();

    ApiResponse response;
    Optional<FaultRule> fault = faults.match(method, path, user);
    if (fault.isPresent()) {
      FaultRule rule = fault.get();
      switch (rule.kind()) {
        case CONNECTION_RESET -> {
          journal.record(new RecordedRequest(method, path, rawQuery, headers, text(body), user, 0, at));
          // closing the exchange before any header was sent drops the connection without an HTTP response
          exchange.close();
          return;
        }
        case DELAY -> {
          sleep(rule.duration());
          response = serve(request, auth);
        }
        case TRUNCATED_BODY -> response = FaultResponses.truncate(serve(request, auth));
        case RESPOND -> response = FaultResponses.respond(rule);
        case RATE_LIMITED -> response = FaultResponses.rateLimited(path, rule.duration(), clock.now());
        case RATE_LIMITED_UNTIL_RESET -> response = FaultResponses.rateLimitedUntil(path, rule.reset());
        case BARE_RATE_LIMIT -> response = ApiResponse.empty(429);
        case SERVER_ERROR -> response = FaultResponses.serverError(rule.status());
        case HTML_PAGE -> response = ApiResponse.text(200, "text/html;charset=UTF-8", FaultResponses.HIBERNATING_PAGE);
        case EMPTY_ACCEPTED -> response = ApiResponse.empty(202);
        default -> throw new IllegalStateException(rule.kind().name());
      }
    } else {
      response = serve(request, auth);
    }
    // journal first: a test that reads it right after receiving the response must find the entry
    journal.record(new RecordedRequest(method, path, rawQuery, headers, text(body), user, response.status(), at));
    write(exchange, request, response);
  }

  private ApiResponse serve(ApiRequest request, AuthService.Result auth) {
    Optional<ApiHandler> handler = router.find(request.path());
    boolean needsAuth = handler.map(ApiHandler::requiresAuthentication).orElse(true);
    if (needsAuth && !(auth instanceof AuthService.Authenticated)) {
      return ApiException.notAuthenticated().toResponse().header("WWW-Authenticate", "BASIC realm=\"Service-now\"");
    }
    if (needsAuth && !ctx.access.apiAllowed(request.principal())) {
      return ApiResponse.error(403, "User Not Authorized", "Failed API level ACL Validation");
    }
    if (handler.isEmpty()) {
      return ApiException.invalidUri().toResponse();
    }
    try {
      return handler.get().handle(request);
    } catch (ApiException e) {
      return e.toResponse();
    } catch (RuntimeException e) {
      return ApiResponse.error(500, "Internal Server Error", e.toString());
    }
  }

  private void write(HttpExchange exchange, ApiRequest request, ApiResponse response) throws IOException {
    var out = exchange.getResponseHeaders();
    out.set("X-Is-Logged-In", Boolean.toString(request.principal() != null));
    out.set("X-Transaction-ID", transactionId());
    out.set("Pragma", "no-store,no-cache");
    out.set("Cache-control", "no-cache,no-store,must-revalidate,max-age=-1");
    out.set("Expires", "0");
    out.set("Server", "ServiceNow");
    out.set("Server-Timing", "sem_wait;dur=0, sesh_wait;dur=0");
    out.set("X-Content-Type-Options", "nosniff");
    if (https) {
      out.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    }
    // a session cookie like the real one, so clients can be tested for not sharing cookies across jobs
    // (requests on one session are serialised on a real instance, reference A4.3)
    String cookie = request.header("Cookie");
    if (cookie == null || !cookie.contains("JSESSIONID=")) {
      out.add("Set-Cookie", "JSESSIONID=" + transactionId() + transactionId() + "; Path=/; HttpOnly"
          + (https ? ";Secure" : ""));
    }
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      out.set(h.getKey(), h.getValue());
    }
    byte[] body = response.body();
    boolean noBody = request.method().equals("HEAD") || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
        || response.status() == 204 || response.status() == 304 || body.length == 0;
    try {
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(body);
        }
      }
    } finally {
      exchange.close();
    }
  }

  private static String transactionId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Bodies are journaled up to 1 MiB so that large attachment uploads in long runs do not fill the heap. */
  static final int JOURNAL_BODY_LIMIT = 1 << 20;

  private static String text(byte[] body) {
    if (body.length > JOURNAL_BODY_LIMIT) {
      return new String(body, 0, JOURNAL_BODY_LIMIT, StandardCharsets.UTF_8);
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private static void sleep(Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
