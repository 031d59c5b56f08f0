package org.ordertracking.adapters;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event ids in this process: at most {@code maxIds} of them, each for {@code ttl}, oldest evicted
 * first. Not enough with several nodes (a retry landing on another node is published again): the
 * module uses {@link RedisIdempotencyStore} whenever the Redis engine is configured.
 *
 * <p>HTTP verticles on several event loops share one instance; the map is guarded by the
 * instance's monitor, held only for a map operation.
 */
public final class MemoryIdempotencyStore implements IdempotencyStore {
  private final Clock clock;
  private final long ttlMillis;
  private final int maxIds;
  private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

  public MemoryIdempotencyStore(Clock clock, Duration ttl, int maxIds) {
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
    this.maxIds = maxIds;
  }

  @Override
  public Future<Boolean> claim(String provider, String eventId) {
    String key = provider + '\n' + eventId;
    long now = clock.millis();
    synchronized (expiries) {
      evictExpired(now);
      if (expiries.containsKey(key)) {
        return Future.succeededFuture(false);
      }
      expiries.put(key, now + ttlMillis);
      if (expiries.size() > maxIds) {
        Iterator<String> eldest = expiries.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
      return Future.succeededFuture(true);
    }
  }

  @Override
  public Future<Void> release(String provider, String eventId) {
    synchronized (expiries) {
      expiries.remove(provider + '\n' + eventId);
    }
    return Future.succeededFuture();
  }

  /** Insertion order is expiry order (one ttl for all), so expired entries are at the head. */
  private void evictExpired(long now) {
    Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue() > now) {
        return;
      }
      it.remove();
    }
  }

  /** Ids currently remembered (for tests of the bound). */
  public int size() {
    synchronized (expiries) {
      return expiries.size();
    }
  }
}
