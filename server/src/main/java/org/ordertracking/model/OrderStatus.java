package org.ordertracking.model;

import java.util.Optional;

/** The lifecycle of an order as customers see it. {@code DELIVERED} and {@code CANCELLED} end it. */
public enum OrderStatus {
  PLACED,
  COURIER_ASSIGNED,
  PICKED_UP,
  NEARBY,
  DELIVERED,
  CANCELLED;

  public boolean isTerminal() {
    return this == DELIVERED || this == CANCELLED;
  }

  /**
   * Whether this status would move an order at {@code current} backwards: both under way, this one
   * earlier along PLACED, COURIER_ASSIGNED, PICKED_UP, NEARBY. The same status again is not behind
   * (it may bring a new ETA); terminal statuses are governed by the terminal rule instead.
   */
  public boolean isBehind(OrderStatus current) {
    return current != null && !isTerminal() && !current.isTerminal() && ordinal() < current.ordinal();
  }

  public static Optional<OrderStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (OrderStatus s : values()) {
      if (s.name().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
