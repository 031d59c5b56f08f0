package org.ordertracking.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/** Each role alone on a node of its own: it serves its routes and answers 404 for the others. */
class RolesIT {
  private Vertx vertx;
  private WebClient http;
  private TrackingServer gateway;
  private TrackingServer ingest;
  private TrackingServer adapters;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
    gateway = node("gateway");
    ingest = node("ingest");
    adapters = node("adapters");
  }

  @AfterEach
  void stop() {
    for (TrackingServer s : new TrackingServer[] {gateway, ingest, adapters}) {
      Await.result(s.close());
    }
    Await.result(vertx.close());
  }

  private TrackingServer node(String roles) {
    Map<String, String> env = new HashMap<>(TestNode.env(RedisFixture.shared().url()));
    env.put("TRACKING_ROLES", roles);
    env.put("TRACKING_WEBHOOK_SECRETS", "uber=roles-uber-key");
    return Await.result(TrackingServer.start(vertx, env));
  }

  private int status(TrackingServer node, HttpMethod method, String path, String key) {
    var req = http.request(method, node.port(), "127.0.0.1", path).putHeader("Content-Type", "application/json");
    if (key != null) {
      req.putHeader("Authorization", "Bearer " + key);
    }
    return Await.result(req.sendBuffer(Buffer.buffer("{\"lat\":52.5,\"lng\":13.4}"))).statusCode();
  }

  private String mint(TrackingServer node, OrderId order) {
    var res = Await.result(http.post(node.port(), "127.0.0.1", "/api/v1/orders/" + order + "/tracking-links")
        .putHeader("Authorization", "Bearer " + TestNode.ADMIN_KEY).send());
    assertEquals(201, res.statusCode(), res.bodyAsString());
    return res.bodyAsJsonObject().getString("token");
  }

  @Test
  void aGatewayOnlyNodeRefusesIngestRoutesAndServesSockets() {
    OrderId order = Ids.order();
    assertEquals(404, status(gateway, HttpMethod.POST, "/api/v1/orders/" + order + "/location", TestNode.API_KEY));
    assertEquals(404, status(gateway, HttpMethod.POST, "/api/v1/events", TestNode.API_KEY));
    assertEquals(404, status(gateway, HttpMethod.GET, "/api/v1/orders/" + order, TestNode.API_KEY));
    assertEquals(404, status(gateway, HttpMethod.POST, "/api/v1/orders/" + order + "/tracking-links", TestNode.ADMIN_KEY));
    assertEquals(404, status(gateway, HttpMethod.POST, "/webhooks/uber", null));

    String token = mint(ingest, order);
    assertEquals(200, status(gateway, HttpMethod.GET, "/track/" + token, null));
    try (WsClient ws = WsClient.connect(vertx, gateway.port(), token)) {
      assertEquals("snapshot", ws.next().getString("type"));
      assertEquals(202, status(ingest, HttpMethod.POST, "/api/v1/orders/" + order + "/location", TestNode.API_KEY));
      JsonObject frame = ws.next();
      assertEquals("location", frame.getString("type"));
    }
  }

  @Test
  void anIngestOnlyNodeRefusesSocketsAndThePage() {
    String token = mint(ingest, Ids.order());
    assertEquals(404, WsClient.refusal(vertx, ingest.port(), token));
    assertEquals(404, status(ingest, HttpMethod.GET, "/track/" + token, null));
  }

  @Test
  void anAdaptersOnlyNodeServesNothingButHealth() {
    String token = mint(ingest, Ids.order());
    assertEquals(404, WsClient.refusal(vertx, adapters.port(), token));
    assertEquals(404, status(adapters, HttpMethod.POST, "/api/v1/orders/o1/location", TestNode.API_KEY));
    assertEquals(404, status(adapters, HttpMethod.POST, "/webhooks/uber", null));
    assertEquals(404, status(adapters, HttpMethod.GET, "/track/" + token, null));
    for (TrackingServer node : new TrackingServer[] {gateway, ingest, adapters}) {
      assertEquals(200, status(node, HttpMethod.GET, "/health/live", null));
      Await.until("ready", () -> status(node, HttpMethod.GET, "/health/ready", null) == 200);
    }
  }
}
