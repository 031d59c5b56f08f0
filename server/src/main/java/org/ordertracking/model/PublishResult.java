package org.ordertracking.model;

/**
 * What the engine did with an event.
 *
 * @param outcome applied; ignored (a stale location, a repeated terminal status, or a status behind
 *     the current one when published forward-only: acknowledged but not published); refused (the
 *     order is already finished); or a duplicate (its idempotency key was seen: nothing done)
 * @param seq the event's seq when applied, else the order's current seq
 */
public record PublishResult(Outcome outcome, long seq) {
  public enum Outcome {
    APPLIED,
    IGNORED,
    REFUSED_TERMINAL,
    DUPLICATE
  }

  public boolean applied() {
    return outcome == Outcome.APPLIED;
  }
}
