package org.ordertracking.adapters.uber;

import java.util.Map;
import java.util.Optional;
import org.ordertracking.model.OrderStatus;

/**
 * Uber Direct delivery {@code status} (with {@code courier_imminent}) → our status: the one place
 * this mapping lives. Statuses not listed (Uber adds some from time to time) are acknowledged and
 * not published.
 */
public final class UberStatuses {
  private static final Map<String, OrderStatus> STATUS =
      Map.of(
          "pending", OrderStatus.PLACED,
          "pickup", OrderStatus.COURIER_ASSIGNED,
          "pickup_complete", OrderStatus.PICKED_UP,
          "dropoff", OrderStatus.PICKED_UP,
          "delivered", OrderStatus.DELIVERED,
          "canceled", OrderStatus.CANCELLED,
          "returned", OrderStatus.CANCELLED);

  private UberStatuses() {}

  /**
   * Our status for an Uber status. {@code courier_imminent} means "about a minute away" from the
   * next stop; only on the way to the drop-off is that {@code NEARBY} for the customer (near the
   * restaurant it tells them nothing).
   */
  public static Optional<OrderStatus> map(String uberStatus, boolean courierImminent) {
    if ("dropoff".equals(uberStatus) && courierImminent) {
      return Optional.of(OrderStatus.NEARBY);
    }
    return Optional.ofNullable(STATUS.get(uberStatus));
  }
}
