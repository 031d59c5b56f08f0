package org.ordertracking.ops.metrics;

import org.ordertracking.gateway.DeliveryObserver;
import org.ordertracking.protocol.Frame;

/**
 * The gateway's delivery reports turned into metrics: frames delivered, locations conflated, and
 * the publish-to-write latency from the frame's {@code ts} (when the engine accepted the event).
 * Per frame per socket on event loops: two increments and a histogram record, nothing allocated.
 */
public final class DeliveryMetrics implements DeliveryObserver {
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final Metrics metrics;

  public DeliveryMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void delivered(Frame frame, long nowMillis) {
    metrics.framesDelivered(1);
    long ts = frame.ts();
    if (ts > 0) {
      // Another node's clock may run a little ahead: a negative age is recorded as zero.
      metrics.publishToWriteLatency(Math.max(0, nowMillis - ts) * NANOS_PER_MILLI);
    }
  }

  @Override
  public void conflated() {
    metrics.conflated();
  }

  /**
   * A tracking socket closed with {@code code} (the code the server sent, or the client's; 1006
   * when the connection just dropped).
   */
  @Override
  public void socketClosed(int code) {
    metrics.socketClosed(code);
  }
}
