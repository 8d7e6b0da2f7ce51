package com.acme.servicenow.client.support;

import com.acme.servicenow.client.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records waits instead of sleeping, and moves the clock by them. */
public final class RecordingSleeper implements Sleeper {
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final MutableClock clock;

  public RecordingSleeper(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration d) {
    sleeps.add(d);
    if (clock != null) {
      clock.advance(d);
    }
  }
}
