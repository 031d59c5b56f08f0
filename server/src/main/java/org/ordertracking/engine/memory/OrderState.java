package org.ordertracking.engine.memory;

import org.ordertracking.engine.PublishOptions;
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
  /** The publisher's key of the courier carrying the order (off the wire), or null. */
  String courierKey;
  /** The newest time a publisher gave for a status of this order, or Long.MIN_VALUE. */
  long statusAtMillis = Long.MIN_VALUE;
  String updatedAt;
  long expiresAtMillis;

  OrderState(OrderId orderId) {
    this.orderId = orderId;
  }

  boolean terminal() {
    return status != null && status.isTerminal();
  }

  /**
   * Whether a status under these options may be applied to an order under way: the forward-only
   * rule, lifted for a courier change unless it is older than the newest status time (see {@link
   * PublishOptions}).
   */
  boolean admits(OrderStatus next, PublishOptions options) {
    if (isCourierChange(options)) {
      return options.occurredAt() == null || options.occurredAt().toEpochMilli() >= statusAtMillis;
    }
    return !(options.forwardOnly() && next.isBehind(status));
  }

  /** An unassignment, or a status naming another courier than the one stored. */
  boolean isCourierChange(PublishOptions options) {
    return options.clearCourier()
        || (options.courierKey() != null && courierKey != null && !courierKey.equals(options.courierKey()));
  }

  /** Records the courier facts of an applied status. */
  void noteCourier(PublishOptions options) {
    if (options.clearCourier()) {
      courierKey = null;
      courierJson = null;
    } else if (options.courierKey() != null) {
      courierKey = options.courierKey();
    }
    if (options.occurredAt() != null) {
      statusAtMillis = Math.max(statusAtMillis, options.occurredAt().toEpochMilli());
    }
  }

  Snapshot snapshot() {
    return new Snapshot(
        orderId, seq, status, locationJson, etaJson, courierJson, dropoffJson, reason, updatedAt);
  }
}
