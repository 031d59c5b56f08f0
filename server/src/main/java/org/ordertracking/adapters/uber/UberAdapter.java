package org.ordertracking.adapters.uber;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.ordertracking.adapters.CourierAdapter;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.adapters.Outcome;
import org.ordertracking.adapters.Payloads;
import org.ordertracking.adapters.Report;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;

/**
 * Uber Direct webhooks ({@code event.courier_update}, {@code event.delivery_status}). Envelope:
 * {@code kind}, {@code id} (event id), {@code delivery_id}, {@code created}, {@code data} (the
 * delivery object). Our order id is {@code data.external_id}, present only when the merchant set
 * one; the delivery id is kept so a delivery link can resolve the order instead. Signed with
 * {@code x-uber-signature} (older integrations: {@code x-postmates-signature}) = hex HMAC-SHA256 of
 * the raw body keyed by the webhook signing key.
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
  public boolean verifies(MultiMap headers, Buffer rawBody, String secret) {
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
    // Compared whatever the case, like every provider's event names (DoorDash sends both).
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "event.courier_update" -> courierUpdate(root, eventId, receivedAt);
      case "event.delivery_status" -> deliveryStatus(root, eventId, receivedAt);
      default -> Decoded.ignored(eventId); // refunds, shopping progress: not ours to track
    };
  }

  private static Decoded.Builder envelope(JsonNode root, String eventId, Instant at)
      throws MalformedPayload {
    String deliveryId = Payloads.optId(root, "delivery_id");
    return Decoded.builder(eventId)
        .order(Payloads.optOrderId(root, "data.external_id"))
        .delivery(deliveryId != null ? deliveryId : Payloads.optId(root, "data.id"))
        .occurredAt(at);
  }

  private static Decoded courierUpdate(JsonNode root, String eventId, Instant now)
      throws MalformedPayload {
    Instant at = Payloads.time(root, "created", now);
    // The courier object may be null in a courier update; the event's own location then holds it.
    LatLng p =
        Payloads.present(root, "data.courier.location")
            ? Payloads.point(root, "data.courier.location", "lat", "lng")
            : Payloads.point(root, "location", "lat", "lng");
    Report report = new Report(Report.fix(p, at), eventId, null, null, null, null, null);
    return envelope(root, eventId, at).events(order -> report.events(order, NAME)).build();
  }

  private static Decoded deliveryStatus(JsonNode root, String eventId, Instant now)
      throws MalformedPayload {
    Instant at = Payloads.time(root, "created", now);
    String uberStatus = Payloads.optText(root, "status");
    if (uberStatus == null) {
      uberStatus = Payloads.text(root, "data.status");
    }
    Optional<UberStatuses.Mapped> mapped =
        UberStatuses.map(uberStatus, Payloads.flag(root, "data.courier_imminent"));
    boolean terminal = mapped.isPresent() && mapped.get().status().isTerminal();
    // The delivery object carries the courier's position too. Not when the delivery failed: where
    // the courier takes the order back is none of the customer's business.
    LatLng p =
        Payloads.present(root, "data.courier.location")
                && (!terminal || Outcome.DELIVERED.equals(mapped.get().reason()))
            ? Payloads.point(root, "data.courier.location", "lat", "lng")
            : null;
    Report report =
        new Report(
            Report.fix(p, at),
            eventId,
            mapped.map(UberStatuses.Mapped::status).orElse(null),
            Payloads.optEstimate(root, "data.dropoff_eta"),
            courier(root),
            Payloads.present(root, "data.dropoff.location")
                ? Payloads.point(root, "data.dropoff.location", "lat", "lng")
                : null,
            mapped.map(UberStatuses.Mapped::reason).orElse(null));
    Decoded.Builder decoded = envelope(root, eventId, at);
    if (report.namesCourier()) {
      decoded.assigned(courierKey(report.courier()));
    }
    return decoded.events(order -> report.events(order, NAME)).build();
  }

  /**
   * Uber gives no courier id: the courier's name and vehicle tell them apart. Not the photo, whose
   * URL may be signed afresh for every event: the same courier must stay the same key.
   */
  static String courierKey(Courier c) {
    return String.join("|", "courier", String.valueOf(c.name()), String.valueOf(c.vehicle()),
        String.valueOf(c.vehicleMake()), String.valueOf(c.vehicleModel()), String.valueOf(c.vehicleColor()));
  }

  /** The courier as Uber's own tracking page shows them: name, photo, vehicle. */
  private static Courier courier(JsonNode root) throws MalformedPayload {
    String c = "data.courier.";
    return Courier.orNull(
        Payloads.optText(root, c + "name"),
        Payloads.optText(root, c + "vehicle_type"),
        Payloads.optPhotoUrl(root, c + "img_href"),
        Payloads.optText(root, c + "vehicle_make"),
        Payloads.optText(root, c + "vehicle_model"),
        Payloads.optText(root, c + "vehicle_color"));
  }
}
