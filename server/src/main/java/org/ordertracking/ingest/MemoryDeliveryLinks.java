package org.ordertracking.ingest;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ordertracking.model.OrderId;

/**
 * Delivery links in this process, for the memory engine (a restart loses both together). Every
 * link lives the same ttl from its last write, so insertion order is expiry order: a re-link or a
 * renewal moves the entry to the end, expired
 * entries are dropped from the front, and beyond {@code max} entries the oldest go first. Shared by
 * every event loop; guarded by the instance's monitor.
 */
public final class MemoryDeliveryLinks implements DeliveryLinks {
  private record Entry<T>(T value, long expiresAt) {}

  private final Clock clock;
  private final long ttlMillis;
  private final int max;
  private final LinkedHashMap<Delivery, Entry<OrderId>> orders = new LinkedHashMap<>();
  private final LinkedHashMap<OrderId, Entry<Delivery>> current = new LinkedHashMap<>();

  public MemoryDeliveryLinks(Clock clock, Duration ttl, int max) {
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
    this.max = max;
  }

  @Override
  public synchronized Future<Void> link(OrderId order, Delivery delivery) {
    long now = clock.millis();
    put(orders, delivery, new Entry<>(order, now + ttlMillis), now);
    put(current, order, new Entry<>(delivery, now + ttlMillis), now);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<OrderId> orderOf(Delivery delivery) {
    return Future.succeededFuture(get(orders, delivery));
  }

  @Override
  public synchronized Future<Delivery> currentOf(OrderId order) {
    return Future.succeededFuture(get(current, order));
  }

  @Override
  public synchronized Future<Void> renew(OrderId order, Delivery delivery) {
    long now = clock.millis();
    if (order.equals(get(orders, delivery))) {
      put(orders, delivery, new Entry<>(order, now + ttlMillis), now);
    }
    if (delivery.equals(get(current, order))) {
      put(current, order, new Entry<>(delivery, now + ttlMillis), now);
    }
    return Future.succeededFuture();
  }

  /** Links held now (expired ones not yet dropped included); for tests. */
  synchronized int size() {
    return orders.size();
  }

  private <K, V> void put(LinkedHashMap<K, Entry<V>> map, K key, Entry<V> entry, long now) {
    map.remove(key); // re-insert at the end: the newest expiry
    map.put(key, entry);
    Iterator<Map.Entry<K, Entry<V>>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<K, Entry<V>> eldest = it.next();
      if (map.size() > max || eldest.getValue().expiresAt() <= now) {
        it.remove();
      } else {
        break;
      }
    }
  }

  private <K, V> V get(Map<K, Entry<V>> map, K key) {
    Entry<V> e = map.get(key);
    return e == null || e.expiresAt() <= clock.millis() ? null : e.value();
  }
}
