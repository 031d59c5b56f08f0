package org.ordertracking.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/**
 * The courier is a person (issue 8, privacy): once an order is finished, where its courier was last
 * is no longer served by any door of a running node, on either engine: not by the API's order read,
 * not by the snapshot a newly opened tracking page receives, and no later position gets in.
 */
class FinishedOrderPrivacyIT {

  @Test
  void memoryEngine() {
    check(null);
  }

  @Test
  void redisEngine() {
    check(RedisFixture.shared().url());
  }

  private static void check(String redisUrl) {
    Vertx vertx = Vertx.vertx();
    try (TestNode node = TestNode.start(vertx, TestNode.env(redisUrl))) {
      OrderId id = Ids.order();
      node.location(id, 52.52, 13.405);
      JsonObject live = node.get("/api/v1/orders/" + id).bodyAsJsonObject();
      assertTrue(live.getJsonObject("location") != null, "served while under way: " + live.encode());

      assertEquals(202, node.post("/api/v1/orders/" + id + "/status",
          new JsonObject().put("status", "DELIVERED")).statusCode());

      JsonObject read = node.get("/api/v1/orders/" + id).bodyAsJsonObject();
      assertEquals("DELIVERED", read.getString("status"));
      assertTrue(read.containsKey("location") && read.getValue("location") == null, read.encode());

      try (WsClient ws = node.connect(node.token(id))) {
        JsonObject snapshot = ws.next();
        assertEquals("snapshot", snapshot.getString("type"));
        assertEquals("DELIVERED", snapshot.getString("status"));
        assertTrue(snapshot.containsKey("location") && snapshot.getValue("location") == null, snapshot.encode());
      }

      var late = node.post("/api/v1/orders/" + id + "/location",
          new JsonObject().put("lat", 52.6).put("lng", 13.5));
      assertEquals(409, late.statusCode(), late.bodyAsString());
      assertEquals(null, node.get("/api/v1/orders/" + id).bodyAsJsonObject().getValue("location"));
    } finally {
      Await.result(vertx.close());
    }
  }
}
