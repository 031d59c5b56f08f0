package org.ordertracking.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Node-wide count of open HTTP connections, in total and per client address, against the caps of
 * {@link HttpLimits}. Shared by every event loop; thread-safe. A per-client count that drops to
 * zero is removed, so the map holds only clients with open connections.
 */
final class ConnectionBudget {
  private final int maxTotal;
  private final int maxPerClient;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();

  ConnectionBudget(int maxTotal, int maxPerClient) {
    this.maxTotal = maxTotal;
    this.maxPerClient = maxPerClient;
  }

  boolean tryAcquire() {
    while (true) {
      int n = total.get();
      if (n >= maxTotal) {
        return false;
      }
      if (total.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void release() {
    total.decrementAndGet();
  }

  boolean limitsClients() {
    return maxPerClient > 0;
  }

  boolean tryAcquire(String client) {
    boolean[] taken = {false};
    perClient.compute(client, (k, n) -> {
      int count = n == null ? 0 : n;
      if (count >= maxPerClient) {
        return n;
      }
      taken[0] = true;
      return count + 1;
    });
    return taken[0];
  }

  void release(String client) {
    perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** Open HTTP connections on this node. */
  int open() {
    return total.get();
  }

  /** Client addresses with at least one open connection. */
  int clients() {
    return perClient.size();
  }
}
