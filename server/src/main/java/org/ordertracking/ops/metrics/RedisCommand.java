package org.ordertracking.ops.metrics;

/** The engine's Redis commands worth timing (a bounded label). */
public enum RedisCommand {
  /** The publish script (rules, seq, state, PUBLISH). */
  PUBLISH,
  /** HMGET of an order's state. */
  SNAPSHOT,
  /** Health PINGs and anything else. */
  OTHER;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
