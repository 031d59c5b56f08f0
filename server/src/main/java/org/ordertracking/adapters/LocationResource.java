package org.ordertracking.adapters;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Optional;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.TrackingEvent.LocationUpdate;

/**
 * The polling seam: a provider's REST resource that tells where an order's courier is. Pure like
 * {@link CourierAdapter}; {@link LocationPoller} is the one transport.
 */
public interface LocationResource {

  /** The provider's name, as in {@link CourierAdapter#name()}. */
  String name();

  /**
   * The resource's path for the provider's id of an order (our order id, or the delivery id a
   * delivery link names), appended to the provider's configured base URL.
   */
  String path(String providerOrderId);

  /**
   * The courier's position from a 200 response body; empty when the provider knows no position
   * yet (no courier assigned).
   */
  Optional<LocationUpdate> decode(OrderId orderId, Buffer body, Instant receivedAt)
      throws MalformedPayload;
}
