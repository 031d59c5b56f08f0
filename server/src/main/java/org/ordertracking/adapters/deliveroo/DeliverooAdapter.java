package org.ordertracking.adapters.deliveroo;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ordertracking.adapters.CourierAdapter;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.adapters.Payloads;
import org.ordertracking.model.Courier;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent.StatusChange;

/**
 * Deliveroo webhooks: rider events ({@code rider.updated}, a rider's {@code status_log}) and order
 * events ({@code order.status_update}). They carry statuses only; the rider's position comes from
 * polling ({@link DeliverooPoller}). Each delivery is signed: {@code X-Deliveroo-Hmac-Sha256} =
 * hex HMAC-SHA256(secret, guid + " " + raw body) with the guid of {@code
 * X-Deliveroo-Sequence-Guid}, which is also the event id (retries repeat it).
 */
public final class DeliverooAdapter implements CourierAdapter {
  public static final String NAME = "deliveroo";
  public static final String GUID = "X-Deliveroo-Sequence-Guid";
  public static final String SIGNATURE = "X-Deliveroo-Hmac-Sha256";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean authentic(MultiMap headers, Buffer rawBody, String secret) {
    String guid = headers.get(GUID);
    String given = headers.get(SIGNATURE);
    if (guid == null || given == null) {
      return false;
    }
    String expected =
        Hmac.sha256Hex(secret, (guid + " ").getBytes(StandardCharsets.UTF_8), rawBody.getBytes());
    return Hmac.matches(expected, given);
  }

  /** The HMAC header value for a body, as Deliveroo computes it (the simulator signs with it). */
  public static String sign(String secret, String guid, Buffer rawBody) {
    return Hmac.sha256Hex(secret, (guid + " ").getBytes(StandardCharsets.UTF_8), rawBody.getBytes());
  }

  @Override
  public Decoded decode(MultiMap headers, Buffer rawBody, Instant receivedAt)
      throws MalformedPayload {
    String guid = headers.get(GUID);
    if (guid == null || guid.isBlank()) {
      throw new MalformedPayload(GUID + " header is required");
    }
    JsonNode root = Payloads.object(rawBody);
    String event = Payloads.text(root, "event");
    return switch (event) {
      case "rider.updated" -> riderUpdated(root, guid, receivedAt);
      case "order.status_update" -> orderStatus(root, guid);
      default -> Decoded.ignored(guid); // order.new and menu events: nothing to track yet
    };
  }

  private static Decoded riderUpdated(JsonNode root, String guid, Instant now)
      throws MalformedPayload {
    OrderId orderId = Payloads.orderId(root, "body.order_id");
    JsonNode riders = Payloads.at(root, "body.riders");
    if (!riders.isArray()) {
      throw new MalformedPayload("body.riders must be an array");
    }
    if (riders.isEmpty()) {
      return new Decoded(guid, orderId, List.of());
    }
    // The first rider is the one delivering to the customer (others appear for stacked orders).
    String rider = "body.riders.0";
    JsonNode log = Payloads.at(root, rider + ".status_log");
    if (!log.isArray() || log.isEmpty()) {
      throw new MalformedPayload(rider + ".status_log must be a non-empty array");
    }
    // Deliveroo sends the whole log each time; the newest entry by time is the rider's state.
    String latest = null;
    Instant latestAt = null;
    for (int i = 0; i < log.size(); i++) {
      String entry = rider + ".status_log." + i;
      Instant at = Payloads.time(root, entry + ".at", now);
      String status = Payloads.text(root, entry + ".status");
      if (latestAt == null || !at.isBefore(latestAt)) {
        latest = status;
        latestAt = at;
      }
    }
    Optional<OrderStatus> status = DeliverooStatuses.rider(latest);
    if (status.isEmpty()) {
      return new Decoded(guid, orderId, List.of());
    }
    String name = Payloads.optText(root, rider + ".full_name");
    return new Decoded(
        guid,
        orderId,
        List.of(
            new StatusChange(
                orderId,
                status.get(),
                Payloads.optEstimate(root, rider + ".estimated_arrival_time"),
                name == null ? null : new Courier(name, null),
                null,
                null,
                NAME)));
  }

  private static Decoded orderStatus(JsonNode root, String guid) throws MalformedPayload {
    OrderId orderId = Payloads.orderId(root, "body.order.id");
    Optional<OrderStatus> status = DeliverooStatuses.order(Payloads.text(root, "body.order.status"));
    if (status.isEmpty()) {
      return new Decoded(guid, orderId, List.of());
    }
    return new Decoded(
        guid, orderId, List.of(new StatusChange(orderId, status.get(), null, null, null, null, NAME)));
  }
}
