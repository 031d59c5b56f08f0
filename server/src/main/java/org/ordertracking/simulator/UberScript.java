package org.ordertracking.simulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ordertracking.demo.CourierDrive.Milestone;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Times;
import org.ordertracking.simulator.SimulatedDelivery.Carrier;

/**
 * Uber Direct: {@code event.delivery_status} on each status change and {@code
 * event.courier_update} every step, each carrying the whole delivery object. Every other courier
 * update has {@code data.courier} null and only the event's own {@code location}, as Uber sends
 * them at times. Uber reports a failed delivery as {@code returned} and a new courier as a status
 * naming them (it has no unassignment event).
 */
final class UberScript implements ProviderScript {

  @Override
  public List<JsonObject> tick(SimulatedDelivery d, Instant now) {
    LatLng p = d.drive.position();
    JsonObject data = delivery(d, now, currentStatus(d), false);
    if (d.ticks % 2 == 1) {
      data.putNull("courier");
    }
    return List.of(
        envelope("event.courier_update", d, now)
            .put("data", data)
            .put("location", ProviderScript.latLng(p.lat(), p.lng())));
  }

  @Override
  public List<JsonObject> milestone(SimulatedDelivery d, Milestone m, Instant now) {
    return switch (m) {
      case ASSIGNED -> List.of(status(d, "pickup", false, now));
      case PICKED_UP -> List.of(status(d, "pickup_complete", false, now));
      case NEARBY -> List.of(status(d, "dropoff", true, now));
      case DELIVERED -> List.of(status(d, "delivered", false, now));
    };
  }

  @Override
  public List<JsonObject> failure(SimulatedDelivery d, Instant now) {
    return List.of(status(d, "returned", false, now));
  }

  @Override
  public List<JsonObject> reassignment(SimulatedDelivery d, Carrier previous, Instant now) {
    return List.of(status(d, "pickup", false, now));
  }

  private static String currentStatus(SimulatedDelivery d) {
    return d.announced == null || d.announced == Milestone.ASSIGNED ? "pickup" : "dropoff";
  }

  private static JsonObject status(SimulatedDelivery d, String status, boolean imminent, Instant now) {
    return envelope("event.delivery_status", d, now)
        .put("status", status)
        .put("data", delivery(d, now, status, imminent));
  }

  private static JsonObject envelope(String kind, SimulatedDelivery d, Instant now) {
    return new JsonObject()
        .put("kind", kind)
        .put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""))
        .put("delivery_id", d.providerDeliveryId)
        .put("created", Times.format(now))
        .put("live_mode", false);
  }

  private static JsonObject delivery(SimulatedDelivery d, Instant now, String status, boolean imminent) {
    LatLng p = d.drive.position();
    LatLng drop = d.drive.route().dropoff();
    Courier c = d.courier();
    JsonObject courier =
        new JsonObject()
            .put("name", c.name())
            .put("vehicle_type", c.vehicle())
            .put("vehicle_make", c.vehicleMake())
            .put("vehicle_model", c.vehicleModel())
            .put("vehicle_color", c.vehicleColor())
            .put("img_href", c.photoUrl())
            .put("rating", "4.9")
            .put("location", ProviderScript.latLng(p.lat(), p.lng()));
    JsonObject delivery = new JsonObject().put("id", d.providerDeliveryId);
    if (d.referenced) {
      delivery.put("external_id", d.orderId.value()); // only when the merchant set one
    }
    return delivery
        .put("status", status)
        .put("complete", status.equals("delivered") || status.equals("returned"))
        .put("kind", "delivery")
        .put("courier_imminent", imminent)
        .put("dropoff_eta", Times.format(now.plusSeconds((long) d.drive.etaSeconds())))
        .put("courier", courier)
        .put("dropoff", new JsonObject()
            .put("address", "Simulated address, Berlin")
            .put("location", ProviderScript.latLng(drop.lat(), drop.lng())));
  }
}
