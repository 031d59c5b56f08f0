package org.ordertracking.adapters;

import io.vertx.core.Future;
import java.time.Duration;
import org.ordertracking.model.OrderId;

/**
 * At most one poll of an order per period, whoever asks: the provider's rate limit is per order
 * ("at most once a minute"), and with several nodes every node's poller sees the same active
 * orders. The in-memory twin covers one node; the Redis one ({@code SET … NX PX}) all of them.
 */
public interface PollGate {

  /** True when the caller may poll the order now; the order is then closed for {@code hold}. */
  Future<Boolean> tryAcquire(String provider, OrderId orderId, Duration hold);
}
