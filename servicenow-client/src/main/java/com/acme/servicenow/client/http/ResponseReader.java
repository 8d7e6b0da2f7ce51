package com.acme.servicenow.client.http;

import java.io.IOException;

/** Turns a 2xx response into a value. IOExceptions (incl. JSON parse errors) mean a broken body. */
@FunctionalInterface
public interface ResponseReader<T> {
  T read(HttpResult result) throws IOException;
}
