package com.acme.servicenow.client.error;

/**
 * Input validation failure, thrown before anything is sent. {@link #field()} names the offending
 * input (e.g. {@code "table"}, {@code "conditions[2].value"}, {@code "sysId"}); the message says why.
 * The rejected value itself is only quoted when it cannot be a secret, and then shortened.
 */
public class ServiceNowInputException extends ServiceNowException {

  private final String field;

  public ServiceNowInputException(String field, String reason) {
    super(ErrorCode.INVALID_INPUT, "Invalid input '" + field + "': " + reason, false, null);
    this.field = field;
  }

  /** Name of the offending input. */
  public String field() {
    return field;
  }
}
