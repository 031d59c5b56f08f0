package org.ordertracking.adapters.deliveroo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ordertracking.adapters.Outcome;
import org.ordertracking.model.OrderStatus;

/**
 * Deliveroo rider and order statuses → our status: the one place this mapping lives. Statuses not
 * listed are acknowledged and not published. Sources per status: docs/adapters.md.
 */
public final class DeliverooStatuses {

  /** Our status and, for terminal ones, why the delivery ended. */
  public record Mapped(OrderStatus status, String reason) {}

  /** The rider status that means the rider was taken off the order. */
  public static final String RIDER_UNASSIGNED = "rider_unassigned";

  private static final Mapped ASSIGNED = new Mapped(OrderStatus.COURIER_ASSIGNED, null);
  private static final Mapped CANCELLED = new Mapped(OrderStatus.CANCELLED, Outcome.CANCELLED);
  private static final Mapped PLACED = new Mapped(OrderStatus.PLACED, null);

  /** Rider statuses (Order API rider events, Signature rider callback, location v2). */
  private static final Map<String, Mapped> RIDER =
      Map.of(
          "rider_assigned", ASSIGNED,
          // At the restaurant: still "a courier is on the way to pick up your order".
          "rider_arrived", ASSIGNED,
          "rider_confirmed_at_restaurant", ASSIGNED,
          "rider_in_transit", new Mapped(OrderStatus.PICKED_UP, null),
          "rider_nearby", new Mapped(OrderStatus.NEARBY, null));

  /** Order statuses of the Order API's {@code order.status_update}. */
  private static final Map<String, Mapped> ORDER =
      Map.of(
          "placed", PLACED,
          "accepted", PLACED,
          "confirmed", PLACED,
          "rejected", CANCELLED,
          "canceled", CANCELLED,
          "delivered", new Mapped(OrderStatus.DELIVERED, Outcome.DELIVERED));

  /** Statuses of the Signature API's order status callbacks ({@code status_url}, {@code refund_url}). */
  private static final Map<String, Mapped> SIGNATURE_ORDER =
      Map.of(
          "placed", PLACED,
          "accepted", PLACED,
          "rider_assigned", ASSIGNED,
          "rider_arrived", ASSIGNED,
          "rider_in_transit", new Mapped(OrderStatus.PICKED_UP, null),
          "rider_nearby", new Mapped(OrderStatus.NEARBY, null),
          "delivered", new Mapped(OrderStatus.DELIVERED, Outcome.DELIVERED),
          "canceled", CANCELLED,
          "rejected", CANCELLED,
          "undeliverable", new Mapped(OrderStatus.CANCELLED, Outcome.UNDELIVERABLE));

  private DeliverooStatuses() {}

  public static Optional<Mapped> rider(String status) {
    return Optional.ofNullable(RIDER.get(lower(status)));
  }

  public static Optional<Mapped> order(String status) {
    return Optional.ofNullable(ORDER.get(lower(status)));
  }

  public static Optional<Mapped> signatureOrder(String status) {
    return Optional.ofNullable(SIGNATURE_ORDER.get(lower(status)));
  }

  public static boolean unassigned(String riderStatus) {
    return RIDER_UNASSIGNED.equals(lower(riderStatus));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
