package org.ordertracking.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.auth.TokenService;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/**
 * The WebSocket contract (PROTOCOL §3) over real sockets against a started server; subclasses pick
 * the engine, and whether the deployment is one node or split by role.
 */
abstract class GatewayContract {
  protected Vertx vertx;
  protected TestNode node;

  protected abstract Map<String, String> env();

  /** One node with every role; a subclass may split the deployment. */
  protected TestNode startNode(Vertx vertx, Map<String, String> env) {
    return TestNode.start(vertx, env);
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    node = startNode(vertx, env());
  }

  @AfterEach
  void stop() {
    node.close();
    Await.result(vertx.close());
  }

  @Test
  void firstFrameIsTheSnapshotThenLiveFramesFollowInSeqOrder() {
    OrderId id = Ids.order();
    node.location(id, 52.52, 13.405);
    try (WsClient ws = node.connect(node.token(id))) {
      JsonObject snapshot = ws.next();
      assertEquals("snapshot", snapshot.getString("type"));
      assertEquals(id.value(), snapshot.getString("orderId"));
      assertEquals(1, snapshot.getLong("seq"));
      assertEquals(52.52, snapshot.getJsonObject("location").getDouble("lat"));
      assertNull(snapshot.getValue("status"));
      assertTrue(snapshot.containsKey("updatedAt"));

      node.location(id, 52.53, 13.41);
      JsonObject loc = ws.next();
      assertEquals("location", loc.getString("type"));
      assertEquals(2, loc.getLong("seq"));
      assertEquals("courierco", loc.getString("provider"));
      assertEquals(13.41, loc.getJsonObject("location").getDouble("lng"));

      node.status(id, "PICKED_UP");
      JsonObject st = ws.next();
      assertEquals("status", st.getString("type"));
      assertEquals(3, st.getLong("seq"));
      assertEquals("PICKED_UP", st.getString("status"));
      assertFalse(ws.isClosed());
    }
  }

  @Test
  void liveFramesCarryTheirAcceptanceTimeAndStatusesTheirReason() {
    OrderId id = Ids.order();
    try (WsClient ws = node.connect(node.token(id))) {
      ws.next();
      long before = System.currentTimeMillis();
      node.location(id, 52.5, 13.4);
      long ts = ws.next().getLong("ts");
      assertTrue(ts >= before && ts <= System.currentTimeMillis(), "ts " + ts + " is when the engine accepted it");

      var res = node.post("/api/v1/orders/" + id + "/status",
          new JsonObject().put("status", "CANCELLED").put("reason", "cancelled"));
      assertEquals(202, res.statusCode(), res.bodyAsString());
      JsonObject st = ws.next();
      assertEquals("cancelled", st.getString("reason"));
      assertTrue(st.getLong("ts") >= ts);
    }
    JsonObject snapshot = node.get("/api/v1/orders/" + id).bodyAsJsonObject();
    assertEquals("cancelled", snapshot.getString("reason"));
    assertFalse(snapshot.containsKey("ts"), "a snapshot is state, not a live frame");
  }

  @Test
  void anOrderNobodyPublishedForIsAnEmptySnapshot() {
    try (WsClient ws = node.connect(node.token(Ids.order()))) {
      JsonObject snapshot = ws.next();
      assertEquals(0, snapshot.getLong("seq"));
      assertTrue(snapshot.containsKey("status") && snapshot.getValue("status") == null);
      assertNull(snapshot.getValue("location"));
    }
  }

  @Test
  void terminalStatusIsSentThenTheSocketClosesWith1000() {
    OrderId id = Ids.order();
    try (WsClient ws = node.connect(node.token(id))) {
      ws.next();
      node.status(id, "DELIVERED");
      assertEquals("DELIVERED", ws.next().getString("status"));
      assertEquals(1000, ws.closeCode());
    }
  }

  @Test
  void aLaterConnectionGetsTheTerminalSnapshotThenIsClosedWith1000() {
    OrderId id = Ids.order();
    node.status(id, "CANCELLED");
    try (WsClient ws = node.connect(node.token(id))) {
      assertEquals("CANCELLED", ws.next().getString("status"));
      assertEquals(1000, ws.closeCode());
    }
  }

