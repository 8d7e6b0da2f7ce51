package com.acme.servicenow.emulator.http;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Picks the first registered handler that serves a path. */
public final class Router {

  private final List<ApiHandler> handlers = new CopyOnWriteArrayList<>();

  public Router register(ApiHandler handler) {
    handlers.add(handler);
    return this;
  }

  public Optional<ApiHandler> find(String path) {
    for (ApiHandler h : handlers) {
      if (h.handles(path)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }
}
