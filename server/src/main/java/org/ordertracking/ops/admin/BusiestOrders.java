package org.ordertracking.ops.admin;

import io.vertx.core.Future;
import java.util.List;

/**
 * The operator page's "busiest orders": the orders with the most sockets on this node, counts only.
 * The gateway counts them (its sessions per order, on each event loop: {@code
 * GatewayModule.busiestOrders()}); {@link #NONE}, on nodes without sockets, says they are not
 * available and the page shows so.
 */
public interface BusiestOrders {
  BusiestOrders NONE = new BusiestOrders() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public Future<List<OrderLoad>> top(int n) {
      return Future.succeededFuture(List.of());
    }
  };

  /** Whether this node can tell. */
  boolean available();

  /**
   * At most {@code n} orders, busiest first. Called per operator request, off the hot path; a
   * future because the counts live on the event loops (ask each loop, merge the answers).
   */
  Future<List<OrderLoad>> top(int n);

  /** One order's load on this node: sockets watching it, frames delivered for it. */
  record OrderLoad(String orderId, int sockets, long frames) {}
}
