package com.acme.servicenow.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every request the emulator answered, oldest first, so tests can assert on what a client really sent. Keeps the
 * most recent {@value #CAPACITY} entries so that long benchmark runs do not exhaust the heap.
 */
public final class RequestJournal {

  static final int CAPACITY = 100_000;

  private final ConcurrentLinkedDeque<RecordedRequest> entries = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();

  public List<RecordedRequest> all() {
    return List.copyOf(new ArrayList<>(entries));
  }

  public void clear() {
    entries.clear();
    size.set(0);
  }

  /** Number of recorded requests with this method ("*" for any) whose path starts with {@code pathPrefix}. */
  public long count(String method, String pathPrefix) {
    return entries.stream()
        .filter(r -> "*".equals(method) || r.method().equalsIgnoreCase(method))
        .filter(r -> r.path().startsWith(pathPrefix))
        .count();
  }

  /** The most recent request, or null. */
  public RecordedRequest last() {
    return entries.peekLast();
  }

  public void record(RecordedRequest request) {
    entries.addLast(request);
    if (size.incrementAndGet() > CAPACITY) {
      if (entries.pollFirst() != null) {
        size.decrementAndGet();
      }
    }
  }
}
