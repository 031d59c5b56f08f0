package org.ordertracking.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ordertracking.demo.CourierDrive;
import org.ordertracking.demo.CourierDrive.Milestone;
import org.ordertracking.model.Courier;
import org.ordertracking.model.OrderId;

/** One delivery the simulator plays: which provider, which order, the drive, and what was sent. */
final class SimulatedDelivery {
  /** One entry of a rider's status log (Deliveroo keeps one log per rider). */
  record LogEntry(Instant at, String status) {}

  /** A courier on this delivery, with the provider's id for them and their status log. */
  static final class Carrier {
    final String id;
    final Courier courier;
    final List<LogEntry> log = new ArrayList<>();

    Carrier(String id, Courier courier) {
      this.id = id;
      this.courier = courier;
    }
  }

  final String provider;
  final OrderId orderId;
  final String providerDeliveryId;
  final CourierDrive drive;
  final Scenario scenario;
  /** Every courier the delivery had, the current one last. */
  final List<Carrier> carriers = new ArrayList<>(2);
  /** The last milestone a webhook was sent for; null before the first. */
  Milestone announced;
  /** Webhooks posted and not yet answered; positions are skipped while it is high. */
  int pending;
  /** Ticks played so far. */
  int ticks;
  /** The courier was replaced already (REASSIGNED plays it once). */
  boolean reassigned;
  /** The provider reported the last ETA threshold already (Onfleet's taskEta fires once). */
  boolean etaReported;
  /** The delivery is over (delivered or failed); its location resource answers {@code {}}. */
  boolean finished;
  /**
   * Whether the provider's payloads carry our order id as the merchant reference. Without it
   * (Uber's {@code external_id} is optional) the server finds the order through a delivery link.
   */
  boolean referenced = true;

  SimulatedDelivery(
      String provider, OrderId orderId, String providerDeliveryId, CourierDrive drive,
      Scenario scenario, Carrier first) {
    this.provider = provider;
    this.orderId = orderId;
    this.providerDeliveryId = providerDeliveryId;
    this.drive = drive;
    this.scenario = scenario;
    this.carriers.add(first);
  }

  /**
   * The id the provider's payloads and resources use for the order: ours when the merchant gave it
   * ({@link #referenced}), else the provider's own delivery id (a Deliveroo order placed elsewhere
   * and linked to ours).
   */
  String providerReference() {
    return referenced ? orderId.value() : providerDeliveryId;
  }

  Carrier carrier() {
    return carriers.get(carriers.size() - 1);
  }

  Courier courier() {
    return carrier().courier;
  }
}
