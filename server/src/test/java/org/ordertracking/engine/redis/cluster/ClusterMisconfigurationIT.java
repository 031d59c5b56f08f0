package org.ordertracking.engine.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ordertracking.engine.EngineConfig;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.Hub;
import org.ordertracking.engine.redis.RedisConfig;
import org.ordertracking.engine.redis.RedisMode;
import org.ordertracking.engine.redis.RedisSetup;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.RedisFixture;

/** Cluster mode pointed at a Redis without cluster support: not ready, and the reason says why. */
class ClusterMisconfigurationIT {
  @Test
  void aStandaloneRedisGivenAsClusterSeedLeavesTheNodeNotReadySayingWhy() {
    Vertx vertx = Vertx.vertx();
    try {
      RedisConfig config = new RedisConfig(RedisMode.CLUSTER, List.of(RedisFixture.shared().url()));
      Hub engine = Await.result(EngineFactory.redis(vertx, RedisSetup.create(vertx, config),
          EngineConfig.defaults(Duration.ofHours(1)), Clock.systemUTC(), Hub.DEFAULT_SCOPE));
      Await.until("the reason names the missing cluster support", () -> engine.notReadyReason()
          .filter(r -> r.contains("slot map unknown") && r.contains("cluster support disabled")).isPresent());
      Optional<String> reason = engine.notReadyReason();
      assertTrue(reason.isPresent() && !reason.get().contains("\n"), "one line: " + reason);
      Await.result(engine.close());
    } finally {
      Await.result(vertx.close());
    }
  }
}
