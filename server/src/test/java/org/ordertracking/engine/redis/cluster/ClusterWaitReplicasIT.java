package org.ordertracking.engine.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.engine.EngineConfig;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.Hub;
import org.ordertracking.engine.redis.RedisConfig;
import org.ordertracking.engine.redis.RedisMode;
import org.ordertracking.engine.redis.RedisSetup;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisClusterFixture;

/**
 * {@code TRACKING_REDIS_WAIT_REPLICAS}: a publish is acknowledged only once that many replicas of
 * the order's shard hold it (each master of the test cluster has one replica).
 */
class ClusterWaitReplicasIT {
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private Hub engine(int waitReplicas) {
    RedisConfig config = new RedisConfig(RedisMode.CLUSTER,
        Arrays.stream(RedisClusterFixture.shared().url().split(",")).toList(), waitReplicas, Duration.ofMillis(300));
    return Await.result(EngineFactory.redis(vertx, RedisSetup.create(vertx, config),
        EngineConfig.defaults(Duration.ofHours(1)), Clock.systemUTC(), Hub.DEFAULT_SCOPE));
  }

  private static LocationUpdate location(OrderId id) {
    return new LocationUpdate(id, new Location(52.5, 13.4, null, null, null, Instant.now()), "test", null);
  }

  @Test
  void aPublishWaitsForOneReplicaOnEveryShard() {
    Hub engine = engine(1);
    for (int i = 0; i < 30; i++) { // orders over every shard
      OrderId id = Ids.order();
      assertEquals(new PublishResult(PublishResult.Outcome.APPLIED, 1), Await.result(engine.publish(location(id))));
      assertEquals(1, Await.result(engine.snapshot(id)).seq());
    }
  }

  @Test
  void aPublishNoReplicaSetCanAcknowledgeFailsNamingTheSetting() {
    Hub engine = engine(2);
    OrderId id = Ids.order();
    Throwable err = Await.result(engine.publish(location(id)).map(r -> (Throwable) null).otherwise(e -> e));
    assertTrue(err != null && err.getMessage().contains("acknowledged by 1 of 2 replicas")
        && err.getMessage().contains("TRACKING_REDIS_WAIT_REPLICAS"), String.valueOf(err));
  }
}
