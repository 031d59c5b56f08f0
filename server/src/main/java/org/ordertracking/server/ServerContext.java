package org.ordertracking.server;

import io.vertx.core.Vertx;
import java.util.Map;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.engine.TrackingEngine;

/**
 * What modules are built from: the node's Vert.x, its validated core config, its engine, and the
 * raw environment (each module reads its own {@code TRACKING_*} variables through
 * {@link org.ordertracking.config.Env}).
 */
public record ServerContext(
    Vertx vertx, TrackingConfig config, TrackingEngine engine, Map<String, String> env) {}
