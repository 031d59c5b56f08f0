package org.ordertracking.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/** Redis with a password and with an ACL user, as operators run it. */
class RedisAuthIT {

  private static void assertWorks(String url) {
    Vertx vertx = Vertx.vertx();
    try (TestNode node = TestNode.start(vertx, TestNode.env(url))) {
      Await.until("ready", () -> node.request(HttpMethod.GET, "/health/ready", null, null, null).statusCode() == 200);
      OrderId id = Ids.order();
      try (WsClient ws = node.connect(node.token(id))) {
        ws.next();
        node.location(id, 52.5, 13.4);
        assertEquals(1, ws.next().getLong("seq"));
      }
    } finally {
      Await.result(vertx.close());
    }
  }

  @Test
  void aPasswordProtectedRedisWorksWithThePasswordInTheUrl() {
    try (RedisFixture redis = RedisFixture.startProcess("--requirepass", "s3cret-pass")) {
      assertNotNull(redis, "needs redis-server on PATH");
      assertWorks(redis.url().replace("redis://", "redis://:s3cret-pass@"));
    }
  }

  @Test
  void anAclUserWithOnlyTheNeededRightsWorks() {
    try (RedisFixture redis = RedisFixture.startProcess(
        "--user", "default", "off",
        "--user", "tracker", "on", ">tracker-pass", "~order:*", "&order:*",
        "+@read", "+@write", "+@pubsub", "+@scripting", "+@connection")) {
      assertNotNull(redis, "needs redis-server on PATH");
      assertWorks(redis.url().replace("redis://", "redis://tracker:tracker-pass@"));
    }
  }

  @Test
  void aWrongPasswordKeepsTheNodeNotReadyWithAReason() {
    try (RedisFixture redis = RedisFixture.startProcess("--requirepass", "right")) {
      assertNotNull(redis, "needs redis-server on PATH");
      Vertx vertx = Vertx.vertx();
      try (TestNode node = TestNode.start(vertx, TestNode.env(redis.url().replace("redis://", "redis://:wrong@")))) {
        var ready = node.request(HttpMethod.GET, "/health/ready", null, null, null);
        assertEquals(503, ready.statusCode());
        assertTrue(ready.bodyAsJsonObject().getString("reason").startsWith("redis"));
        assertEquals(503, WsClient.refusal(vertx, node.port(), node.token(Ids.order())));
      } finally {
        Await.result(vertx.close());
      }
    }
  }
}
