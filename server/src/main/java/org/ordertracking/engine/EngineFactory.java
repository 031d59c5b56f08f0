package org.ordertracking.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.engine.memory.MemoryEngine;
import org.ordertracking.engine.redis.RedisEngine;

/** The one place that picks an engine from configuration; nothing else names a concrete engine. */
public final class EngineFactory {
  private EngineFactory() {}

  public static Future<TrackingEngine> create(Vertx vertx, TrackingConfig config, Clock clock) {
    if (config.redisUrl() == null) {
      return Future.succeededFuture(new MemoryEngine(vertx, config.stateTtl(), clock));
    }
    RedisOptions options =
        new RedisOptions()
            .setConnectionString(config.redisUrl())
            .setMaxPoolSize(16)
            .setMaxPoolWaiting(4096)
            .setMaxWaitingHandlers(16384);
    RedisEngine engine = new RedisEngine(vertx, options, config.stateTtl(), clock);
    return engine.start().map(v -> engine);
  }
}
