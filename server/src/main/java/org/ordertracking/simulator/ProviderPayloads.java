package org.ordertracking.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Times;
import org.ordertracking.demo.CourierDrive.Milestone;

/**
 * Native payloads as each provider sends them (modelled on their public docs, with the fields our
 * decoders read plus a few they ignore), built from a simulated delivery.
 */
final class ProviderPayloads {
  private ProviderPayloads() {}

  // ---- Uber Direct ----

  static JsonObject uberCourierUpdate(SimulatedDelivery d, Instant now) {
    return uberEnvelope("event.courier_update", d, now).put("data", uberDelivery(d, now, uberStatus(d), false));
  }

  static JsonObject uberStatus(SimulatedDelivery d, Milestone stage, Instant now) {
    String status =
        switch (stage) {
          case ASSIGNED -> "pickup";
          case PICKED_UP, NEARBY -> "dropoff";
          case DELIVERED -> "delivered";
        };
    return uberEnvelope("event.delivery_status", d, now)
        .put("status", status)
        .put("data", uberDelivery(d, now, status, stage == Milestone.NEARBY));
  }

  private static String uberStatus(SimulatedDelivery d) {
    return d.announced == null || d.announced == Milestone.ASSIGNED ? "pickup" : "dropoff";
  }

  private static JsonObject uberEnvelope(String kind, SimulatedDelivery d, Instant now) {
    return new JsonObject()
        .put("kind", kind)
        .put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""))
        .put("delivery_id", d.providerDeliveryId)
        .put("created", Times.format(now))
        .put("live_mode", false);
  }

  private static JsonObject uberDelivery(SimulatedDelivery d, Instant now, String status, boolean imminent) {
    LatLng p = d.drive.position();
    LatLng drop = d.drive.route().dropoff();
    return new JsonObject()
        .put("id", d.providerDeliveryId)
        .put("external_id", d.orderId.value())
        .put("status", status)
        .put("courier_imminent", imminent)
        .put("dropoff_eta", Times.format(now.plusSeconds((long) d.drive.etaSeconds())))
        .put(
            "courier",
            new JsonObject()
                .put("name", d.courier.name())
                .put("vehicle_type", d.courier.vehicle())
                .put("location", new JsonObject().put("lat", p.lat()).put("lng", p.lng())))
        .put("dropoff", new JsonObject().put("location", new JsonObject().put("lat", drop.lat()).put("lng", drop.lng())));
  }

  // ---- DoorDash Drive ----

  static JsonObject doorDashLocation(SimulatedDelivery d, Instant now) {
    String name =
        d.announced == null || d.announced == Milestone.ASSIGNED
            ? "dasher_enroute_to_pickup"
            : "dasher_enroute_to_dropoff";
    return doorDash(name, d, now);
  }

  static JsonObject doorDashStatus(SimulatedDelivery d, Milestone stage, Instant now) {
    String name =
        switch (stage) {
          case ASSIGNED -> "DASHER_CONFIRMED";
          case PICKED_UP -> "DASHER_PICKED_UP";
          case NEARBY -> "DASHER_CONFIRMED_DROPOFF_ARRIVAL";
          case DELIVERED -> "DASHER_DROPPED_OFF";
        };
    return doorDash(name, d, now);
  }

  private static JsonObject doorDash(String eventName, SimulatedDelivery d, Instant now) {
    LatLng p = d.drive.position();
    LatLng drop = d.drive.route().dropoff();
    return new JsonObject()
        .put("event_name", eventName)
        .put("created_at", Times.format(now))
        .put("external_delivery_id", d.orderId.value())
        .put("dasher_name", d.courier.name())
        .put("dasher_vehicle_make", d.courier.vehicle())
        .put("dasher_location", new JsonObject().put("lat", p.lat()).put("lng", p.lng()))
        .put("dropoff_location", new JsonObject().put("lat", drop.lat()).put("lng", drop.lng()))
        .put("dropoff_time_estimated", Times.format(now.plusSeconds((long) d.drive.etaSeconds())));
  }

  // ---- Deliveroo ----

  /** A rider event; the status log holds every stage announced so far, as Deliveroo sends it. */
  static JsonObject deliverooRider(SimulatedDelivery d, Milestone upTo, Instant now) {
    JsonArray log = new JsonArray();
    for (Milestone s : Milestone.values()) {
      log.add(new JsonObject().put("at", Times.format(now.minusMillis(Milestone.values().length - s.ordinal()))).put("status", deliverooStatus(s)));
      if (s == upTo) {
        break;
      }
    }
    JsonObject rider =
        new JsonObject()
            .put("full_name", d.courier.name())
            .put("estimated_arrival_time", Times.format(now.plusSeconds((long) d.drive.etaSeconds())))
            .put("status_log", log);
    return new JsonObject()
        .put("event", "rider.updated")
        .put("body", new JsonObject().put("order_id", d.orderId.value()).put("stacked_with", new JsonArray()).put("riders", new JsonArray().add(rider)));
  }

  private static String deliverooStatus(Milestone s) {
    return switch (s) {
      case ASSIGNED -> "rider_assigned";
      case PICKED_UP -> "rider_in_transit";
      case NEARBY -> "rider_arrived_at_customer";
      case DELIVERED -> "rider_delivered";
    };
  }

  /** The body of the pollable "get order location" resource. */
  static JsonObject deliverooLocation(SimulatedDelivery d, Instant now) {
    LatLng p = d.drive.position();
    return new JsonObject()
        .put("order_id", d.orderId.value())
        .put(
            "rider",
            new JsonObject()
                .put("lat", p.lat())
                .put("lon", p.lng())
                .put("heading", Math.round(d.drive.headingDegrees() * 10) / 10.0 % 360)
                .put("accuracy_in_meters", 8.0)
                .put("at", Times.format(now)));
  }
}
