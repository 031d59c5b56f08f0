package org.ordertracking.adapters.uber;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ordertracking.adapters.Outcome;
import org.ordertracking.model.OrderStatus;

/**
 * Uber Direct delivery {@code status} (with {@code courier_imminent}) → our status and, for the
 * terminal ones, the outcome reason: the one place this mapping lives. Compared case-insensitively. Statuses not listed (Uber
 * adds some from time to time) are acknowledged and not published.
 */
public final class UberStatuses {

  /** Our status for an Uber status, and why the delivery ended (null while it goes on). */
  public record Mapped(OrderStatus status, String reason) {}

  private static final Map<String, Mapped> STATUS =
      Map.of(
          "pending", new Mapped(OrderStatus.PLACED, null),
          "pickup", new Mapped(OrderStatus.COURIER_ASSIGNED, null),
          "pickup_complete", new Mapped(OrderStatus.PICKED_UP, null),
          "dropoff", new Mapped(OrderStatus.PICKED_UP, null),
          "delivered", new Mapped(OrderStatus.DELIVERED, Outcome.DELIVERED),
          "canceled", new Mapped(OrderStatus.CANCELLED, Outcome.CANCELLED),
          // "canceled and a new delivery created to return the items": the customer's delivery failed.
          "returned", new Mapped(OrderStatus.CANCELLED, Outcome.RETURNED));

  private UberStatuses() {}

  /**
   * {@code courier_imminent} means "about a minute away" from the next stop; only on the way to
   * the drop-off is that {@code NEARBY} for the customer (near the restaurant it tells them
   * nothing).
   */
  public static Optional<Mapped> map(String uberStatus, boolean courierImminent) {
    uberStatus = uberStatus.toLowerCase(Locale.ROOT);
    if ("dropoff".equals(uberStatus) && courierImminent) {
      return Optional.of(new Mapped(OrderStatus.NEARBY, null));
    }
    return Optional.ofNullable(STATUS.get(uberStatus));
  }
}
