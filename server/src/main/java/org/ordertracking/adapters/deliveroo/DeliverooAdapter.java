package org.ordertracking.adapters.deliveroo;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.ordertracking.adapters.CourierAdapter;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.adapters.Payloads;
import org.ordertracking.adapters.Report;
import org.ordertracking.adapters.deliveroo.DeliverooRiders.Kind;
import org.ordertracking.adapters.deliveroo.DeliverooRiders.Resolution;
import org.ordertracking.adapters.deliveroo.DeliverooStatuses.Mapped;
import org.ordertracking.model.Times;

/**
 * Deliveroo webhooks, all on {@code POST /webhooks/deliveroo}:
 *
 * <ul>
 *   <li>Order API events, {@code {"event": ..., "body": {...}}} with header {@code
 *       x-deliveroo-payload-type: event/<event>}: {@code rider.status_update} (riders, each with a
 *       status log and a position) and {@code order.status_update};
 *   <li>Signature API callbacks (delivery of the merchant's own orders), without envelope: the
 *       rider-status callback ({@code order_id}, {@code riders[]}, {@code delivery_stack}, {@code
 *       delivery_eta}) and the order status / refund callbacks ({@code order_id}, {@code status}).
 * </ul>
 *
 * Each is signed: {@code X-Deliveroo-Hmac-Sha256} = hex HMAC-SHA256(secret, guid + " " + raw body)
 * with the guid of {@code X-Deliveroo-Sequence-Guid}, which is also the event id (retries repeat
 * it); the legacy POS events join guid and body with " \n ". The rider's position between
 * webhooks comes from polling ({@link DeliverooLocationDecoder}).
 */
public final class DeliverooAdapter implements CourierAdapter {
  public static final String NAME = "deliveroo";
  public static final String GUID = "X-Deliveroo-Sequence-Guid";
  public static final String SIGNATURE = "X-Deliveroo-Hmac-Sha256";
  public static final String PAYLOAD_TYPE = "x-deliveroo-payload-type";

