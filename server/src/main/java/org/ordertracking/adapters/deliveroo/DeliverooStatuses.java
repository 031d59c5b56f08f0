package org.ordertracking.adapters.deliveroo;

import java.util.Map;
import java.util.Optional;
import org.ordertracking.model.OrderStatus;

/**
 * Deliveroo rider and order statuses → our status: the one place this mapping lives. Statuses not
 * listed are acknowledged and not published. See docs/adapters.md for which names are confirmed.
 */
public final class DeliverooStatuses {
  private static final Map<String, OrderStatus> RIDER =
      Map.of(
          "rider_assigned", OrderStatus.COURIER_ASSIGNED,
          "rider_in_transit", OrderStatus.PICKED_UP,
          "rider_arrived_at_customer", OrderStatus.NEARBY,
          "rider_delivered", OrderStatus.DELIVERED);
  // rider_arrived / rider_confirmed_at_restaurant: at the restaurant, nothing new for the
  // customer. rider_unassigned: a new rider will be assigned; going back to PLACED would make the
  // tracking page jump backwards for a moment, so it is not published.

  private static final Map<String, OrderStatus> ORDER =
      Map.of(
          "placed", OrderStatus.PLACED,
          "accepted", OrderStatus.PLACED,
          "confirmed", OrderStatus.PLACED,
          "rejected", OrderStatus.CANCELLED,
          "canceled", OrderStatus.CANCELLED,
          "cancelled", OrderStatus.CANCELLED,
          "delivered", OrderStatus.DELIVERED);

  private DeliverooStatuses() {}

  public static Optional<OrderStatus> rider(String status) {
    return Optional.ofNullable(RIDER.get(status));
  }

  public static Optional<OrderStatus> order(String status) {
    return Optional.ofNullable(ORDER.get(status));
  }
}
