package org.ordertracking.bench.time;

/**
 * An open-loop schedule: how many actions (connects, events) are due by now at a fixed rate,
 * whatever the system under test answered. A tick that comes late catches up on what is due, so a
 * slow server shows up as latency, never as a lower offered rate.
 */
public final class OpenLoop {
  private final double perNano;
  private final long total;
  private final long startNanos;
  private long issued;

  /**
   * @param ratePerSecond actions per second, above 0
   * @param total how many actions in all ({@link Long#MAX_VALUE}: until stopped)
   */
  public OpenLoop(double ratePerSecond, long total, long startNanos) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be above 0, got " + ratePerSecond);
    }
    this.perNano = ratePerSecond / 1e9;
    this.total = total;
    this.startNanos = startNanos;
  }

  /** Actions due at {@code nowNanos} that were not taken yet; the caller takes them all. */
  public long take(long nowNanos) {
    return take(nowNanos, Long.MAX_VALUE);
  }

  /** Like {@link #take(long)}, at most {@code max}: the rest stays due (see {@link #behind}). */
  public long take(long nowNanos, long max) {
    long n = Math.min(max, behind(nowNanos));
    issued += n;
    return n;
  }

  public long issued() {
    return issued;
  }

  public boolean done() {
    return issued >= total;
  }

  /** How far the schedule is behind: actions due at {@code nowNanos} beyond those taken. */
  public long behind(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - startNanos);
    // The first action is due at the start, the next one 1/rate later, and so on.
    return Math.max(0, Math.min(total, (long) (elapsed * perNano) + 1) - issued);
  }
}
