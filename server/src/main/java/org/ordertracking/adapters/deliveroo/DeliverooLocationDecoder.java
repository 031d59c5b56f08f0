package org.ordertracking.adapters.deliveroo;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Optional;
import org.ordertracking.adapters.LocationResource;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.adapters.Payloads;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.TrackingEvent.LocationUpdate;

/**
 * Deliveroo's "get order location" resource, {@code GET <base>/order/v1/orders/<orderId>/rider-location},
 * and its body → a location. Shape: {@code {"order_id":
 * "…", "rider": {"lat": …, "lon": …, "accuracy_in_meters"?: …, "heading"?: …, "at"?: "…"} | null}}.
 * Pure, like the webhook decoders.
 */
public final class DeliverooLocationDecoder implements LocationResource {

  @Override
  public String name() {
    return DeliverooAdapter.NAME;
  }

  @Override
  public String path(OrderId orderId) {
    return "/order/v1/orders/" + orderId.value() + "/rider-location";
  }

  /** The rider's position, or empty when no rider is assigned yet ({@code rider} null/absent). */
  @Override
  public Optional<LocationUpdate> decode(OrderId orderId, Buffer body, Instant receivedAt)
      throws MalformedPayload {
    JsonNode root = Payloads.object(body);
    if (!Payloads.present(root, "rider")) {
      return Optional.empty();
    }
    Instant at =
        Payloads.present(root, "rider.at") ? Payloads.time(root, "rider.at", receivedAt) : receivedAt;
    Location location =
        new Location(
            Payloads.number(root, "rider.lat", -90, 90),
            Payloads.number(root, "rider.lon", -180, 180),
            heading(Payloads.optNumber(root, "rider.heading", 0, 360)),
            null,
            Payloads.optNumber(root, "rider.accuracy_in_meters", 0, Double.MAX_VALUE),
            at);
    return Optional.of(new LocationUpdate(orderId, location, DeliverooAdapter.NAME, null));
  }

  /** Headings are [0, 360) in our contract; 360 is north too. */
  private static Double heading(Double h) {
    return h == null ? null : h % 360.0;
  }
}
