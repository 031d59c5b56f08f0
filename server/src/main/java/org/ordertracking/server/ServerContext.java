package org.ordertracking.server;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Clock;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.ops.NodeState;

/**
 * What modules are built from: the node's Vert.x, its validated config (each module reads its own
 * sub-record), its engine, its readiness and connection count, its clock, and the node's shared
 * Redis command client ({@code null} on the in-memory engine) for stores that must hold across
 * nodes.
 */
public record ServerContext(
    Vertx vertx, TrackingConfig config, TrackingEngine engine, Redis redis, NodeState node, Clock clock) {}
