package org.ordertracking.adapters;

import java.util.List;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.TrackingEvent;

/**
 * What one provider request means in canonical terms.
 *
 * @param eventId the provider's id of this delivery attempt's event, the idempotency key (a
 *     provider that sends none gets one derived from fields that identify the event)
 * @param orderId our order id, or null when the event concerns no order we track
 * @param events the canonical events to publish, in order; empty for events we acknowledge but do
 *     not map (e.g. refunds)
 */
public record Decoded(String eventId, OrderId orderId, List<TrackingEvent> events) {
  public Decoded {
    events = List.copyOf(events);
  }

  public static Decoded ignored(String eventId) {
    return new Decoded(eventId, null, List.of());
  }
}