  private static final byte[] SEPARATOR = " ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LEGACY_SEPARATOR = " \n ".getBytes(StandardCharsets.UTF_8);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean verifies(MultiMap headers, Buffer rawBody, String secret) {
    String guid = headers.get(GUID);
    String given = headers.get(SIGNATURE);
    if (guid == null || given == null) {
      return false;
    }
    byte[] g = guid.getBytes(StandardCharsets.UTF_8);
    byte[] body = rawBody.getBytes();
    return Hmac.matches(Hmac.sha256Hex(secret, g, SEPARATOR, body), given)
        | Hmac.matches(Hmac.sha256Hex(secret, g, LEGACY_SEPARATOR, body), given);
  }

  /** The HMAC header value for a body, as Deliveroo computes it (the simulator signs with it). */
  public static String sign(String secret, String guid, Buffer rawBody) {
    return Hmac.sha256Hex(
        secret, guid.getBytes(StandardCharsets.UTF_8), SEPARATOR, rawBody.getBytes());
  }

  @Override
  public Decoded decode(MultiMap headers, Buffer rawBody, Instant receivedAt)
      throws MalformedPayload {
    String guid = headers.get(GUID);
    if (guid == null || guid.isBlank()) {
      throw new MalformedPayload(GUID + " header is required");
    }
    JsonNode root = Payloads.object(rawBody);
    String event = eventName(root, headers.get(PAYLOAD_TYPE));
    if (event != null) {
      return switch (event) {
        case "rider.status_update" ->
            riders(root, guid, "body.", receivedAt, null);
        case "order.status_update" ->
            orderStatus(root, guid, receivedAt, "body.order.", DeliverooStatuses::order);
        default -> Decoded.ignored(guid); // order.new, menu events: nothing to track
      };
    }
    if (Payloads.present(root, "riders")) {
      return riders(root, guid, "", receivedAt, deliveryEta(root));
    }
    if (Payloads.present(root, "status")) {
      return orderStatus(root, guid, receivedAt, "", DeliverooStatuses::signatureOrder);
    }
    return Decoded.ignored(guid); // redelivery, credit and other callbacks
  }

  /** The Order API event name: the body's {@code event}, else the payload-type header's. */
  private static String eventName(JsonNode root, String payloadType) throws MalformedPayload {
    String event = Payloads.optText(root, "event");
    if (event == null && payloadType != null) {
      String type = payloadType.trim().toLowerCase(Locale.ROOT);
      event = type.startsWith("event/") ? type.substring("event/".length()) : null;
    }
    return event == null ? null : event.toLowerCase(Locale.ROOT);
  }

  /** A rider-status message: the Order API's {@code body} or the Signature callback's root. */
  private static Decoded riders(
      JsonNode root, String guid, String prefix, Instant now, Instant eta) throws MalformedPayload {
    String rawOrder = Payloads.text(root, prefix + "order_id");
    Resolution r = DeliverooRiders.resolve(root, prefix + "riders", now);
    Decoded.Builder decoded =
        Decoded.builder(guid)
            .order(Payloads.optOrderId(root, prefix + "order_id"))
            .delivery(rawOrder)
            .occurredAt(r.occurredAt());
    if (r.kind() == Kind.UNASSIGNED) {
      return decoded.unassigned().events(order -> Report.UNASSIGNED.events(order, NAME)).build();
    }
    if (r.kind() == Kind.NONE) {
      return decoded.build();
    }
    String rider = prefix + "riders." + r.rider();
    Report report =
        new Report(
            DeliverooRiders.position(
                    root, rider + ".", r.occurredAt() != null ? r.occurredAt() : now, now)
                .orElse(null),
            null,
            r.mapped().status(),
            eta,
            DeliverooRiders.courier(root, rider),
            null,
            null);
    if (report.namesCourier()) {
      decoded.assigned(Payloads.optId(root, rider + ".id"));
    }
    return decoded.events(order -> report.events(order, NAME)).build();
  }

  /**
   * An order status message: the Order API's {@code body.order} ({@code id}, {@code status},
   * {@code status_log}) or a Signature callback's root ({@code order_id}, {@code status}, {@code
   * status_log}).
   */
  private static Decoded orderStatus(
      JsonNode root, String guid, Instant now, String prefix, Function<String, Optional<Mapped>> table)
      throws MalformedPayload {
    String idPath = prefix.isEmpty() ? "order_id" : prefix + "id";
    Optional<Mapped> mapped = table.apply(Payloads.text(root, prefix + "status"));
    Decoded.Builder decoded =
        Decoded.builder(guid)
            .order(Payloads.optOrderId(root, idPath))
            .delivery(Payloads.text(root, idPath))
            .occurredAt(newestLogTime(root, prefix + "status_log", now));
    if (mapped.isEmpty()) {
      return decoded.build();
    }
    Report report = Report.status(mapped.get().status(), null, mapped.get().reason());
    return decoded.events(order -> report.events(order, NAME)).build();
  }

  /** The newest {@code at} of an order status log, or null without one. */
  private static Instant newestLogTime(JsonNode root, String path, Instant now)
      throws MalformedPayload {
    JsonNode log = Payloads.at(root, path);
    Instant newest = null;
    for (int i = 0; log.isArray() && i < log.size(); i++) {
      Instant at = Payloads.optTime(root, path + "." + i + ".at", now);
      if (at != null && (newest == null || at.isAfter(newest))) {
        newest = at;
      }
    }
    return newest;
  }

  /**
   * The Signature callback's {@code delivery_eta}: a time, or an estimated delivery window (an
   * object of times) of which the customer is promised the end.
   */
  private static Instant deliveryEta(JsonNode root) throws MalformedPayload {
    JsonNode eta = Payloads.at(root, "delivery_eta");
    if (eta.isTextual()) {
      return Payloads.optEstimate(root, "delivery_eta");
    }
    Instant latest = null;
    if (eta.isObject()) {
      for (var fields = eta.fieldNames(); fields.hasNext(); ) {
        String path = "delivery_eta." + fields.next();
        Instant t = Payloads.at(root, path).isTextual() ? Payloads.optEstimate(root, path) : null;
        if (t != null && (latest == null || t.isAfter(latest))) {
          latest = t;
        }
      }
    }
    return latest == null || !Times.inRange(latest) ? null : latest;
  }
}
