package org.ordertracking.ops;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ordertracking.engine.EngineHealth;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.ops.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node-wide facts shared by every event loop: readiness (engine health, draining) and the open
 * socket count against the connection limit. Thread-safe.
 */
public final class NodeState {
  private static final Logger LOG = LoggerFactory.getLogger(NodeState.class);

  private final TrackingEngine engine;
  private final int maxConnections;
  private final Metrics metrics;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean draining;
  /**
   * Set while the start-up warm-up runs. Only {@link #readiness()} reports it, not {@link
   * #notReadyReason()}: it holds back the load balancer (readiness 503), not sockets that arrive
   * anyway (the warm-up's own among them).
   */
  private volatile boolean warmingUp;
  /** The engine's last reason, to log each new one once (health checks come every few seconds). */
  private volatile String lastEngineReason;

  public NodeState(TrackingEngine engine, int maxConnections) {
    this(engine, maxConnections, Metrics.NONE);
  }

  /** @param metrics counts accepted sockets as their slots are taken */
  public NodeState(TrackingEngine engine, int maxConnections, Metrics metrics) {
    this.engine = engine;
    this.maxConnections = maxConnections;
    this.metrics = metrics;
  }

  /**
   * Empty when the node should take traffic, else why not as a stable public code ({@link
   * ReadinessReasons}). The engine's own wording is logged once each time it changes.
   */
  public Optional<String> notReadyReason() {
    if (draining) {
      return Optional.of(ReadinessReasons.DRAINING);
    }
    if (engine instanceof EngineHealth health) {
      Optional<String> raw = health.notReadyReason();
      String previous = lastEngineReason;
      String now = raw.orElse(null);
      if (now != null && !now.equals(previous)) {
        LOG.warn("Not ready: {}", now);
      }
      lastEngineReason = now;
      return raw.map(ReadinessReasons::code);
    }
    return Optional.empty();
  }

  /**
   * What {@code /health/ready} answers (and {@code tracking_node_ready} shows): empty when ready,
   * else the public code: {@code warming_up} during the start-up warm-up (unless draining), else
   * {@link #notReadyReason()}.
   */
  public Optional<String> readiness() {
    if (warmingUp && !draining) {
      return Optional.of(ReadinessReasons.WARMING_UP);
    }
    return notReadyReason();
  }

  public void setWarmingUp(boolean warmingUp) {
    this.warmingUp = warmingUp;
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
