package org.ordertracking.engine.redis.cluster;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.ordertracking.engine.EngineConfig;
import org.ordertracking.engine.EngineContract;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.Hub;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.engine.redis.RedisConfig;
import org.ordertracking.engine.redis.RedisMode;
import org.ordertracking.engine.redis.RedisSetup;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.RedisClusterFixture;

/** The engine contract against a real Redis Cluster (3 masters, 3 replicas). */
class ClusterEngineContractIT extends EngineContract {
  @Override
  protected TrackingEngine createEngine(Vertx vertx, Clock clock) {
    return start(vertx, clock, Hub.DEFAULT_SCOPE);
  }

  static Hub start(Vertx vertx, Clock clock, Hub.Scope scope) {
    Hub engine = Await.result(EngineFactory.redis(vertx, setup(vertx, RedisClusterFixture.shared().url()),
        EngineConfig.defaults(Duration.ofHours(24)), clock, scope));
    Await.until("engine ready", () -> engine.notReadyReason().isEmpty());
    return engine;
  }

  /** The node's Redis setup for a cluster; Vert.x closes its client at the end. */
  static RedisSetup setup(Vertx vertx, String seeds) {
    List<String> urls = Arrays.stream(seeds.split(",")).map(String::trim).toList();
    return RedisSetup.create(vertx, new RedisConfig(RedisMode.CLUSTER, urls));
  }
}
