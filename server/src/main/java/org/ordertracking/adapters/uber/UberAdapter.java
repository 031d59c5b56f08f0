package org.ordertracking.adapters.uber;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ordertracking.adapters.CourierAdapter;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.adapters.Payloads;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

/**
 * Uber Direct webhooks ({@code event.courier_update}, {@code event.delivery_status}). Envelope:
 * {@code kind}, {@code id} (event id), {@code delivery_id}, {@code created}, {@code data} (the
 * delivery object, whose {@code external_id} is our order id). Signed with {@code
 * x-uber-signature} (older integrations: {@code x-postmates-signature}) = hex HMAC-SHA256 of the
 * raw body.
 */
public final class UberAdapter implements CourierAdapter {
  public static final String NAME = "uber";
  public static final String SIGNATURE = "x-uber-signature";
  public static final String LEGACY_SIGNATURE = "x-postmates-signature";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean authentic(MultiMap headers, Buffer rawBody, String secret) {
    String given = headers.get(SIGNATURE);
    if (given == null) {
      given = headers.get(LEGACY_SIGNATURE);
    }
    return given != null && Hmac.matches(Hmac.sha256Hex(secret, rawBody.getBytes()), given);
  }

  @Override
  public Decoded decode(MultiMap headers, Buffer rawBody, Instant receivedAt)
      throws MalformedPayload {
    JsonNode root = Payloads.object(rawBody);
    String kind = Payloads.text(root, "kind");
    String eventId = Payloads.text(root, "id");
    return switch (kind) {
      case "event.courier_update" -> courierUpdate(root, eventId, receivedAt);
      case "event.delivery_status" -> deliveryStatus(root, eventId, receivedAt);
      default -> Decoded.ignored(eventId); // refunds, shopping progress: not ours to track
    };
  }

  private static Decoded courierUpdate(JsonNode root, String eventId, Instant now)
      throws MalformedPayload {
    OrderId orderId = Payloads.orderId(root, "data.external_id");
    Instant at = Payloads.time(root, "created", now);
    LatLng p = Payloads.point(root, "data.courier.location", "lat", "lng");
    Location location = new Location(p.lat(), p.lng(), null, null, null, at);
    return new Decoded(eventId, orderId, List.of(new LocationUpdate(orderId, location, NAME, eventId)));
  }

  private static Decoded deliveryStatus(JsonNode root, String eventId, Instant now)
      throws MalformedPayload {
    OrderId orderId = Payloads.orderId(root, "data.external_id");
    Instant at = Payloads.time(root, "created", now);
    String uberStatus = Payloads.optText(root, "status");
    if (uberStatus == null) {
      uberStatus = Payloads.text(root, "data.status");
    }
    Optional<OrderStatus> status =
        UberStatuses.map(uberStatus, Payloads.flag(root, "data.courier_imminent"));
    List<TrackingEvent> events = new ArrayList<>(2);
    // The delivery object carries the courier's position too; publish it before the status so a
    // terminal status stays the last word.
    if (Payloads.present(root, "data.courier.location")) {
      LatLng p = Payloads.point(root, "data.courier.location", "lat", "lng");
      events.add(
          new LocationUpdate(
              orderId, new Location(p.lat(), p.lng(), null, null, null, at), NAME, eventId));
    }
    if (status.isPresent()) {
      events.add(
          new StatusChange(
              orderId,
              status.get(),
              Payloads.optEstimate(root, "data.dropoff_eta"),
              courier(root),
              Payloads.present(root, "data.dropoff.location")
                  ? Payloads.point(root, "data.dropoff.location", "lat", "lng")
                  : null,
              null,
              NAME));
    }
    return new Decoded(eventId, orderId, events);
  }

  private static Courier courier(JsonNode root) throws MalformedPayload {
    String name = Payloads.optText(root, "data.courier.name");
    String vehicle = Payloads.optText(root, "data.courier.vehicle_type");
    return name == null && vehicle == null ? null : new Courier(name, vehicle);
  }
}
