package org.ordertracking.adapters.doordash;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ordertracking.adapters.Outcome;
import org.ordertracking.model.OrderStatus;

/**
 * DoorDash Drive {@code event_name} → what it means for us: the one place this mapping lives.
 * Names are compared case-insensitively (both spellings occur: the reference lists the tracking
 * events in lower case, integrations receive them in upper case). Events not listed ({@code
 * DELIVERY_BATCHED}, …) are acknowledged and not published.
 */
public final class DoorDashEvents {

  /** Whether an event's {@code dasher_location} is published. */
  public enum Position {
    /** Not published (e.g. the Dasher is taking a failed delivery back to the store). */
    NONE,
    /** Published when the payload has one. */
    OPTIONAL,
    /** The event exists to carry it: required. */
    REQUIRED
  }

  /**
   * @param status our status, or null when the event changes none (it may still carry a position)
   * @param reason why the delivery ended, for terminal statuses
   * @param position whether the Dasher's position is published
   */
  public record Meaning(OrderStatus status, String reason, Position position) {}

  private static final Meaning UNDELIVERABLE =
      new Meaning(OrderStatus.CANCELLED, Outcome.UNDELIVERABLE, Position.NONE);

  private static final Map<String, Meaning> EVENTS =
      Map.ofEntries(
          Map.entry("DELIVERY_CREATED", new Meaning(OrderStatus.PLACED, null, Position.NONE)),
          Map.entry("DASHER_CONFIRMED", new Meaning(OrderStatus.COURIER_ASSIGNED, null, Position.OPTIONAL)),
          // Arriving at the store changes nothing the customer sees; its position still counts.
          Map.entry("DASHER_CONFIRMED_PICKUP_ARRIVAL", new Meaning(null, null, Position.OPTIONAL)),
          Map.entry("DASHER_PICKED_UP", new Meaning(OrderStatus.PICKED_UP, null, Position.OPTIONAL)),
          Map.entry("DASHER_CONFIRMED_DROPOFF_ARRIVAL", new Meaning(OrderStatus.NEARBY, null, Position.OPTIONAL)),
          Map.entry("DASHER_DROPPED_OFF",
              new Meaning(OrderStatus.DELIVERED, Outcome.DELIVERED, Position.OPTIONAL)),
          Map.entry("DELIVERY_CANCELLED",
              new Meaning(OrderStatus.CANCELLED, Outcome.CANCELLED, Position.NONE)),
          // Return-to-pickup deliveries: the Dasher could not deliver. The customer learns it at the
          // first sign (whichever of these arrives first); the rest find the order already over.
          Map.entry("DELIVERY_RETURN_INITIALIZED", UNDELIVERABLE),
          Map.entry("DASHER_ENROUTE_TO_RETURN", UNDELIVERABLE),
          Map.entry("DASHER_CONFIRMED_RETURN_ARRIVAL", UNDELIVERABLE),
          Map.entry("DELIVERY_RETURNED",
              new Meaning(OrderStatus.CANCELLED, Outcome.RETURNED, Position.NONE)),
          Map.entry("DASHER_ENROUTE_TO_PICKUP", new Meaning(null, null, Position.REQUIRED)),
          Map.entry("DASHER_ENROUTE_TO_DROPOFF", new Meaning(null, null, Position.REQUIRED)));

  /** {@code cancellation_reason} values that mean the delivery failed, not that it was called off. */
  private static final Map<String, String> CANCELLATION_REASONS =
      Map.of(
          "failed_to_deliver", Outcome.UNDELIVERABLE,
          "failed_to_return", Outcome.UNDELIVERABLE);

  private DoorDashEvents() {}

  public static Optional<Meaning> of(String eventName) {
    return Optional.ofNullable(EVENTS.get(eventName.toUpperCase(Locale.ROOT)));
  }

  /** The outcome of a DELIVERY_CANCELLED given its {@code cancellation_reason} (may be null). */
  public static String cancellationOutcome(String cancellationReason) {
    return cancellationReason == null
        ? Outcome.CANCELLED
        : CANCELLATION_REASONS.getOrDefault(
            cancellationReason.toLowerCase(Locale.ROOT), Outcome.CANCELLED);
  }

  /** True when {@code delivery_status} says no Dasher holds the delivery (any more). */
  public static boolean backToCreated(String deliveryStatus) {
    return "created".equalsIgnoreCase(deliveryStatus);
  }
}
