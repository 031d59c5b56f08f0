package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.Times;
import org.ordertracking.ops.metrics.Telemetry;
import org.ordertracking.server.TrackingServer;
import org.ordertracking.simulator.WebhookSender;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.Scrape;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/**
 * {@code GET /metrics} of a node started as {@code Main} starts it (Vert.x built with the node's
 * registry), driven with real traffic: a WebSocket, ingest publishes, signed and forged webhooks,
 * a refused upgrade. The counters must move by what was done; subclasses pick the engine.
 */
abstract class MetricsContract {
  static final String UBER_SECRET = "uber-signing-key-for-metrics";

  protected Vertx vertx;
  protected TestNode node;

  protected abstract Map<String, String> env();

  @BeforeEach
  void start() {
    Map<String, String> env = new java.util.HashMap<>(env());
    env.put("TRACKING_WEBHOOK_SECRETS", "uber=" + UBER_SECRET);
    TrackingConfig config = TrackingConfig.fromEnv(env);
    Telemetry telemetry = Telemetry.create(config);
    vertx = telemetry.newVertx();
    node = TestNode.of(vertx, Await.result(TrackingServer.start(vertx, config, Clock.systemUTC(), telemetry)));
    Await.until("the node is ready", () -> Scrape.of(node.port()).value("tracking_node_ready") == 1);
  }

  @AfterEach
  void stop() {
    node.close();
    Await.result(vertx.close());
  }

  @Test
  void everySeriesIsThereBeforeAnyTraffic() {
    Scrape s = Scrape.of(node.port());
    assertEquals(200, s.status());
    assertTrue(s.contentType().startsWith("text/plain"), s.contentType());
    for (String name : new String[] {"tracking_ws_connects_total", "tracking_ws_closes_total",
        "tracking_ws_refusals_total", "tracking_frames_delivered_total", "tracking_locations_conflated_total",
        "tracking_delivery_latency_seconds_bucket", "tracking_ingest_events_total", "tracking_webhook_requests_total",
        "tracking_poll_requests_total", "tracking_engine_reconnects_total", "tracking_redis_command_duration_seconds_bucket",
        "tracking_sockets_open", "tracking_sockets_limit", "tracking_orders_watched", "tracking_node_ready",
        "jvm_memory_used_bytes", "jvm_gc_overhead", "process_files_open_files",
        "netty_eventexecutor_tasks_pending", "vertx_http_server_active_connections"}) {
      assertTrue(s.names().contains(name), name + " is in the scrape: " + s.names());
    }
    assertEquals(0, s.value("tracking_ws_closes_total{code=\"1013\"}"));
    assertEquals(1, s.value("tracking_node_ready"));
  }

  @Test
  void countersMoveWithRealTraffic() {
    Scrape before = Scrape.of(node.port());
    OrderId id = Ids.order();
    try (WsClient ws = node.connect(node.token(id))) {
      ws.next(); // snapshot
      node.location(id, 52.52, 13.405);
      ws.next();
      node.location(id, 52.53, 13.41);
      ws.next();
      assertEquals(401, WsClient.refusal(vertx, node.port(), "not-a-token"));
      WebhookSender sender = new WebhookSender(WebClient.create(vertx), "http://127.0.0.1:" + node.ingestPort(),
          Map.of("uber", UBER_SECRET));
      assertEquals(200, Await.result(sender.send("uber", courierUpdate(Ids.order().value()))));
      WebhookSender forger = new WebhookSender(WebClient.create(vertx), "http://127.0.0.1:" + node.ingestPort(),
          Map.of("uber", "not-the-secret"));
      assertEquals(401, Await.result(forger.send("uber", courierUpdate(Ids.order().value()))));

      Scrape during = Scrape.of(node.port());
      assertEquals(1, during.value("tracking_sockets_open"));
      assertTrue(during.value("tracking_orders_watched") >= 1, "the watched order is counted");
      assertDelta(1, before, during, "tracking_ws_connects_total");
      assertDelta(2, before, during, "tracking_frames_delivered_total");
      assertDelta(2, before, during, "tracking_delivery_latency_seconds_count");
      assertDelta(2, before, during, "tracking_ingest_events_total{provider=\"courierco\",result=\"applied\"}");
      assertDelta(1, before, during, "tracking_ingest_events_total{provider=\"uber\",result=\"applied\"}");
      assertDelta(1, before, during, "tracking_webhook_requests_total{provider=\"uber\",result=\"accepted\"}");
      assertDelta(1, before, during, "tracking_webhook_requests_total{provider=\"uber\",result=\"unauthorized\"}");
      assertDelta(1, before, during, "tracking_ws_refusals_total{code=\"401\"}");
      // Vert.x's own HTTP metrics label by route pattern and status: the refused upgrade is there.
      assertTrue(during.sum("vertx_http_server_requests_total", "code=\"401\"", "/ws/track") >= 1,
          "Vert.x counts the refused upgrade by route and code");
      assertTrue(during.samples().keySet().stream().noneMatch(k -> k.contains(id.value())),
          "no order id in any label");
      engineSpecific(before, during);
    }
    Await.until("the closed socket leaves the gauge", () -> Scrape.of(node.port()).value("tracking_sockets_open") == 0);
  }

  @Test
  void closesAreCountedByCode() {
    Scrape before = Scrape.of(node.port());
    OrderId id = Ids.order();
    try (WsClient ws = node.connect(node.token(id))) {
      ws.next(); // snapshot
    } // the client closes normally: 1000
    Await.until("the client's 1000 is counted", () -> closes(Scrape.of(node.port()), "1000") - closes(before, "1000") == 1);

    String shortLived = node.mint(Ids.order(), new JsonObject().put("ttlSeconds", 1)).getString("token");
    try (WsClient ws = node.connect(shortLived)) {
      ws.next();
      assertEquals(4401, ws.closeCode(), "the server closes an expired token");
    }
    Await.until("the server's 4401 is counted", () -> closes(Scrape.of(node.port()), "4401") - closes(before, "4401") == 1);
    Scrape after = Scrape.of(node.port());
    assertEquals(2, after.sum("tracking_ws_closes_total") - before.sum("tracking_ws_closes_total"),
        "each socket counted once, under its own code");
    assertEquals(0, after.value("tracking_sockets_open"));
  }

  static double closes(Scrape s, String code) {
    return s.sum("tracking_ws_closes_total", "code=\"" + code + "\"");
  }

  /** What only this engine shows. */
  protected void engineSpecific(Scrape before, Scrape during) {}

  static void assertDelta(double expected, Scrape before, Scrape after, String series) {
    assertEquals(expected, after.value(series) - before.value(series), series);
  }

  /** A signed-webhook body: Uber's courier update for {@code order} (LogsIT sends it too). */
  static JsonObject courierUpdate(String order) {
    return new JsonObject()
        .put("kind", "event.courier_update")
        .put("id", "evt-" + order)
        .put("delivery_id", "del-" + order)
        .put("created", Times.format(Instant.now()))
        .put("data", new JsonObject().put("external_id", order)
            .put("courier", new JsonObject().put("location", new JsonObject().put("lat", 52.5).put("lng", 13.4))));
  }
}
