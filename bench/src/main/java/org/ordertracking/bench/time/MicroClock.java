package org.ordertracking.bench.time;

import java.time.Instant;

/**
 * Wall-clock microseconds without allocating: the epoch offset is read once (with microsecond
 * precision) and then advanced by {@link System#nanoTime()}. The publisher stamps frames with it and
 * the load clients, in other processes on the same machine, subtract their own reading: both
 * calibrate against the same system clock, and the drift between the monotonic and the wall clock
 * over a run of minutes is far below the latencies measured.
 */
public final class MicroClock {
  private static final long OFFSET_MICROS;

  static {
    Instant now = Instant.now();
    long nanos = System.nanoTime();
    OFFSET_MICROS = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000 - nanos / 1_000;
  }

  private MicroClock() {}

  /** Microseconds since the epoch. */
  public static long nowMicros() {
    return OFFSET_MICROS + System.nanoTime() / 1_000;
  }
}
