package org.ordertracking.simulator;

import org.ordertracking.demo.CourierDrive;
import org.ordertracking.demo.CourierDrive.Milestone;
import org.ordertracking.model.Courier;
import org.ordertracking.model.OrderId;

/** One delivery the simulator plays: which provider, which order, the drive, and what was sent. */
final class SimulatedDelivery {
  final String provider;
  final OrderId orderId;
  final String providerDeliveryId;
  final CourierDrive drive;
  final Courier courier;
  /** The last milestone a webhook was sent for; null before the first. */
  Milestone announced;
  /** Webhooks posted and not yet answered; locations are skipped while it is high. */
  int pending;

  SimulatedDelivery(
      String provider, OrderId orderId, String providerDeliveryId, CourierDrive drive, Courier courier) {
    this.provider = provider;
    this.orderId = orderId;
    this.providerDeliveryId = providerDeliveryId;
    this.drive = drive;
    this.courier = courier;
  }
}
