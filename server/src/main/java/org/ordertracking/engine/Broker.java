package org.ordertracking.engine;

import io.vertx.core.Future;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.TrackingEvent;

/**
 * The thin seam under the {@link Hub}: what differs between engines (memory, Redis standalone,
 * Redis Cluster), and nothing else. A broker does not know who watches an order; the hub counts
 * watchers, subscribes a feed for an order's first one and releases it after the last one.
 *
 * <ul>
 *   <li>{@link #publish}: the one atomic step per order of {@link TrackingEngine#publish} (rules,
 *       seq, state, expiry, fan-out to every feed subscribed to the order, on any node).
 *   <li>{@link #snapshot}: the order's current state.
 *   <li>{@link #openFeed}: a stream of order subscriptions delivering frames and resyncs to a
 *       sink, on the context that opened it.
 * </ul>
 *
 * <p>Futures complete on the caller's context. Nothing blocks. Optional abilities are separate
 * interfaces ({@link EngineHealth} for brokers that depend on something that can go away).
 */
public interface Broker {

  Future<PublishResult> publish(TrackingEvent event, PublishOptions options);

  Future<Snapshot> snapshot(OrderId orderId);

  /** A new feed delivering to {@code sink}, confined to the calling context. */
  Feed openFeed(FrameListener sink);

  /** Connects what needs connecting; completes once the first attempt is made. */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** A one-word name for logs: {@code memory}, {@code redis}. */
  String name();

  /** Closes the broker and every feed it opened. */
  Future<Void> close();
}
