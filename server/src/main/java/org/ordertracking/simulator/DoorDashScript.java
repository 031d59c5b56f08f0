package org.ordertracking.simulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.ordertracking.demo.CourierDrive.Milestone;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Times;
import org.ordertracking.simulator.SimulatedDelivery.Carrier;

/**
 * DoorDash Drive: status events in upper case ({@code DASHER_CONFIRMED} …) and the tracking
 * events in lower case as the reference lists them ({@code dasher_enroute_to_dropoff}), each with
 * the delivery's flat fields. A failed delivery goes back to the store ({@code
 * DELIVERY_RETURN_INITIALIZED}, {@code DELIVERY_RETURNED}); a replaced Dasher shows as the
 * delivery back to {@code created}, then a new {@code DASHER_CONFIRMED}.
 */
final class DoorDashScript implements ProviderScript {

  @Override
  public List<JsonObject> tick(SimulatedDelivery d, Instant now) {
    boolean toPickup = d.announced == null || d.announced == Milestone.ASSIGNED;
    return List.of(
        event(toPickup ? "dasher_enroute_to_pickup" : "dasher_enroute_to_dropoff",
            toPickup ? "enroute_to_pickup" : "enroute_to_dropoff", d, now, true));
  }

  @Override
  public List<JsonObject> milestone(SimulatedDelivery d, Milestone m, Instant now) {
    return List.of(
        switch (m) {
          case ASSIGNED -> event("DASHER_CONFIRMED", "enroute_to_pickup", d, now, true);
          case PICKED_UP -> event("DASHER_PICKED_UP", "picked_up", d, now, true);
          case NEARBY -> event("DASHER_CONFIRMED_DROPOFF_ARRIVAL", "arrived_at_dropoff", d, now, true);
          case DELIVERED -> event("DASHER_DROPPED_OFF", "delivered", d, now, true);
        });
  }

  @Override
  public List<JsonObject> failure(SimulatedDelivery d, Instant now) {
    return List.of(
        event("DELIVERY_RETURN_INITIALIZED", "enroute_to_return", d, now, true),
        event("DELIVERY_RETURNED", "returned", d, now.plusMillis(1), true));
  }

  @Override
  public List<JsonObject> reassignment(SimulatedDelivery d, Carrier previous, Instant now) {
    return List.of(
        event("DELIVERY_CREATED", "created", d, now, false),
        event("DASHER_CONFIRMED", "enroute_to_pickup", d, now.plusMillis(1), true));
  }

  private static JsonObject event(
      String name, String deliveryStatus, SimulatedDelivery d, Instant now, boolean withDasher) {
    JsonObject e =
        new JsonObject()
            .put("event_name", name)
            .put("created_at", Times.format(now))
            .put("external_delivery_id", d.orderId.value())
            .put("delivery_status", deliveryStatus)
            .put("pickup_address", "Simulated store, Berlin")
            .put("dropoff_address", "Simulated address, Berlin")
            .put("currency", "EUR")
            .put("fee", 975)
            .put("tracking_url", "https://track.example/" + d.providerDeliveryId);
    if (!withDasher) {
      return e;
    }
    LatLng p = d.drive.position();
    Courier c = d.courier();
    return e.put("dasher_id", Long.parseLong(d.carrier().id))
        .put("dasher_name", c.name())
        .put("dasher_vehicle_make", c.vehicleMake())
        .put("dasher_vehicle_model", c.vehicleModel())
        .put("dasher_location", ProviderScript.latLng(p.lat(), p.lng()))
        .put("dropoff_time_estimated", Times.format(now.plusSeconds((long) d.drive.etaSeconds())));
  }
}
