package org.ordertracking.adapters;

import org.ordertracking.model.OrderStatus;

/**
 * Providers retry and reorder status webhooks (Uber and Deliveroo say so in their docs); a late
 * "courier assigned" must not pull an order that is already picked up back in time. Statuses only
 * move forward along PLACED → COURIER_ASSIGNED → PICKED_UP → NEARBY → terminal; the same status
 * again is allowed (it may bring a new ETA). Terminal ones are left to the engine's terminal rule.
 *
 * <p>Locations need no such rule here: the engine's stale rule (recordedAt) covers them.
 */
public final class StatusProgress {
  private StatusProgress() {}

  /** True when {@code next} would move the order backwards from {@code current}. */
  public static boolean isBehind(OrderStatus current, OrderStatus next) {
    if (current == null || next.isTerminal() || current.isTerminal()) {
      return false;
    }
    return next.ordinal() < current.ordinal();
  }
}
