package org.ordertracking.adapters.doordash;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ordertracking.adapters.CourierAdapter;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.adapters.Payloads;
import org.ordertracking.auth.Secrets;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

/**
 * DoorDash Drive webhooks. DoorDash signs nothing: it sends the {@code Authorization} header value
 * configured for the endpoint, which must equal the provider secret. Payloads carry {@code
 * event_name}, {@code external_delivery_id} (our order id), {@code created_at} and, once a Dasher
 * is assigned, {@code dasher_name} and {@code dasher_location}.
 */
public final class DoorDashAdapter implements CourierAdapter {
  public static final String NAME = "doordash";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean authentic(MultiMap headers, Buffer rawBody, String secret) {
    return Secrets.equal(headers.get("Authorization"), secret);
  }

  @Override
  public Decoded decode(MultiMap headers, Buffer rawBody, Instant receivedAt)
      throws MalformedPayload {
    JsonNode root = Payloads.object(rawBody);
    String eventName = Payloads.text(root, "event_name");
    String createdAt = Payloads.text(root, "created_at");
    String delivery = Payloads.text(root, "external_delivery_id");
    // DoorDash sends no event id; an event is identified by what happened, to which delivery,
    // when. A retry repeats all three.
    String eventId = eventName + "/" + delivery + "/" + createdAt;
    Optional<DoorDashEvents.Meaning> meaning = DoorDashEvents.of(eventName);
    if (meaning.isEmpty()) {
      return Decoded.ignored(eventId);
    }
    OrderId orderId = Payloads.orderId(root, "external_delivery_id");
    Instant at = Payloads.time(root, "created_at", receivedAt);
    List<TrackingEvent> events = new ArrayList<>(2);
    if (meaning.get().locationEvent() || Payloads.present(root, "dasher_location")) {
      LatLng p = Payloads.point(root, "dasher_location", "lat", "lng");
      events.add(
          new LocationUpdate(
              orderId, new Location(p.lat(), p.lng(), null, null, null, at), NAME, eventId));
    }
    if (meaning.get().status() != null) {
      events.add(
          new StatusChange(
              orderId,
              meaning.get().status(),
              Payloads.optEstimate(root, "dropoff_time_estimated"),
              courier(root),
              Payloads.present(root, "dropoff_location")
                  ? Payloads.point(root, "dropoff_location", "lat", "lng")
                  : null,
              null,
              NAME));
    }
    return new Decoded(eventId, orderId, events);
  }

  private static Courier courier(JsonNode root) throws MalformedPayload {
    String name = Payloads.optText(root, "dasher_name");
    String make = Payloads.optText(root, "dasher_vehicle_make");
    String model = Payloads.optText(root, "dasher_vehicle_model");
    String vehicle =
        make == null ? model : model == null ? make : make + " " + model;
    return name == null && vehicle == null ? null : new Courier(name, vehicle);
  }
}
