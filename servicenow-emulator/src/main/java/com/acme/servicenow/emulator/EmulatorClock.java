package com.acme.servicenow.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The emulator's notion of "now": record timestamps, token expiry, rate-limit reset times and flow progress all read
 * it, so a test can move time forward instead of sleeping.
 *
 * <p>{@link #system()} follows the wall clock plus an offset that {@link #advance} and {@link #set} shift;
 * {@link #fixed(Instant)} stands still until moved.
 */
public final class EmulatorClock {

  private final boolean ticking;
  private final Object lock = new Object();
  private Instant fixedNow;
  private Duration offset = Duration.ZERO;

  private EmulatorClock(boolean ticking, Instant fixedNow) {
    this.ticking = ticking;
    this.fixedNow = fixedNow;
  }

  public static EmulatorClock system() {
    return new EmulatorClock(true, null);
  }

  public static EmulatorClock fixed(Instant instant) {
    return new EmulatorClock(false, Objects.requireNonNull(instant, "instant"));
  }

  public Instant now() {
    synchronized (lock) {
      return ticking ? Instant.now().plus(offset) : fixedNow;
    }
  }

  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    synchronized (lock) {
      if (ticking) {
        offset = offset.plus(duration);
      } else {
        fixedNow = fixedNow.plus(duration);
      }
    }
  }

  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    synchronized (lock) {
      if (ticking) {
        offset = Duration.between(Instant.now(), instant);
      } else {
        fixedNow = instant;
      }
    }
  }

  @Override
  public String toString() {
    return "EmulatorClock[" + (ticking ? "system" : "fixed") + ", now=" + now() + "]";
  }
}
