package org.ordertracking.engine.memory;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ordertracking.model.OrderId;

/**
 * The memory broker's idempotency keys: at most {@code maxKeys}, each for {@code ttlMillis}, oldest
 * forgotten first (then a very late retry may be applied again, which the stale and terminal rules
 * absorb for most events). Confined to the engine loop, like the rest of the broker's state.
 */
final class EventIds {
  private final long ttlMillis;
  private final int maxKeys;
  /** Insertion order is expiry order (one time to live for all), so expired keys are at the head. */
  private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

  EventIds(long ttlMillis, int maxKeys) {
    this.ttlMillis = ttlMillis;
    this.maxKeys = maxKeys;
  }

  boolean seen(OrderId orderId, String key, long now) {
    evictExpired(now);
    return expiries.containsKey(name(orderId, key));
  }

  void remember(OrderId orderId, String key, long now) {
    expiries.put(name(orderId, key), now + ttlMillis);
    if (expiries.size() > maxKeys) {
      Iterator<String> eldest = expiries.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  int size() {
    return expiries.size();
  }

  private static String name(OrderId orderId, String key) {
    return orderId.value() + '\n' + key;
  }

  private void evictExpired(long now) {
    Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator();
    while (it.hasNext() && it.next().getValue() <= now) {
      it.remove();
    }
  }
}
