package org.ordertracking.adapters.doordash;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Optional;
import org.ordertracking.adapters.CourierAdapter;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.adapters.Payloads;
import org.ordertracking.adapters.Report;
import org.ordertracking.adapters.doordash.DoorDashEvents.Meaning;
import org.ordertracking.adapters.doordash.DoorDashEvents.Position;
import org.ordertracking.auth.Secrets;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;

/**
 * DoorDash Drive webhooks. DoorDash signs nothing: it sends the {@code Authorization} header value
 * configured for the endpoint, which must equal one of the provider's secrets. Payloads carry
 * {@code event_name}, {@code external_delivery_id} (the merchant's id: our order id when it is in
 * our alphabet, else resolved through a delivery link), {@code created_at}, {@code
 * delivery_status} and, once a Dasher is assigned, {@code dasher_id}, {@code dasher_name}, the
 * vehicle and {@code dasher_location}.
 */
public final class DoorDashAdapter implements CourierAdapter {
  public static final String NAME = "doordash";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean verifies(MultiMap headers, Buffer rawBody, String secret) {
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
    Optional<Meaning> known = DoorDashEvents.of(eventName);
    boolean unassigned = DoorDashEvents.backToCreated(Payloads.optText(root, "delivery_status"));
    if (known.isEmpty() && !unassigned) {
      return Decoded.ignored(eventId);
    }
    Instant at = Payloads.time(root, "created_at", receivedAt);
    Decoded.Builder decoded =
        Decoded.builder(eventId)
            .order(Payloads.optOrderId(root, "external_delivery_id"))
            .delivery(delivery)
            .occurredAt(at);
    if (unassigned) {
      // Back to "created": no Dasher holds the delivery any more (one was unassigned).
      return decoded.unassigned().events(order -> Report.UNASSIGNED.events(order, NAME)).build();
    }
    Meaning meaning = known.get();
    LatLng p =
        meaning.position() == Position.REQUIRED
                || (meaning.position() == Position.OPTIONAL && Payloads.present(root, "dasher_location"))
            ? Payloads.point(root, "dasher_location", "lat", "lng")
            : null;
    String reason =
        "DELIVERY_CANCELLED".equalsIgnoreCase(eventName)
            ? DoorDashEvents.cancellationOutcome(Payloads.optText(root, "cancellation_reason"))
            : meaning.reason();
    Report report =
        new Report(
            Report.fix(p, at),
            eventId,
            meaning.status(),
            Payloads.optEstimate(root, "dropoff_time_estimated"),
            courier(root),
            Payloads.present(root, "dropoff_location")
                ? Payloads.point(root, "dropoff_location", "lat", "lng")
                : null,
            reason);
    if (report.namesCourier()) {
      decoded.assigned(Payloads.optId(root, "dasher_id"));
    }
    return decoded.events(order -> report.events(order, NAME)).build();
  }

  private static Courier courier(JsonNode root) throws MalformedPayload {
    return Courier.orNull(
        Payloads.optText(root, "dasher_name"),
        null,
        null,
        Payloads.optText(root, "dasher_vehicle_make"),
        Payloads.optText(root, "dasher_vehicle_model"),
        null);
  }
}
