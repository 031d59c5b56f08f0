package org.ordertracking.adapters;

import io.vertx.core.Future;
import java.util.List;
import org.ordertracking.model.OrderId;

/**
 * The orders a polling adapter must poll for one provider: added when a status webhook says the
 * order is under way, removed at a terminal status, forgotten {@code ttl} after the last such
 * webhook (like the engine forgets the order's state). It lives beside the engine's state: in
 * Redis with the Redis engine, so a restarted or second node polls the same orders; in memory
 * with the memory engine, whose state a restart loses as well.
 *
 * <p>Bounded: beyond {@code max} orders, {@link #list} returns the {@code max} that expire last.
 */
public interface ActiveOrders {

  /** Marks the order active for another ttl. */
  Future<Void> touch(OrderId orderId);

  Future<Void> remove(OrderId orderId);

  /** The live orders, expired ones dropped; at most the store's bound. */
  Future<List<OrderId>> list();
}
