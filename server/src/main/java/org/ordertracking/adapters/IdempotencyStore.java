package org.ordertracking.adapters;

import io.vertx.core.Future;

/**
 * A bounded, expiring memory of provider event ids, so a webhook delivered twice is published
 * once. The in-memory twin serves one node; the Redis one holds across nodes (a retry may land
 * on another node behind the load balancer).
 *
 * <p>Contract: {@link #claim} is atomic: of concurrent claims of one id, exactly one gets true.
 * A claim is forgotten after the store's time-to-live (or earlier in memory, when the bound is
 * reached: then a very old retry may be published again, which the engine's stale rule absorbs for
 * locations). Methods may be called from any event loop.
 */
public interface IdempotencyStore {

  /** True when this is the first time the id is seen (the caller publishes), false for a repeat. */
  Future<Boolean> claim(String provider, String eventId);

  /** Forgets a claim whose publish failed, so the provider's retry is not mistaken for a repeat. */
  Future<Void> release(String provider, String eventId);
}
