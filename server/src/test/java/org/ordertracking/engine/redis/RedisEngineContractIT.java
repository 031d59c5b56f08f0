package org.ordertracking.engine.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import java.time.Duration;
import org.ordertracking.engine.EngineContract;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.RedisFixture;

/** The engine contract against a real Redis. */
class RedisEngineContractIT extends EngineContract {
  @Override
  protected TrackingEngine createEngine(Vertx vertx, Clock clock) {
    RedisEngine engine = new RedisEngine(vertx,
        new RedisOptions().setConnectionString(RedisFixture.shared().url()), Duration.ofHours(24), clock);
    Await.result(engine.start());
    Await.until("engine ready", () -> engine.notReadyReason().isEmpty());
    return engine;
  }
}
