package org.ordertracking.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.ordertracking.demo.CourierDrive;
import org.ordertracking.demo.CourierDrive.Milestone;
import org.ordertracking.model.LatLng;
import org.ordertracking.simulator.SimulatedDelivery.Carrier;

/**
 * Onfleet: one webhook per trigger ({@code taskAssigned}, {@code taskStarted}, {@code taskEta}
 * once the ETA falls under five minutes, {@code taskArrival}, {@code taskCompleted} / {@code
 * taskFailed}; {@code taskUnassigned} then {@code taskAssigned} for a new worker), each {@code
 * {"time", "triggerId", "triggerName", "taskId", "workerId", "data": {"task": {...}}}} with our
 * order id in the task's metadata. Onfleet pushes no positions.
 */
final class OnfleetScript implements ProviderScript {
  private static final double ETA_THRESHOLD_S = 300;

  @Override
  public List<JsonObject> tick(SimulatedDelivery d, Instant now) {
    if (d.etaReported || d.announced != Milestone.PICKED_UP || d.drive.etaSeconds() > ETA_THRESHOLD_S) {
      return List.of();
    }
    d.etaReported = true;
    return List.of(trigger(1, "taskEta", d, now, 2).put("etaSeconds", Math.round(d.drive.etaSeconds())));
  }

  @Override
  public List<JsonObject> milestone(SimulatedDelivery d, Milestone m, Instant now) {
    return List.of(
        switch (m) {
          case ASSIGNED -> trigger(9, "taskAssigned", d, now, 1);
          case PICKED_UP -> trigger(0, "taskStarted", d, now, 2);
          case NEARBY -> trigger(2, "taskArrival", d, now, 2).put("distance", CourierDrive.NEARBY_METRES);
          case DELIVERED -> completed(trigger(3, "taskCompleted", d, now, 3), true, now);
        });
  }

  @Override
  public List<JsonObject> failure(SimulatedDelivery d, Instant now) {
    return List.of(completed(trigger(4, "taskFailed", d, now, 3), false, now));
  }

  @Override
  public List<JsonObject> reassignment(SimulatedDelivery d, Carrier previous, Instant now) {
    JsonObject unassigned = trigger(10, "taskUnassigned", d, now, 0).put("workerId", previous.id);
    unassigned.getJsonObject("data").getJsonObject("task").putNull("worker");
    return List.of(unassigned, trigger(9, "taskAssigned", d, now.plusMillis(1), 1));
  }

  private static JsonObject trigger(int id, String name, SimulatedDelivery d, Instant now, int state) {
    LatLng drop = d.drive.route().dropoff();
    JsonObject task =
        new JsonObject()
            .put("id", d.providerDeliveryId)
            .put("shortId", d.providerDeliveryId.substring(0, Math.min(8, d.providerDeliveryId.length())))
            .put("state", state)
            .put("worker", d.carrier().id)
            .put("pickupTask", false)
            .put("trackingURL", "https://onf.example/" + d.providerDeliveryId)
            .put("metadata", new JsonArray().add(new JsonObject()
                .put("name", "orderId").put("type", "string").put("value", d.orderId.value())
                .put("visibility", new JsonArray().add("api"))))
            .put("destination", new JsonObject()
                .put("location", new JsonArray().add(drop.lng()).add(drop.lat())));
    return new JsonObject()
        .put("time", now.toEpochMilli())
        .put("triggerId", id)
        .put("triggerName", name)
        .put("taskId", d.providerDeliveryId)
        .put("workerId", d.carrier().id)
        .putNull("adminId")
        .put("data", new JsonObject().put("task", task));
  }

  private static JsonObject completed(JsonObject trigger, boolean success, Instant now) {
    trigger.getJsonObject("data").getJsonObject("task").put("completionDetails", new JsonObject()
        .put("success", success)
        .put("failureReason", success ? "NONE" : "CUSTOMER_UNAVAILABLE")
        .put("time", now.toEpochMilli()));
    return trigger;
  }
}
