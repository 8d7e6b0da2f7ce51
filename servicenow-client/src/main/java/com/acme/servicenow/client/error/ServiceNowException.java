package com.acme.servicenow.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The one exception type of the client. It carries what a process modeller or an instance admin
 * needs: the HTTP status, ServiceNow's own {@code message} / {@code detail}, a stable {@link ErrorCode},
 * the {@code X-Transaction-ID} to find the request in the instance logs, and whether a retry makes
 * sense (with a suggested wait when ServiceNow told us one).
 *
 * <p>Messages never contain credentials, tokens or request bodies.
 */
public class ServiceNowException extends RuntimeException {

  private final int httpStatus;
  private final ErrorCode code;
  private final String serviceNowMessage;
  private final String serviceNowDetail;
  private final String transactionId;
  private final boolean retryable;
  private final Duration suggestedWait;

  public ServiceNowException(
      ErrorCode code,
      String message,
      int httpStatus,
      String serviceNowMessage,
      String serviceNowDetail,
      String transactionId,
      boolean retryable,
      Duration suggestedWait,
      Throwable cause) {
    super(message, cause);
    this.code = code;
    this.httpStatus = httpStatus;
    this.serviceNowMessage = serviceNowMessage;
    this.serviceNowDetail = serviceNowDetail;
    this.transactionId = transactionId;
    this.retryable = retryable;
    this.suggestedWait = suggestedWait;
  }

  public ServiceNowException(ErrorCode code, String message, boolean retryable, Throwable cause) {
    this(code, message, 0, null, null, null, retryable, null, cause);
  }

  /** HTTP status of the failed response, or 0 when there was none (connection failure, validation). */
  public int httpStatus() {
    return httpStatus;
  }

  public ErrorCode code() {
    return code;
  }

  /** {@code error.message} of ServiceNow's error envelope (or the token endpoint's {@code error}), may be null. */
  public String serviceNowMessage() {
    return serviceNowMessage;
  }

  /** {@code error.detail} of ServiceNow's error envelope (or {@code error_description}), often null. */
  public String serviceNowDetail() {
    return serviceNowDetail;
  }

  /** ServiceNow's {@code X-Transaction-ID} response header, may be null. */
  public String transactionId() {
    return transactionId;
  }

  /** Whether repeating the same call later can succeed (the client already retried within its budget). */
  public boolean retryable() {
    return retryable;
  }

  /** How long to wait before the next attempt, when known (Retry-After, X-RateLimit-Reset, backoff). */
  public Optional<Duration> suggestedWait() {
    return Optional.ofNullable(suggestedWait);
  }

  /** A copy of this exception with another suggested wait (used when the retry budget runs out). */
  public ServiceNowException withSuggestedWait(Duration wait, boolean retryable) {
    ServiceNowException copy =
        new ServiceNowException(
            code,
            getMessage(),
            httpStatus,
            serviceNowMessage,
            serviceNowDetail,
            transactionId,
            retryable,
            wait,
            getCause());
    copy.setStackTrace(getStackTrace());
    return copy;
  }
}