  @Test
  void pingIsAnsweredWithPongAndOtherFramesAreIgnored() {
    try (WsClient ws = node.connect(node.token(Ids.order()))) {
      ws.next();
      ws.send("{\"type\":\"hello\"}");
      ws.send("not json");
      ws.send("{\"type\":\"ping\"}");
      assertEquals(new JsonObject().put("type", "pong"), ws.next());
    }
  }

  @Test
  void aFrameOverOneKibCloses1009() {
    try (WsClient ws = node.connect(node.token(Ids.order()))) {
      ws.next();
      ws.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(1100) + "\"}");
      assertEquals(1009, ws.closeCode());
    }
  }

  @Test
  void aFloodingClientIsClosedWith1008() {
    try (WsClient ws = node.connect(node.token(Ids.order()))) {
      ws.next();
      for (int i = 0; i < 100; i++) {
        ws.send("{\"type\":\"ping\"}");
      }
      assertEquals(1008, ws.closeCode());
    }
  }

  @Test
  void whenTheTokenExpiresWhileConnectedTheSocketClosesWith4401() {
    OrderId id = Ids.order();
    String token = node.mint(id, new JsonObject().put("ttlSeconds", 1)).getString("token");
    try (WsClient ws = node.connect(token)) {
      assertEquals("snapshot", ws.next().getString("type"));
      assertEquals(4401, ws.closeCode());
    }
  }

  @Test
  void badTokensAreRefusedWith401BeforeAnyUpgrade() {
    OrderId id = Ids.order();
    String expired = new TokenService(List.of(TestNode.SECRET),
        Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC)).mint(id, Duration.ofHours(1));
    String otherSecret = new TokenService(List.of("another-secret-that-is-32-bytes-long!!"), Clock.systemUTC())
        .mint(id, Duration.ofHours(1));
    assertEquals(401, WsClient.refusal(vertx, node.port(), null));
    assertEquals(401, WsClient.refusal(vertx, node.port(), expired));
    assertEquals(401, WsClient.refusal(vertx, node.port(), otherSecret));
    assertEquals(401, WsClient.refusal(vertx, node.port(), "not.a.jwt"));

    var res = node.request(HttpMethod.GET, "/ws/track?token=" + expired, null, null, null);
    assertEquals(401, res.statusCode());
    assertEquals("token expired", res.bodyAsJsonObject().getString("error"));
  }

  @Test
  void aPlainGetWithAValidTokenAsksForTheUpgrade() {
    var res = node.request(HttpMethod.GET, "/ws/track?token=" + node.token(Ids.order()), null, null, null);
    assertEquals(426, res.statusCode());
    assertTrue(res.bodyAsJsonObject().containsKey("error"));
  }

  @Test
  void drainingClosesSocketsWith1012AndRefusesNewOnesWith503() {
    OrderId id = Ids.order();
    String token = node.token(id);
    try (WsClient a = node.connect(token); WsClient b = node.connect(token)) {
      a.next();
      b.next();
      Await.result(node.server().drain(Duration.ofMillis(300)));
      assertEquals(1012, a.closeCode());
      assertEquals(1012, b.closeCode());
    }
    assertEquals(503, WsClient.refusal(vertx, node.port(), token));
    var ready = node.request(HttpMethod.GET, "/health/ready", null, null, null);
    assertEquals(503, ready.statusCode());
    assertEquals("draining", ready.bodyAsJsonObject().getString("reason"));
    assertEquals(200, node.request(HttpMethod.GET, "/health/live", null, null, null).statusCode());
  }

  @Test
  void manySocketsOnOneOrderAllReceiveEveryFrame() {
    OrderId id = Ids.order();
    String token = node.token(id);
    WsClient[] clients = new WsClient[20];
    try {
      for (int i = 0; i < clients.length; i++) {
        clients[i] = node.connect(token);
        assertEquals("snapshot", clients[i].next().getString("type"));
      }
      node.location(id, 52.5, 13.4);
      for (WsClient c : clients) {
        JsonObject f = c.next();
        assertEquals(1, f.getLong("seq"));
      }
    } finally {
      for (WsClient c : clients) {
        if (c != null) {
          c.close();
        }
      }
    }
  }

  @Test
  void readinessIsUpWhileServing() {
    var ready = node.request(HttpMethod.GET, "/health/ready", null, null, null);
    assertEquals(200, ready.statusCode());
    assertEquals("application/json", ready.getHeader("Content-Type"));
  }

  static Buffer json(JsonObject o) {
    return Buffer.buffer(o.encode());
  }
}
