package org.ordertracking.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.ordertracking.demo.CourierDrive.Milestone;
import org.ordertracking.model.Times;
import org.ordertracking.simulator.SimulatedDelivery.Carrier;
import org.ordertracking.simulator.SimulatedDelivery.LogEntry;

/**
 * Deliveroo's Signature API (delivery of the merchant's own orders): the rider-status callback
 * ({@code order_id}, {@code riders[]} each with their whole status log, {@code delivery_stack},
 * {@code delivery_eta}) while a rider carries the order, and the order status callback for its
 * end ({@code delivered}, or {@code undeliverable} on the refund URL). Positions are not pushed:
 * the tracking server polls the location resource ({@link DeliverooApi}).
 */
final class DeliverooScript implements ProviderScript {

  @Override
  public List<JsonObject> tick(SimulatedDelivery d, Instant now) {
    return List.of();
  }

  @Override
  public List<JsonObject> milestone(SimulatedDelivery d, Milestone m, Instant now) {
    return switch (m) {
      case ASSIGNED -> riders(d, "rider_assigned", now);
      case PICKED_UP -> riders(d, "rider_in_transit", now);
      case NEARBY -> riders(d, "rider_nearby", now);
      case DELIVERED -> List.of(orderStatus(d, "delivered", now));
    };
  }

  @Override
  public List<JsonObject> failure(SimulatedDelivery d, Instant now) {
    return List.of(orderStatus(d, "undeliverable", now));
  }

  @Override
  public List<JsonObject> reassignment(SimulatedDelivery d, Carrier previous, Instant now) {
    previous.log.add(new LogEntry(now, "rider_unassigned"));
    JsonObject unassigned = callback(d, List.of(previous), now);
    d.carrier().log.add(new LogEntry(now.plusMillis(1), "rider_assigned"));
    return List.of(unassigned, callback(d, d.carriers, now));
  }

  private static List<JsonObject> riders(SimulatedDelivery d, String status, Instant now) {
    d.carrier().log.add(new LogEntry(now, status));
    return List.of(callback(d, d.carriers, now));
  }

  private static JsonObject callback(SimulatedDelivery d, List<Carrier> carriers, Instant now) {
    JsonArray riders = new JsonArray();
    String current = "rider_assigned";
    for (Carrier c : carriers) {
      JsonArray log = new JsonArray();
      for (LogEntry e : c.log) {
        log.add(new JsonObject().put("at", Times.format(e.at())).put("status", e.status()));
        current = e.status();
      }
      riders.add(new JsonObject().put("id", c.id).put("full_name", c.courier.name()).put("status_log", log));
    }
    return new JsonObject()
        .put("order_id", d.providerReference())
        .put("restaurant_brand_id", "sim-brand")
        .put("delivery_eta", Times.format(now.plusSeconds((long) d.drive.etaSeconds())))
        .put("riders", riders)
        .put("delivery_stack",
            new JsonArray().add(new JsonObject().put("order_id", d.providerReference()).put("status", current)));
  }

  private static JsonObject orderStatus(SimulatedDelivery d, String status, Instant now) {
    return new JsonObject()
        .put("order_id", d.providerReference())
        .put("status", status)
        .put("status_log", new JsonArray().add(new JsonObject().put("at", Times.format(now)).put("status", status)));
  }
}
