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
