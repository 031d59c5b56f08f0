package org.ordertracking.model;

/**
 * What the engine did with an event.
 *
 * @param outcome applied, ignored (stale location or repeated terminal status: acknowledged but not
 *     published) or refused (the order is already finished)
 * @param seq the event's seq when applied, else the order's current seq
 */
public record PublishResult(Outcome outcome, long seq) {
  public enum Outcome {
    APPLIED,
    IGNORED,
    REFUSED_TERMINAL
  }

  public boolean applied() {
    return outcome == Outcome.APPLIED;
  }
}
