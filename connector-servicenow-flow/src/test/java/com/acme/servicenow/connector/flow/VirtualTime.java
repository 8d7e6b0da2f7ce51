package com.acme.servicenow.connector.flow;

import com.acme.servicenow.client.http.Sleeper;
import com.acme.servicenow.emulator.EmulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test time for the client (its clock and sleeper) and the emulator: a "sleep" moves both clocks
 * forward at once and runs the actions scheduled for that moment, so waiting tests take no real
 * time and are deterministic.
 */
final class VirtualTime extends Clock implements Sleeper {

  private final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-04T10:00:00Z").toEpochMilli());
  private final EmulatorClock emulatorClock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<Scheduled> scheduled = new ArrayList<>();

  private record Scheduled(long at, Runnable action) {}

  VirtualTime(EmulatorClock emulatorClock) {
    this.emulatorClock = emulatorClock;
  }

  /** Runs {@code action} once the virtual time has moved {@code after} past now. */
  synchronized VirtualTime at(Duration after, Runnable action) {
    scheduled.add(new Scheduled(millis.get() + after.toMillis(), action));
    return this;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    long now = millis.addAndGet(duration.toMillis());
    emulatorClock.advance(duration);
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      scheduled.removeIf(s -> {
        if (s.at() <= now) {
          due.add(s.action());
          return true;
        }
        return false;
      });
    }
    due.forEach(Runnable::run);
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }
}
