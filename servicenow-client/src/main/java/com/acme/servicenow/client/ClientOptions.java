package com.acme.servicenow.client;

import com.acme.servicenow.client.auth.TokenCache;
import com.acme.servicenow.client.error.ServiceNowInputException;
import com.acme.servicenow.client.http.RetryPolicy;
import com.acme.servicenow.client.http.Sleeper;
import java.time.Clock;
import java.time.Duration;

/**
 * Behaviour knobs that are not part of the connection: retries, the sleeper and clock (injectable for
 * tests), token refresh margin, connection pool size and the token cache (process-wide by default).
 */
public record ClientOptions(
    RetryPolicy retryPolicy,
    Sleeper sleeper,
    Clock clock,
    Duration tokenRefreshSkew,
    int maxConnections,
    TokenCache tokenCache) {

  public ClientOptions {
    retryPolicy = retryPolicy == null ? RetryPolicy.defaults() : retryPolicy;
    sleeper = sleeper == null ? Sleeper.SYSTEM : sleeper;
    clock = clock == null ? Clock.systemUTC() : clock;
    tokenRefreshSkew = tokenRefreshSkew == null ? Duration.ofSeconds(60) : tokenRefreshSkew;
    tokenCache = tokenCache == null ? TokenCache.shared() : tokenCache;
    if (maxConnections == 0) {
      maxConnections = 50;
    }
    if (maxConnections < 1 || maxConnections > 1000) {
      throw new ServiceNowInputException("maxConnections", "must be between 1 and 1000");
    }
  }

  private static final ClientOptions DEFAULTS = new ClientOptions(null, null, null, null, 0, null);

  public static ClientOptions defaults() {
    return DEFAULTS;
  }

  public ClientOptions withRetryPolicy(RetryPolicy p) {
    return new ClientOptions(p, sleeper, clock, tokenRefreshSkew, maxConnections, tokenCache);
  }

  public ClientOptions withSleeper(Sleeper s) {
    return new ClientOptions(retryPolicy, s, clock, tokenRefreshSkew, maxConnections, tokenCache);
  }

  public ClientOptions withClock(Clock c) {
    return new ClientOptions(retryPolicy, sleeper, c, tokenRefreshSkew, maxConnections, tokenCache);
  }

  public ClientOptions withTokenRefreshSkew(Duration d) {
    return new ClientOptions(retryPolicy, sleeper, clock, d, maxConnections, tokenCache);
  }

  public ClientOptions withMaxConnections(int n) {
    return new ClientOptions(retryPolicy, sleeper, clock, tokenRefreshSkew, n, tokenCache);
  }

  public ClientOptions withTokenCache(TokenCache cache) {
    return new ClientOptions(retryPolicy, sleeper, clock, tokenRefreshSkew, maxConnections, cache);
  }
}
