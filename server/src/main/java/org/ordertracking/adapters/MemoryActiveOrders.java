package org.ordertracking.adapters;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ordertracking.model.OrderId;

/**
 * Active orders in this process, for the memory engine (a restart loses both together). Shared by
 * the HTTP verticles' loops and the poller; guarded by the instance's monitor.
 */
public final class MemoryActiveOrders implements ActiveOrders {
  private final Clock clock;
  private final long ttlMillis;
  private final int max;
  private final Map<OrderId, Long> expiries = new HashMap<>();

  public MemoryActiveOrders(Clock clock, Duration ttl, int max) {
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
    this.max = max;
  }

  @Override
  public Future<Void> touch(OrderId orderId) {
    long now = clock.millis();
    synchronized (expiries) {
      expiries.put(orderId, now + ttlMillis);
      if (expiries.size() > max) {
        // Drop the one that would expire first; the bound keeps a flood of ids from growing this.
        expiries.entrySet().stream()
            .min(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .ifPresent(expiries::remove);
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(OrderId orderId) {
    synchronized (expiries) {
      expiries.remove(orderId);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<List<OrderId>> list() {
    long now = clock.millis();
    List<OrderId> out;
    synchronized (expiries) {
      expiries.values().removeIf(expiry -> expiry <= now);
      out = new ArrayList<>(expiries.keySet());
    }
    out.sort(Comparator.comparing(OrderId::value));
    return Future.succeededFuture(out);
  }
}
