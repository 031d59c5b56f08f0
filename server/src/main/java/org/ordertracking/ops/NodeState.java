package org.ordertracking.ops;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ordertracking.engine.EngineHealth;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.ops.metrics.Metrics;

/**
 * Node-wide facts shared by every event loop: readiness (engine health, draining) and the open
 * socket count against the connection limit. Thread-safe.
 */
public final class NodeState {
  private final TrackingEngine engine;
  private final int maxConnections;
  private final Metrics metrics;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean draining;

  public NodeState(TrackingEngine engine, int maxConnections) {
    this(engine, maxConnections, Metrics.NONE);
  }

  /** @param metrics counts accepted sockets as their slots are taken */
  public NodeState(TrackingEngine engine, int maxConnections, Metrics metrics) {
    this.engine = engine;
    this.maxConnections = maxConnections;
    this.metrics = metrics;
  }

  /** Empty when the node should take traffic, else why not. */
  public Optional<String> notReadyReason() {
    if (draining) {
      return Optional.of("draining");
    }
    if (engine instanceof EngineHealth health) {
      return health.notReadyReason();
    }
    return Optional.empty();
  }

  public boolean draining() {
    return draining;
  }

  public void startDraining() {
    draining = true;
  }

  /**
   * Takes a connection slot; false when the node is at its limit. The gateway takes one right
   * before it upgrades a socket, so this is where accepted sockets are counted.
   */
  public boolean tryAcquireConnection() {
    while (true) {
      int n = connections.get();
      if (n >= maxConnections) {
        return false; // counted as a 429 refusal by the status it gets (metrics/UpgradeRefusals)
      }
      if (connections.compareAndSet(n, n + 1)) {
        metrics.socketOpened();
        return true;
      }
    }
  }

  public void releaseConnection() {
    connections.decrementAndGet();
  }

  public int connections() {
    return connections.get();
  }
}
