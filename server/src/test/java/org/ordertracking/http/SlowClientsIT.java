package org.ordertracking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RawHttp;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/**
 * Issue 8 #4, slowloris: requests that never finish arriving are cut off, idle connections are
 * closed, a node holds a bounded number of HTTP connections (and per client, believing {@code
 * X-Forwarded-For} only from trusted proxies) — while tracking sockets live on untouched.
 */
class SlowClientsIT {
  private static final String LIVE = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";

  private Vertx vertx;
  private TestNode node;
  private final List<RawHttp> raw = new ArrayList<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    raw.forEach(RawHttp::close);
    if (node != null) {
      node.close();
    }
    Await.result(vertx.close());
  }

  private void start(Map<String, String> limits) {
    Map<String, String> env = TestNode.env(null);
    env.putAll(limits);
    node = TestNode.start(vertx, env);
  }

  private RawHttp open(String from) {
    RawHttp c = RawHttp.open(from, node.port());
    raw.add(c);
    return c;
  }

  private HttpGuard guard() {
    return node.server().httpGuard();
  }

  @Test
  void requestsThatNeverFinishArrivingAreClosedAfterTheHeaderTimeout() {
    start(Map.of("TRACKING_HTTP_HEADER_TIMEOUT", "1s"));
    RawHttp silent = open("127.0.0.1");
    RawHttp partialLine = open("127.0.0.1");
    partialLine.send("GET /health/li");
    RawHttp partialHeaders = open("127.0.0.1");
    partialHeaders.send("POST /webhooks/uber HTTP/1.1\r\nHost: x\r\nContent-Type: app");
    for (RawHttp c : List.of(silent, partialLine, partialHeaders)) {
      assertTrue(c.awaitClosed(Await.TIMEOUT), "a connection without a complete request is closed");
    }
    Await.until("their slots are free", () -> guard().openConnections() == 0);
    RawHttp good = open("127.0.0.1");
    good.send(LIVE);
    assertEquals(200, good.readResponse(Await.TIMEOUT).status());
  }

  @Test
  void aBodyThatStallsIsAnswered408AndTheConnectionClosed() {
    start(Map.of("TRACKING_HTTP_BODY_TIMEOUT", "1s"));
    OrderId id = Ids.order();
    RawHttp c = open("127.0.0.1");
    c.send("POST /api/v1/orders/" + id + "/location HTTP/1.1\r\nHost: x\r\n"
        + "Authorization: Bearer " + TestNode.API_KEY + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100\r\n\r\n{\"lat\":52.5,");
    RawHttp.Response res = c.readResponse(Await.TIMEOUT);
    assertNotNull(res, "answered");
    assertEquals(408, res.status(), res.body());
    assertTrue(new JsonObject(res.body()).getString("error").contains("did not arrive within 1 s"), res.body());
    assertTrue(c.awaitClosed(Await.TIMEOUT));
    assertEquals(404, node.get("/api/v1/orders/" + id).statusCode(), "nothing was published");
  }

  @Test
  void anIdleKeepAliveConnectionIsClosedAfterTheKeepAliveTimeout() {
    start(Map.of("TRACKING_HTTP_KEEP_ALIVE_TIMEOUT", "1s"));
    RawHttp c = open("127.0.0.1");
    c.send(LIVE);
    assertEquals(200, c.readResponse(Await.TIMEOUT).status());
    c.send(LIVE);
    assertEquals(200, c.readResponse(Await.TIMEOUT).status(), "kept alive between requests");
    assertTrue(c.awaitClosed(Await.TIMEOUT), "closed once idle");
  }

  @Test
  void trackingSocketsOutliveEveryHttpTimeout() {
    start(Map.of("TRACKING_HTTP_HEADER_TIMEOUT", "500ms", "TRACKING_HTTP_BODY_TIMEOUT", "500ms",
        "TRACKING_HTTP_KEEP_ALIVE_TIMEOUT", "500ms"));
    OrderId id = Ids.order();
    try (WsClient ws = node.connect(node.token(id))) {
      assertEquals("snapshot", ws.next().getString("type"));
      // Connections opened after the socket, closed by the timeouts: they have all run out.
      RawHttp idle = open("127.0.0.1");
      RawHttp keptAlive = open("127.0.0.1");
      keptAlive.send(LIVE);
      assertEquals(200, keptAlive.readResponse(Await.TIMEOUT).status());
      assertTrue(idle.awaitClosed(Await.TIMEOUT));
      assertTrue(keptAlive.awaitClosed(Await.TIMEOUT));
      node.location(id, 52.5, 13.4);
      assertEquals("location", ws.next().getString("type"), "the tracking socket still streams");
      assertFalse(ws.isClosed());
      Await.until("only the socket is left, and it is not an HTTP connection",
          () -> guard().openConnections() == 0);
      assertFalse(ws.isClosed());
    }
  }

  @Test
  void connectionsOverTheNodeCapAreClosedOnAcceptAndSocketsDoNotCount() {
    start(Map.of("TRACKING_HTTP_MAX_CONNECTIONS", "3", "TRACKING_HTTP_HEADER_TIMEOUT", "60s"));
    String token = node.token(Ids.order());
    List<WsClient> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        WsClient ws = node.connect(token);
        sockets.add(ws);
        assertEquals("snapshot", ws.next().getString("type"), "upgraded sockets leave the HTTP cap");
      }
      int base = guard().openConnections(); // the test client's pooled connection, if still open
      assertTrue(base <= 1, "sockets do not count: " + base);
      List<RawHttp> held = new ArrayList<>();
      while (guard().openConnections() < 3) {
        RawHttp c = open("127.0.0.1");
        c.send("GET /health/li");
        held.add(c);
        int n = held.size();
        Await.until("connection " + n + " is counted", () -> guard().openConnections() >= Math.min(3, n));
      }
      RawHttp over = open("127.0.0.1");
      assertTrue(over.awaitClosed(Await.TIMEOUT), "closed at once, long before the 60 s header timeout");
      held.forEach(RawHttp::close);
      Await.until("slots released", () -> guard().openConnections() <= base);
      RawHttp again = open("127.0.0.1");
      again.send(LIVE);
      assertEquals(200, again.readResponse(Await.TIMEOUT).status());
    } finally {
      sockets.forEach(WsClient::close);
    }
  }

  @Test
  void perClientCapCountsTheForwardedClientOnlyBehindATrustedProxy() {
    start(Map.of("TRACKING_HTTP_MAX_CONNECTIONS_PER_CLIENT", "2", "TRACKING_TRUSTED_PROXIES", "127.0.0.1/32",
        "TRACKING_HTTP_HEADER_TIMEOUT", "60s"));
    String viaProxy = "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 10.9.9.9, 198.51.100.7\r\n\r\n";
    for (int i = 0; i < 2; i++) {
      RawHttp c = open("127.0.0.1"); // the proxy
      c.send(viaProxy);
      assertEquals(200, c.readResponse(Await.TIMEOUT).status(), "client 198.51.100.7, connection " + i);
    }
    RawHttp third = open("127.0.0.1");
    third.send(viaProxy);
    RawHttp.Response refused = third.readResponse(Await.TIMEOUT);
    assertEquals(429, refused.status(), refused.body());
    assertTrue(new JsonObject(refused.body()).getString("error").contains("198.51.100.7"));
    assertTrue(third.awaitClosed(Await.TIMEOUT));

    RawHttp otherClient = open("127.0.0.1");
    otherClient.send(viaProxy.replace("198.51.100.7", "198.51.100.8"));
    assertEquals(200, otherClient.readResponse(Await.TIMEOUT).status(), "another client behind the proxy");

    // Not a trusted proxy: its X-Forwarded-For is ignored, it is counted as itself (at accept).
    for (int i = 0; i < 2; i++) {
      RawHttp direct = open("127.0.0.2");
      direct.send(viaProxy);
      assertEquals(200, direct.readResponse(Await.TIMEOUT).status(), "direct client, connection " + i);
    }
    assertTrue(open("127.0.0.2").awaitClosed(Await.TIMEOUT), "its third connection is closed on accept");
  }
}
