package com.acme.servicenow.client.http;

import java.time.Duration;

/** Waits between retries and polls; tests inject one that records waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
