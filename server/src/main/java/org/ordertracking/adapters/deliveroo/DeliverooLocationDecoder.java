package org.ordertracking.adapters.deliveroo;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.ordertracking.adapters.LocationResource;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.adapters.Payloads;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.TrackingEvent.LocationUpdate;

/**
 * Deliveroo's Signature API "get order location", {@code GET
 * <base>/signature/v1/orders/<order_id>/location} (OAuth2 bearer token), and its body → a
 * location. The body is the rider's location with their name and contact numbers, or {@code {}}
 * while no location is known (no rider yet, or the order reached a terminal status: Deliveroo
 * stops providing it then). Deliveroo updates it at most once a minute. Pure, like the webhook
 * decoders.
 */
public final class DeliverooLocationDecoder implements LocationResource {

  @Override
  public String name() {
    return DeliverooAdapter.NAME;
  }

  @Override
  public String path(String deliverooOrderId) {
    // A linked Deliveroo id is any text up to Limits.ID without control characters: one segment.
    return "/signature/v1/orders/"
        + URLEncoder.encode(deliverooOrderId, StandardCharsets.UTF_8).replace("+", "%20")
        + "/location";
  }

  /** The rider's position, or empty when Deliveroo knows none ({@code {}}). */
  @Override
  public Optional<LocationUpdate> decode(OrderId orderId, Buffer body, Instant receivedAt)
      throws MalformedPayload {
    JsonNode root = Payloads.object(body);
    return DeliverooRiders.position(root, "", receivedAt, receivedAt)
        .map(location -> new LocationUpdate(orderId, location, DeliverooAdapter.NAME, null));
  }
}
