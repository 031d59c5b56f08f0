package org.ordertracking.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import java.time.Duration;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.engine.memory.MemoryBroker;
import org.ordertracking.engine.redis.RedisBroker;

/**
 * The one place that picks a broker from configuration and puts the hub on top; nothing else names
 * a concrete broker. Hub and broker share one engine loop, so the memory broker hands frames to the
 * node's watchers without a hop.
 */
public final class EngineFactory {
  private EngineFactory() {}

  public static Future<TrackingEngine> create(Vertx vertx, TrackingConfig config, Clock clock) {
    if (config.redisUrl() == null) {
      return Future.succeededFuture(memory(vertx, config.stateTtl(), clock));
    }
    RedisOptions options =
        new RedisOptions()
            .setConnectionString(config.redisUrl())
            .setMaxPoolSize(16)
            .setMaxPoolWaiting(4096)
            .setMaxWaitingHandlers(16384);
    return redis(vertx, options, config.stateTtl(), clock, Hub.DEFAULT_SCOPE).map(hub -> hub);
  }

  /** The single-node engine; it needs no start-up. */
  public static Hub memory(Vertx vertx, Duration stateTtl, Clock clock) {
    return memory(vertx, stateTtl, clock, Hub.DEFAULT_SCOPE);
  }

  public static Hub memory(Vertx vertx, Duration stateTtl, Clock clock, Hub.Scope scope) {
    EngineContext loop = new EngineContext(vertx);
    Hub hub = new Hub(new MemoryBroker(vertx, loop, stateTtl, clock), loop, scope);
    hub.start();
    return hub;
  }

  /** The multi-node engine, started: connecting, or retrying in the background. */
  public static Future<Hub> redis(
      Vertx vertx, RedisOptions options, Duration stateTtl, Clock clock, Hub.Scope scope) {
    EngineContext loop = new EngineContext(vertx);
    Hub hub = new Hub(new RedisBroker(vertx, loop, options, stateTtl, clock), loop, scope);
    return hub.start().map(hub);
  }
}
