package org.ordertracking.engine;

import io.vertx.core.Future;
import org.ordertracking.model.OrderId;

/**
 * One stream of order subscriptions from a {@link Broker} to one sink: what a node holds for the
 * orders its sockets watch (one Redis pub/sub connection, for the Redis broker). Opened by {@link
 * Broker#openFeed} and confined to the context that opened it: its methods are called there, and
 * it calls its sink there.
 *
 * <p>The hub calls {@link #subscribe} for an order's first watcher and {@link #unsubscribe} after
 * its last one, at once, even while that order's subscribe is still in flight: a feed keeps the
 * calls in order.
 */
public interface Feed {

  /**
   * Completes once every frame the broker accepts for the order from now on reaches the sink (for
   * Redis: once Redis has confirmed the SUBSCRIBE, not merely when it was written).
   */
  Future<Void> subscribe(OrderId orderId);

  /** Stops the order's frames; harmless when the order is not subscribed. */
  void unsubscribe(OrderId orderId);
}
