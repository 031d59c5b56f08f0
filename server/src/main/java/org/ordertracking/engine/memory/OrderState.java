package org.ordertracking.engine.memory;

import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.Snapshot;

/** One order's mutable state inside the memory engine; confined to the engine loop. */
final class OrderState {
  final OrderId orderId;
  long seq;
  OrderStatus status;
  String locationJson;
  long locationRecordedAtMillis = Long.MIN_VALUE;
  String etaJson;
  String courierJson;
  String dropoffJson;
  String reason;
  String updatedAt;
  long expiresAtMillis;

  OrderState(OrderId orderId) {
    this.orderId = orderId;
  }

  boolean terminal() {
    return status != null && status.isTerminal();
  }

  Snapshot snapshot() {
    return new Snapshot(
        orderId, seq, status, locationJson, etaJson, courierJson, dropoffJson, reason, updatedAt);
  }
}
