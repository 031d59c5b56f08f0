package org.ordertracking.ingest;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Events of this node handed to the engine and not yet answered, against a cap. A request takes
 * all its events' permits before publishing any, or none: refused work is never half done. Shared
 * by every event loop; thread-safe.
 */
final class InFlight {
  private final int max;
  private final AtomicInteger current = new AtomicInteger();

  InFlight(int max) {
    this.max = max;
  }

  boolean tryAcquire(int events) {
    while (true) {
      int n = current.get();
      if (n + events > max) {
        return false;
      }
      if (current.compareAndSet(n, n + events)) {
        return true;
      }
    }
  }

  void release() {
    current.decrementAndGet();
  }

  void release(int events) {
    current.addAndGet(-events);
  }

  int current() {
    return current.get();
  }

  int max() {
    return max;
  }
}
