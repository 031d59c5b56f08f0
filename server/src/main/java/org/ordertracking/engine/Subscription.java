package org.ordertracking.engine;

import io.vertx.core.Future;

/** One watcher of one order, from {@link TrackingEngine#subscribe} until {@link #cancel}. */
public interface Subscription {

  /**
   * Completes on the subscriber's context once the order's frames flow to the watcher: every event
   * accepted afterwards reaches it, so this is when to read the snapshot. Fails when the engine
   * could not subscribe; the subscription is void then.
   */
  Future<Void> ready();

  /** Stops delivery. Idempotent; may be called before {@link #ready} completes. */
  void cancel();
}
