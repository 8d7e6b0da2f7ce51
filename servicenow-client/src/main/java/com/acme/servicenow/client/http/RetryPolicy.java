package com.acme.servicenow.client.http;

import com.acme.servicenow.client.error.ServiceNowInputException;
import java.time.Duration;

/**
 * Bounds of the client's own retries.
 *
 * @param maxAttempts total attempts including the first (1 = no retries)
 * @param totalBudget time from the first attempt after which no further wait is started; a wait that
 *     would end after the budget is not slept but returned as a retryable error with its wait
 * @param baseBackoff first backoff when the server gave no wait
 * @param maxBackoff cap of the exponential backoff
 * @param jitter fraction (0..1) of the backoff that is randomised
 */
public record RetryPolicy(
    int maxAttempts, Duration totalBudget, Duration baseBackoff, Duration maxBackoff, double jitter) {

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new ServiceNowInputException("retryPolicy.maxAttempts", "must be between 1 and 20");
    }
    if (totalBudget == null || totalBudget.isNegative()) {
      throw new ServiceNowInputException("retryPolicy.totalBudget", "must be zero or positive");
    }
    if (baseBackoff == null || baseBackoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(baseBackoff) < 0) {
      throw new ServiceNowInputException("retryPolicy.backoff", "need 0 <= baseBackoff <= maxBackoff");
    }
    if (jitter < 0 || jitter > 1) {
      throw new ServiceNowInputException("retryPolicy.jitter", "must be between 0 and 1");
    }
  }

  /** 4 attempts within 60 s, backoff 500 ms doubling up to 10 s, 20 % jitter. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(10), 0.2);
  }

  public static RetryPolicy noRetries() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
  }

  /** Backoff before attempt {@code nextAttempt} (2 = first retry), without jitter applied. */
  public Duration backoff(int nextAttempt) {
    long base = baseBackoff.toMillis();
    long factor = 1L << Math.min(20, Math.max(0, nextAttempt - 2));
    long ms = Math.min(maxBackoff.toMillis(), base * factor);
    return Duration.ofMillis(ms);
  }

  /** Backoff with jitter: the last {@code jitter} fraction is random, so concurrent clients spread out. */
  public Duration backoffWithJitter(int nextAttempt, double random01) {
    long ms = backoff(nextAttempt).toMillis();
    long jittered = Math.round(ms * (1 - jitter) + ms * jitter * random01);
    return Duration.ofMillis(jittered);
  }
}
