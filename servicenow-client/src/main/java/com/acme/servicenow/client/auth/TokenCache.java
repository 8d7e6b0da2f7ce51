package com.acme.servicenow.client.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Process-wide cache of OAuth access tokens, keyed by (token URL, client id, user, credential hash).
 *
 * <p>Why process-wide: the connector runtime creates many jobs with the same connection; each fetching
 * its own token would hammer {@code oauth_token.do}. Why a lock per key: when a token expires under load,
 * exactly one thread fetches the new one while the others wait for it (no stampede).
 */
public final class TokenCache {

  private static final TokenCache SHARED = new TokenCache();

  /** Cache key; {@code credentialHash} is a SHA-256 over the secrets so that changed secrets miss. */
  public record Key(String tokenUrl, String clientId, String username, String credentialHash) {
    @Override
    public String toString() {
      return "Key[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", username=" + username + "]";
    }
  }

  /**
   * A token as issued. {@code refreshToken} may be null (client_credentials). {@code refreshAt} is when
   * the cache stops handing it out (shortly before {@code expiresAt}, so a request never leaves with a
   * token that expires on the way).
   */
  public record Token(String accessToken, String refreshToken, Instant expiresAt, Instant refreshAt) {
    /** A token issued at {@code now} for {@code lifetime}, refreshed {@code skew} early (at most half its life). */
    public static Token issued(String accessToken, String refreshToken, Instant now, Duration lifetime, Duration skew) {
      Duration early = skew.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : skew;
      return new Token(accessToken, refreshToken, now.plus(lifetime), now.plus(lifetime).minus(early));
    }

    @Override
    public String toString() {
      return "Token[expiresAt=" + expiresAt + "]";
    }
  }

  /** Fetches a token; receives the previous token (possibly expired) so a refresh grant can be used. */
  @FunctionalInterface
  public interface Fetcher {
    Token fetch(Token previous);
  }

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    volatile Token token;
    volatile boolean invalidated;
    /** Incremented by every fetch; lets waiters see that a fetch happened while they queued. */
    volatile long fetches;
    /** Failure of the latest fetch, null when it succeeded. */
    volatile RuntimeException lastFailure;
  }

  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

  public static TokenCache shared() {
    return SHARED;
  }

  /**
   * A valid access token for the key: the cached one until its refresh time, otherwise fetched by exactly
   * one thread while the others wait for its result.
   */
  public Token get(Key key, Clock clock, Fetcher fetcher) {
    Entry e = entries.computeIfAbsent(key, k -> new Entry());
    Token t = e.token;
    if (usable(e, t, clock)) {
      return t;
    }
    long seen = e.fetches;
    e.lock.lock();
    try {
      t = e.token;
      if (usable(e, t, clock)) {
        return t;
      }
      RuntimeException failed = e.lastFailure;
      if (failed != null && e.fetches != seen) {
        // the fetch we waited for has just failed: share its answer instead of asking again (no stampede
        // on a broken token endpoint)
        throw failed;
      }
      e.fetches++;
      try {
        Token fresh = fetcher.fetch(t);
        e.token = fresh;
        e.invalidated = false;
        e.lastFailure = null;
        return fresh;
      } catch (RuntimeException ex) {
        e.lastFailure = ex;
        throw ex;
      }
    } finally {
      e.lock.unlock();
    }
  }

  /**
   * Drops the access token after ServiceNow rejected it with 401 — only if it is still the cached one,
   * so a token another thread has just fetched survives. The refresh token is kept for the next fetch.
   */
  public void invalidate(Key key, String accessToken) {
    Entry e = entries.get(key);
    if (e == null) {
      return;
    }
    e.lock.lock();
    try {
      Token t = e.token;
      if (t != null && t.accessToken().equals(accessToken)) {
        e.invalidated = true;
      }
    } finally {
      e.lock.unlock();
    }
  }

  /** Removes everything (tests, credential rotation). */
  public void clear() {
    entries.clear();
  }

  private static boolean usable(Entry e, Token t, Clock clock) {
    return t != null && !e.invalidated && clock.instant().isBefore(t.refreshAt());
  }
}
