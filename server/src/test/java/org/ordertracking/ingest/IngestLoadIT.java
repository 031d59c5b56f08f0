package org.ordertracking.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;

/**
 * Issue 8 #2 (ingest half): concurrent batches on the Redis engine. Without a bound, 8 batches of
 * 1000 events put 8000 publishes on a command pool whose wait queue holds 4096: thousands of
 * events were refused with pool errors and readiness turned 503 while Redis was healthy. With the
 * bound, a batch is either taken whole or refused whole with 503 and Retry-After, nothing of it
 * published, and the node stays ready.
 */
class IngestLoadIT {
  private static final int BATCHES = 8;
  private static final int EVENTS = 1000;

  @Test
  void concurrentBatchesAreTakenWholeOrRefusedWholeAndTheNodeStaysReady() {
    Vertx vertx = Vertx.vertx();
    Map<String, String> env = TestNode.env(RedisFixture.shared().url());
    env.put("TRACKING_INGEST_MAX_IN_FLIGHT", "1000");
    WebClient client = null;
    try (TestNode node = TestNode.start(vertx, env)) {
      client = WebClient.create(vertx,
          new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()),
          new PoolOptions().setHttp1MaxSize(BATCHES + 2));
      String run = Long.toString(System.nanoTime(), 36);
      List<JsonObject> batches = new ArrayList<>();
      for (int b = 0; b < BATCHES; b++) {
        batches.add(batch(run, b));
      }
      WebClient http = client;
      AtomicInteger readyChecks = new AtomicInteger();
      AtomicInteger notReady = new AtomicInteger();
      long probe = vertx.setPeriodic(25, id -> http.get("/health/ready").send().onSuccess(r -> {
        readyChecks.incrementAndGet();
        if (r.statusCode() != 200) {
          notReady.incrementAndGet();
        }
      }));

      List<Integer> pending = new ArrayList<>();
      for (int b = 0; b < BATCHES; b++) {
        pending.add(b);
      }
      int rounds = 0;
      int refusedWhole = 0;
      while (!pending.isEmpty()) {
        assertTrue(++rounds <= 50, "every batch gets through eventually");
        List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
        for (int b : pending) {
          sent.add(http.post("/api/v1/events").putHeader("Authorization", "Bearer " + TestNode.API_KEY)
              .putHeader("Content-Type", "application/json").sendJsonObject(batches.get(b)));
        }
        Await.result(Future.join(sent));
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
          int b = pending.get(i);
          HttpResponse<Buffer> res = sent.get(i).result();
          if (res.statusCode() == 503) {
            refusedWhole++;
            assertNotNull(res.getHeader("Retry-After"), "a busy answer says when to retry");
            assertTrue(res.bodyAsJsonObject().getString("error").contains("busy"), res.bodyAsString());
            assertEquals(404, node.get("/api/v1/orders/" + orderId(run, b, 0)).statusCode(),
                "nothing of a refused batch is published");
            again.add(b);
          } else {
            assertEquals(200, res.statusCode(), res.bodyAsString());
            JsonObject body = res.bodyAsJsonObject();
            assertEquals(0, body.getInteger("rejected"), "no event refused by the engine: " + firstError(body));
            assertEquals(EVENTS, body.getInteger("accepted"));
          }
        }
        pending = again;
      }
      vertx.cancelTimer(probe);
      System.out.println("ingest load: " + BATCHES + " batches of " + EVENTS + " in " + rounds + " rounds, "
          + refusedWhole + " busy answers, " + readyChecks.get() + " readiness checks, "
          + notReady.get() + " not ready");
      assertTrue(readyChecks.get() > 0);
      assertEquals(0, notReady.get(), "the node stayed ready under ingest load");
      for (int b = 0; b < BATCHES; b++) {
        JsonObject order = node.get("/api/v1/orders/" + orderId(run, b, EVENTS - 1)).bodyAsJsonObject();
        assertEquals(1, order.getInteger("seq"), "applied exactly once");
      }
    } finally {
      if (client != null) {
        client.close();
      }
      Await.result(vertx.close());
    }
  }

  private static String orderId(String run, int batch, int i) {
    return "load-" + run + "-" + batch + "-" + i;
  }

  /** One event for each of 1000 orders, so that the node publishes them all at once. */
  private static JsonObject batch(String run, int b) {
    JsonArray events = new JsonArray();
    for (int i = 0; i < EVENTS; i++) {
      events.add(new JsonObject().put("type", "location").put("orderId", orderId(run, b, i))
          .put("location", new JsonObject().put("lat", 52.5).put("lng", 13.4)));
    }
    return new JsonObject().put("events", events);
  }

  private static String firstError(JsonObject body) {
    for (Object r : body.getJsonArray("results")) {
      if (((JsonObject) r).containsKey("error")) {
        return ((JsonObject) r).getString("error");
      }
    }
    return "none";
  }
}
