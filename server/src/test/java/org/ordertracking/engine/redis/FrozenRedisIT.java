package org.ordertracking.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/**
 * Issue 8 #3, a hung Redis: frozen with SIGSTOP (connections stay open, nothing is answered), the
 * node must turn not ready within a few seconds, answer ingest 503 in bounded time, and never
 * apply an event it answered 503 for once Redis goes on (SIGCONT); then it recovers by itself.
 */
class FrozenRedisIT {
  /** "Within a few seconds": heartbeat and command deadlines are 1-3 s. */
  private static final Duration NOTICED_WITHIN = Duration.ofSeconds(6);

  @Test
  void aFrozenRedisTurnsTheNodeNotReadyAndIngestAnswers503InBoundedTime() {
    RedisFixture redis = RedisFixture.startProcess();
    assertNotNull(redis, "needs redis-server on PATH");
    Vertx vertx = Vertx.vertx();
    try (redis; TestNode node = TestNode.start(vertx, TestNode.env(redis.url()))) {
      Await.until("ready", () -> ready(node) == 200);
      OrderId before = Ids.order();
      node.location(before, 52.5, 13.4);

      redis.freeze();
      try {
        long frozenAt = System.nanoTime();
        Await.until("not ready", NOTICED_WITHIN, () -> ready(node) == 503);
        long notReadyMs = (System.nanoTime() - frozenAt) / 1_000_000;
        assertTrue(notReadyMs < NOTICED_WITHIN.toMillis(), "not ready after " + notReadyMs + " ms");

        OrderId during = Ids.order();
        long t0 = System.nanoTime();
        HttpResponse<Buffer> res = node.post("/api/v1/orders/" + during + "/location",
            new JsonObject().put("lat", 52.6).put("lng", 13.5));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, res.statusCode(), res.bodyAsString());
        assertTrue(tookMs < 5_000, "503 within the command deadline, took " + tookMs + " ms");

        // A batch (one script call for its events) is answered in bounded time too, every event failed.
        OrderId inBatch = Ids.order();
        JsonArray events = new JsonArray();
        for (int i = 0; i < 3; i++) {
          events.add(new JsonObject().put("type", "location").put("orderId", inBatch.value())
              .put("location", new JsonObject().put("lat", 52.6 + i * 0.01).put("lng", 13.5)));
        }
        long t1 = System.nanoTime();
        HttpResponse<Buffer> batch = node.post("/api/v1/events", new JsonObject().put("events", events));
        long batchMs = (System.nanoTime() - t1) / 1_000_000;
        assertEquals(200, batch.statusCode(), batch.bodyAsString());
        JsonObject answer = batch.bodyAsJsonObject();
        assertEquals(0, answer.getInteger("accepted"), answer.encode());
        for (int i = 0; i < 3; i++) {
          String error = answer.getJsonArray("results").getJsonObject(i).getString("error");
          assertTrue(error != null && error.startsWith("engine unavailable"), answer.encode());
        }
        assertTrue(batchMs < 5_000, "batch answered within the command deadline, took " + batchMs + " ms");

        redis.thaw();
        Await.until("ready again", Duration.ofSeconds(15), () -> ready(node) == 200);
        // What was answered 503 was not applied when Redis went on.
        HttpResponse<Buffer> state = node.get("/api/v1/orders/" + during);
        assertTrue(state.statusCode() == 404 || state.bodyAsJsonObject().getLong("seq", 0L) == 0L,
            "an event answered 503 must not be applied: " + state.statusCode() + " " + state.bodyAsString());
        HttpResponse<Buffer> batchState = node.get("/api/v1/orders/" + inBatch);
        assertTrue(batchState.statusCode() == 404 || batchState.bodyAsJsonObject().getLong("seq", 0L) == 0L,
            "batch events answered failed must not be applied: " + batchState.statusCode() + " "
                + batchState.bodyAsString());
        // And the node serves again: a socket gets its snapshot and live frames.
        try (WsClient ws = node.connect(node.token(before))) {
          assertEquals(1, ws.next().getLong("seq"));
          node.location(before, 52.51, 13.41);
          assertEquals(2, ws.next().getLong("seq"));
        }
      } finally {
        redis.thaw();
      }
    } finally {
      Await.result(vertx.close());
    }
  }

  private static int ready(TestNode node) {
    return node.request(HttpMethod.GET, "/health/ready", null, null, null).statusCode();
  }
}
