package org.ordertracking.engine.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import java.time.Duration;
import org.ordertracking.engine.EngineContract;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.Hub;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.RedisFixture;

/** The engine contract against a real Redis. */
class RedisEngineContractIT extends EngineContract {
  @Override
  protected TrackingEngine createEngine(Vertx vertx, Clock clock) {
    return start(vertx, clock, Hub.DEFAULT_SCOPE);
  }

  static Hub start(Vertx vertx, Clock clock, Hub.Scope scope) {
    Hub engine = Await.result(EngineFactory.redis(vertx,
        new RedisOptions().setConnectionString(RedisFixture.shared().url()), Duration.ofHours(24), clock, scope));
    Await.until("engine ready", () -> engine.notReadyReason().isEmpty());
    return engine;
  }
}
