package org.ordertracking.adapters;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential back-off with ±20 % jitter, so failing orders do not retry in lockstep. */
public final class Backoff {
  private final Duration base;
  private final Duration max;

  public Backoff(Duration base, Duration max) {
    this.base = base;
    this.max = max;
  }

  /** The wait after the {@code failures}-th consecutive failure (1 = first). */
  public Duration after(int failures) {
    int shift = Math.min(Math.max(failures - 1, 0), 20);
    long ms = Math.min(max.toMillis(), base.toMillis() << shift);
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Duration.ofMillis(Math.min(max.toMillis(), (long) (ms * jitter)));
  }
}
