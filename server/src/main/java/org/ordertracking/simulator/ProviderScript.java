package org.ordertracking.simulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.ordertracking.demo.CourierDrive.Milestone;
import org.ordertracking.simulator.SimulatedDelivery.Carrier;

/**
 * What one provider sends about a delivery, in the shapes its public documentation shows (the
 * sources are named in docs/adapters.md), so the demo and the end-to-end tests exercise the real
 * mappings. Every method returns the webhooks to post, in order (possibly none).
 */
interface ProviderScript {

  /** The webhooks of one simulation step (positions, ETA updates). */
  List<JsonObject> tick(SimulatedDelivery d, Instant now);

  /** The webhooks announcing a milestone of the delivery. */
  List<JsonObject> milestone(SimulatedDelivery d, Milestone m, Instant now);

  /** The webhooks of a delivery that failed at the customer's door. */
  List<JsonObject> failure(SimulatedDelivery d, Instant now);

  /** The webhooks of a courier replaced by {@code d.carrier()}; {@code previous} was taken off. */
  List<JsonObject> reassignment(SimulatedDelivery d, Carrier previous, Instant now);

  static ProviderScript of(String provider) {
    return switch (provider) {
      case "uber" -> new UberScript();
      case "doordash" -> new DoorDashScript();
      case "deliveroo" -> new DeliverooScript();
      case "onfleet" -> new OnfleetScript();
      default -> throw new IllegalArgumentException("no script for provider " + provider);
    };
  }

  static JsonObject latLng(double lat, double lng) {
    return new JsonObject().put("lat", lat).put("lng", lng);
  }
}
