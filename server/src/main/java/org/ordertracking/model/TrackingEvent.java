package org.ordertracking.model;

import java.util.regex.Pattern;

/**
 * A canonical event, already validated, as adapters and the ingest API hand it to the engine.
 * The engine assigns {@code seq}; publishers never choose it.
 */
public sealed interface TrackingEvent permits TrackingEvent.LocationUpdate, TrackingEvent.StatusChange {

  OrderId orderId();

  /** The API key's name (or adapter name) that published the event; stamped, never client-chosen. */
  String provider();

  /** A courier position. {@code ref} is the publisher's opaque correlation id, or null. */
  record LocationUpdate(OrderId orderId, Location location, String provider, String ref)
      implements TrackingEvent {}

  /**
   * A status change. {@code eta} null means "no estimate"; {@code courier} and {@code dropoff} null
   * mean "unchanged": the engine keeps the last known ones. {@code reason} says why the order got
   * here (mostly for terminal statuses: {@code delivered}, {@code cancelled}, {@code returned},
   * {@code undeliverable}): null, or a lowercase token of 1-32 characters from {@code [a-z_]}.
   */
  record StatusChange(
      OrderId orderId,
      OrderStatus status,
      java.time.Instant eta,
      Courier courier,
      LatLng dropoff,
      String reason,
      String provider)
      implements TrackingEvent {
    private static final Pattern REASON = Pattern.compile("[a-z_]{1,32}");

    public StatusChange {
      if (reason != null && !isReason(reason)) {
        throw new IllegalArgumentException("reason must be a lowercase token of 1-32 characters from [a-z_]");
      }
    }

    /** Whether {@code text} is a valid reason token. */
    public static boolean isReason(String text) {
      return REASON.matcher(text).matches();
    }
  }
}
