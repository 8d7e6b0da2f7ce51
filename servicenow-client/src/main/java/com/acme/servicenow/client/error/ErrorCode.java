package com.acme.servicenow.client.error;

/**
 * Stable error codes of {@link ServiceNowException}. The string returned by {@link #code()} is part of
 * the public contract (connectors map it to BPMN error codes); see {@code docs/error-codes.md}.
 */
public enum ErrorCode {
  /** Input rejected by the client before anything was sent (bad field name, hostile value, bad sys_id). */
  INVALID_INPUT,
  /** 404: record, table row or API object does not exist or an ACL hides it. */
  SERVICENOW_NOT_FOUND,
  /** 401 from the REST API: credentials missing, wrong or expired. */
  SERVICENOW_UNAUTHORIZED,
  /** 403: ACL or role failure. */
  SERVICENOW_FORBIDDEN,
  /** 403 whose detail is a "Data Policy Exception" (e.g. mandatory close fields missing). */
  SERVICENOW_DATA_POLICY,
  /** 403 whose detail says a business rule aborted the write. */
  SERVICENOW_BUSINESS_RULE,
  /** 400, 405, 406, 415 and other 4xx not listed separately: the request was wrong (e.g. invalid table). */
  SERVICENOW_BAD_REQUEST,
  /** 409: the object is in a state that does not allow the operation (e.g. cancelling a finished flow). */
  SERVICENOW_CONFLICT,
  /** 429: rate-limit rule or semaphore queue full. Retryable; {@code suggestedWait} set when known. */
  SERVICENOW_RATE_LIMITED,
  /** 5xx. 502/503/504 are retryable. */
  SERVICENOW_SERVER_ERROR,
  /** A 2xx body that is not the JSON ServiceNow promises (broken or cut-off JSON, wrong content type). */
  SERVICENOW_INVALID_RESPONSE,
  /** A 200 HTML page instead of JSON: hibernating developer instance, maintenance page or SSO redirect. */
  SERVICENOW_HTML_RESPONSE,
  /** A body cut off by the transaction quota ("Transaction cancelled: maximum execution time exceeded"). */
  SERVICENOW_TRANSACTION_CANCELLED,
  /** 202 with an empty body: the session queue was full and ServiceNow dropped the request. */
  SERVICENOW_REQUEST_DROPPED,
  /** The response did not arrive within the read timeout. */
  SERVICENOW_TIMEOUT,
  /** No connection could be made (refused, DNS, connect timeout) or it broke before an answer. */
  SERVICENOW_CONNECTION_FAILED,
  /** The TLS handshake failed (untrusted certificate, host name mismatch). */
  SERVICENOW_TLS_ERROR,
  /** A query-all exceeded the configured record or byte cap. */
  SERVICENOW_RESULT_TOO_LARGE,
  /** The OAuth token endpoint refused to issue a token; the message carries the endpoint's own answer. */
  SERVICENOW_TOKEN_ERROR,
  /** The target host (instance or token URL) is not on the operator's allow-list. */
  SERVICENOW_HOST_NOT_ALLOWED,
  /** A flow did not reach a terminal state within the wait time. */
  SERVICENOW_WAIT_TIMEOUT,
  /** The calling thread was interrupted while waiting for a retry or a poll. */
  SERVICENOW_INTERRUPTED,
  /** Any other unexpected HTTP status. */
  SERVICENOW_UNEXPECTED_STATUS;

  /** The stable string form, identical to {@link #name()}. */
  public String code() {
    return name();
  }
}
