package org.ordertracking.ops.admin;

import java.util.List;

/**
 * The operator page's "busiest orders": the orders with the most sockets on this node, counts only.
 * The gateway/engine side knows these counts (watchers per order); until it provides them, {@link
 * #NONE} says they are not available and the page shows so.
 */
public interface BusiestOrders {
  BusiestOrders NONE = new BusiestOrders() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public List<OrderLoad> top(int n) {
      return List.of();
    }
  };

  /** Whether this node can tell. */
  boolean available();

  /** At most {@code n} orders, busiest first. Called on a request, off the hot path. */
  List<OrderLoad> top(int n);

  /** One order's load on this node: sockets watching it, frames delivered for it. */
  record OrderLoad(String orderId, int sockets, long frames) {}
}
