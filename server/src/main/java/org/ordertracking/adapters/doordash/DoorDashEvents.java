package org.ordertracking.adapters.doordash;

import java.util.Map;
import java.util.Optional;
import org.ordertracking.model.OrderStatus;

/**
 * DoorDash Drive {@code event_name} → what it means for us: the one place this mapping lives.
 * Events not listed (DELIVERY_CREATED, DELIVERY_BATCHED, return legs, …) are acknowledged and not
 * published.
 */
public final class DoorDashEvents {

  /**
   * @param status our status, or null when the event changes none (it may still carry a position)
   * @param locationEvent true for the position-only events, whose {@code dasher_location} is
   *     required
   */
  public record Meaning(OrderStatus status, boolean locationEvent) {}

  private static final Map<String, Meaning> EVENTS =
      Map.of(
          "DASHER_CONFIRMED", new Meaning(OrderStatus.COURIER_ASSIGNED, false),
          // Arriving at the store changes nothing the customer sees; its position still counts.
          "DASHER_CONFIRMED_PICKUP_ARRIVAL", new Meaning(null, false),
          "DASHER_PICKED_UP", new Meaning(OrderStatus.PICKED_UP, false),
          "DASHER_CONFIRMED_DROPOFF_ARRIVAL", new Meaning(OrderStatus.NEARBY, false),
          "DASHER_DROPPED_OFF", new Meaning(OrderStatus.DELIVERED, false),
          "DELIVERY_CANCELLED", new Meaning(OrderStatus.CANCELLED, false),
          "DELIVERY_RETURNED", new Meaning(OrderStatus.CANCELLED, false),
          "dasher_enroute_to_pickup", new Meaning(null, true),
          "dasher_enroute_to_dropoff", new Meaning(null, true));

  private DoorDashEvents() {}

  public static Optional<Meaning> of(String eventName) {
    return Optional.ofNullable(EVENTS.get(eventName));
  }
}
