package org.ordertracking.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Misbehaviour the pollable resource plays on request, so poller tests can meet a provider that
 * throttles, fails or hangs. Thread-safe: tests set it from their thread, the server reads it on
 * its loop.
 */
public final class Faults {
  /** One scripted answer: a status and an optional Retry-After value. */
  public record Answer(int status, String retryAfter) {}

  private final Deque<Answer> next = new ArrayDeque<>();
  private Duration delay = Duration.ZERO;

  /** The next {@code times} requests are answered {@code status} (with Retry-After if not null). */
  public synchronized Faults answer(int times, int status, String retryAfter) {
    for (int i = 0; i < times; i++) {
      next.add(new Answer(status, retryAfter));
    }
    return this;
  }

  /** Every response waits this long before it is sent (ZERO to stop). */
  public synchronized Faults delay(Duration d) {
    this.delay = d;
    return this;
  }

  synchronized Answer take() {
    return next.poll();
  }

  synchronized Duration delay() {
    return delay;
  }
}
