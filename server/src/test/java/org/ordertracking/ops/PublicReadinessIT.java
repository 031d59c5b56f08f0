package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ordertracking.engine.EngineHealth;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;

/**
 * Issue 8 #13, first half, against a real Redis that refuses the node's password: the public
 * readiness check says why with a stable code, never the Redis error's own text.
 */
class PublicReadinessIT {
  @Test
  void aNodeWhoseRedisRefusesItAnswersACodeNotTheRedisError() {
    try (RedisFixture redis = RedisFixture.startProcess("--requirepass", "right")) {
      assertNotNull(redis, "needs redis-server on PATH");
      Vertx vertx = Vertx.vertx();
      try (TestNode node = TestNode.start(vertx, TestNode.env(redis.url().replace("redis://", "redis://:wrong@")))) {
        Await.until("the engine reports why it is not ready",
            () -> ((EngineHealth) node.server().engine()).notReadyReason().isPresent());

        var ready = node.request(HttpMethod.GET, "/health/ready", null, null, null);
        assertEquals(503, ready.statusCode());
        // Whichever connection noticed first: the subscriber's or the commands'.
        String reason = ready.bodyAsJsonObject().getString("reason");
        assertTrue(Set.of("redis_unavailable", "redis_subscriber_down").contains(reason), ready.bodyAsString());
        String body = ready.bodyAsString();
        for (String word : new String[] {"WRONGPASS", "NOAUTH", "password", "ERR", "127.0.0.1", "failing"}) {
          assertFalse(body.contains(word), "no Redis text in the public answer: " + body);
        }
        var upgrade = node.request(HttpMethod.GET, "/ws/track?token=x", null, null, null);
        assertEquals(503, upgrade.statusCode());
        assertTrue(upgrade.bodyAsString().contains("redis_"), upgrade.bodyAsString());
        assertFalse(upgrade.bodyAsString().contains("WRONGPASS"), upgrade.bodyAsString());
      } finally {
        Await.result(vertx.close());
      }
    }
  }
}
