package org.ordertracking.protocol;

import io.vertx.core.buffer.Buffer;
import org.ordertracking.model.OrderId;

/**
 * One live frame as the engine received it: the exact bytes every watching socket is sent, plus
 * the few header facts the gateway needs to route it without parsing it again per socket.
 *
 * @param orderId the order whose stream carried the frame (its channel, not the frame's own field)
 * @param bytes the UTF-8 JSON text frame, shared read-only between all sockets of the node
 * @param seq the frame's {@code seq}
 * @param ts when the engine accepted the event (epoch millis, the frame's {@code ts}); 0 when the
 *     frame carries none (another publisher)
 * @param kind what kind of frame it is; drives conflation (locations) and closing (terminal)
 */
public record Frame(OrderId orderId, Buffer bytes, long seq, long ts, Kind kind) {
  public enum Kind {
    LOCATION,
    STATUS,
    TERMINAL_STATUS,
    OTHER
  }

  /** Only consecutive locations may be skipped: the newest one carries everything they did. */
  public boolean conflatable() {
    return kind == Kind.LOCATION;
  }

  public boolean terminal() {
    return kind == Kind.TERMINAL_STATUS;
  }
}
