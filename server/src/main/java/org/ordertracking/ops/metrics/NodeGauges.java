package org.ordertracking.ops.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.ordertracking.engine.Hub;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.http.HttpGuard;
import org.ordertracking.ops.NodeState;

/**
 * Gauges read from the node's own counts when scraped (nothing is recorded on the hot path for
 * them): sockets open and their limit, orders the engine watches, readiness, draining, open HTTP
 * connections, aborted requests.
 */
public final class NodeGauges {
  private NodeGauges() {}

  public static void register(MeterRegistry registry, NodeState node, TrackingEngine engine, HttpGuard guard,
      int maxSockets) {
    if (registry == null) {
      return;
    }
    Gauge.builder("tracking.sockets.open", node, NodeState::connections).strongReference(true)
        .description("Tracking sockets open on this node").register(registry);
    Gauge.builder("tracking.sockets.limit", () -> maxSockets)
        .description("TRACKING_MAX_CONNECTIONS: sockets this node takes before refusing with 429")
        .register(registry);
    Gauge.builder("tracking.orders.watched", engine, NodeGauges::watched).strongReference(true)
        .description("Orders the engine holds a subscription for (one per order per node)").register(registry);
    Gauge.builder("tracking.node.ready", node, n -> n.readiness().isEmpty() ? 1 : 0).strongReference(true)
        .description("1 when /health/ready answers 200").register(registry);
    Gauge.builder("tracking.node.draining", node, n -> n.draining() ? 1 : 0).strongReference(true)
        .description("1 once the node drains (SIGTERM)").register(registry);
    Gauge.builder("tracking.http.connections.open", guard, HttpGuard::openConnections).strongReference(true)
        .description("HTTP connections open (WebSockets leave this count once upgraded)").register(registry);
    FunctionCounter.builder("tracking.http.requests.aborted", guard, HttpGuard::abortedRequests)
        .description("Requests whose client went away before the body arrived").register(registry);
    FunctionCounter.builder("tracking.http.connections.refused", guard, HttpGuard::refusedConnections)
        .description("HTTP connections refused over TRACKING_HTTP_MAX_CONNECTIONS(_PER_CLIENT)").register(registry);
    FunctionCounter.builder("tracking.http.connections.timed.out", guard, HttpGuard::timedOutConnections)
        .description("HTTP connections closed for not sending a request in time").register(registry);
  }

  private static double watched(TrackingEngine engine) {
    return engine instanceof Hub hub ? hub.subscriptions() : 0;
  }
}
