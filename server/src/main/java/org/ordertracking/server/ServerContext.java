package org.ordertracking.server;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Clock;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.ops.NodeState;
import org.ordertracking.ops.metrics.Metrics;
import org.ordertracking.ops.metrics.Telemetry;

/**
 * What modules are built from: the node's Vert.x, its validated config (each module reads its own
 * sub-record), its engine, its readiness and connection count, its clock, the node's shared Redis
 * command client ({@code null} on the in-memory engine) for stores that must hold across nodes, and
 * its metrics ({@link Telemetry}; modules record through {@link #metrics()}).
 */
public record ServerContext(
    Vertx vertx, TrackingConfig config, TrackingEngine engine, Redis redis, NodeState node, Clock clock,
    Telemetry telemetry) {

  /** Without metrics (tests that build a module alone). */
  public ServerContext(Vertx vertx, TrackingConfig config, TrackingEngine engine, Redis redis, NodeState node,
      Clock clock) {
    this(vertx, config, engine, redis, node, clock, null);
  }

  /** Where modules record; the no-op twin when metrics are off or absent. */
  public Metrics metrics() {
    return telemetry == null ? Metrics.NONE : telemetry.metrics();
  }
}
