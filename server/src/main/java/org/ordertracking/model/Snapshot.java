package org.ordertracking.model;

/**
 * An order's current state, as the first WebSocket frame and the order GET show it ({@link
 * org.ordertracking.protocol.Frames#snapshot}). The object
 * parts are kept as the JSON text the engine stored, so building a snapshot never re-encodes them.
 *
 * @param seq 0 for an order nobody has published for yet
 * @param status null before the first status
 * @param locationJson JSON object text, or null
 * @param etaJson JSON string literal (quotes included), or null
 * @param courierJson JSON object text, or null
 * @param dropoffJson JSON object text, or null
 * @param reason the current status's reason token, or null
 * @param updatedAt ISO-8601 time of the last accepted event, or null
 */
public record Snapshot(
    OrderId orderId,
    long seq,
    OrderStatus status,
    String locationJson,
    String etaJson,
    String courierJson,
    String dropoffJson,
    String reason,
    String updatedAt) {

  public static Snapshot empty(OrderId orderId) {
    return new Snapshot(orderId, 0, null, null, null, null, null, null, null);
  }

  /** True when no event was ever accepted for this order (or its state expired). */
  public boolean isUnknown() {
    return seq == 0;
  }

  public boolean isTerminal() {
    return status != null && status.isTerminal();
  }
}
