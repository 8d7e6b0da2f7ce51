package com.acme.servicenow.demo;

/** A command line that cannot be run; the message says why. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
