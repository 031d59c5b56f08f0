package org.ordertracking.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning about something clients can cause at will (aborted uploads, refused connections):
 * counted every time, logged at most once per interval with the count, so that a flood of them
 * cannot flood the log. Thread-safe.
 */
final class CountedWarning {
  private final Logger log;
  private final String what;
  private final long intervalNanos;
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong unlogged = new AtomicLong();
  private final AtomicLong nextLogAt;

  CountedWarning(Logger log, String what, Duration interval) {
    this.log = log;
    this.what = what;
    this.intervalNanos = interval.toNanos();
    this.nextLogAt = new AtomicLong(System.nanoTime());
  }

  void record() {
    total.incrementAndGet();
    unlogged.incrementAndGet();
    long now = System.nanoTime();
    long due = nextLogAt.get();
    if (now - due >= 0 && nextLogAt.compareAndSet(due, now + intervalNanos)) {
      log.warn("{}: {} since the last report ({} since start; reported at most every {} s)",
          what, unlogged.getAndSet(0), total.get(), intervalNanos / 1_000_000_000L);
    }
  }

  long total() {
    return total.get();
  }
}
