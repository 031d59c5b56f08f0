package org.ordertracking.engine;

/** A live subscription to one order; cancel it exactly once when the watcher leaves. */
@FunctionalInterface
public interface Subscription {
  void cancel();
}
