package com.acme.servicenow.client.http;

import java.io.IOException;

/** A 2xx body that does not have the shape ServiceNow promises. */
public class InvalidBodyException extends IOException {
  public InvalidBodyException(String message) {
    super(message);
  }
}
