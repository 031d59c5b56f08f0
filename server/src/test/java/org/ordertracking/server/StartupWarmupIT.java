package org.ordertracking.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ports;
import org.ordertracking.testing.Scrape;
import org.ordertracking.testing.TestNode;

/**
 * A starting node says 503 {@code warming_up} until its warm-up is over, then 200 (TRACKING_WARMUP);
 * the warm-up opened real sockets to the node and closed them all.
 */
class StartupWarmupIT {

  @Test
  void readinessIs503WarmingUpUntilTheWarmupIsOverThen200() {
    Vertx vertx = Vertx.vertx();
    try {
      int port = Ports.free();
      Map<String, String> env = new HashMap<>(TestNode.env(null));
      env.put("TRACKING_PORT", Integer.toString(port));
      env.put("TRACKING_WARMUP", "3s"); // long enough to be seen; nothing below depends on its length
      Future<TrackingServer> starting = TrackingServer.start(vertx, env);
      HttpClient http = vertx.createHttpClient();

      Await.until(vertx, Duration.ofSeconds(10), "readiness answers 503 warming_up while warming up",
          () -> readiness(http, port).map(r -> r.equals("503 warming_up")).otherwise(false));
      // The gauge says what readiness says (it said 1 during the warm-up before stop 16).
      Await.until("tracking_node_ready is 0 while warming up", () -> Scrape.of(port).value("tracking_node_ready") == 0);
      TrackingServer server = Await.result(starting); // start() completes once the warm-up is over
      assertEquals("200 ready", Await.result(readiness(http, port)));
      assertEquals(1, Scrape.of(port).value("tracking_node_ready"));
      // The warm-up's own sockets (SocketWarmup): real upgrades that reached their snapshot and were
      // closed by their client, none left open.
      double connects = server.telemetry().registry().get("tracking.ws.connects").counter().count();
      assertTrue(connects > 0, "warm-up sockets were opened: " + connects);
      assertEquals(connects, server.telemetry().registry().get("tracking.ws.closes").tag("code", "1000")
          .counter().count(), "each closed normally by its client");
      Await.until("no warm-up socket is left open", () -> server.node().connections() == 0);
      Await.result(server.close());
    } finally {
      Await.result(vertx.close());
    }
  }

  private static Future<String> readiness(HttpClient http, int port) {
    return http.request(HttpMethod.GET, port, "127.0.0.1", "/health/ready")
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> {
          JsonObject body = b.toJsonObject();
          return resp.statusCode() + " " + body.getString(resp.statusCode() == 200 ? "status" : "reason");
        }));
  }
}
