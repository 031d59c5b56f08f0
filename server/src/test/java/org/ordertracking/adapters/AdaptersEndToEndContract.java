package org.ordertracking.adapters;

import org.ordertracking.testing.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.simulator.ProviderSimulator;
import org.ordertracking.simulator.SimulatorConfig;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/**
 * End to end, for each provider: the simulator drives a courier and reports it the provider's
 * way (signed webhooks, or status webhooks plus the polled location resource) to a real server,
 * whose adapter publishes to the engine, and a WebSocket watcher sees the courier move and the
 * delivery finish. Run on each engine by the subclasses.
 */
abstract class AdaptersEndToEndContract {
  private static final Map<String, String> SECRETS =
      Map.of("uber", "e2e-uber-key", "doordash", "Bearer e2e-doordash", "deliveroo", "e2e-roo-key");

  private Vertx vertx;
  private ProviderSimulator sim;
  private TestNode node;

  /** The server's environment without the adapters' variables ({@code TestNode.env(...)}). */
  protected abstract Map<String, String> env();

  /** One node with every role; a subclass may split the deployment. */
  protected TestNode startNode(Vertx vertx, Map<String, String> env) {
    return TestNode.start(vertx, env);
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    sim =
        Await.result(
            ProviderSimulator.start(
                vertx,
                new SimulatorConfig(
                    null, SECRETS, 0, SimulatorConfig.ALL_PROVIDERS, Duration.ofMillis(50), 100,
                    "127.0.0.1", 0, "e2e-api-token")));
    Map<String, String> env = new java.util.HashMap<>(env());
    env.put("TRACKING_WEBHOOK_SECRETS", "uber=e2e-uber-key,doordash=Bearer e2e-doordash,deliveroo=e2e-roo-key");
    env.put("TRACKING_DELIVEROO_API_URL", sim.deliverooApiUrl());
    env.put("TRACKING_DELIVEROO_API_TOKEN", "e2e-api-token");
    env.put("TRACKING_DELIVEROO_POLL_INTERVAL", "150ms");
    node = startNode(vertx, env);
    Await.result(sim.target("http://127.0.0.1:" + node.ingestPort()));
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    Await.result(sim.close());
    Await.result(vertx.close());
  }

  @Test
  void uberCourierIsSeenMovingUntilDelivered() {
    watchDelivery("uber");
  }

  @Test
  void doorDashCourierIsSeenMovingUntilDelivered() {
    watchDelivery("doordash");
  }

  @Test
  void deliverooCourierIsSeenMovingThroughPollingUntilDelivered() {
    watchDelivery("deliveroo");
  }

  private void watchDelivery(String provider) {
    OrderId order = Ids.order();
    try (WsClient ws = node.connect(node.token(order))) {
      JsonObject snapshot = ws.next();
      assertEquals("snapshot", snapshot.getString("type"));
      Await.result(sim.startDelivery(provider, order.value()));

      Set<String> positions = new HashSet<>();
      List<String> statuses = new java.util.ArrayList<>();
      long lastSeq = snapshot.getLong("seq");
      while (!statuses.contains("DELIVERED")) {
        JsonObject frame = ws.next();
        assertTrue(frame.getLong("seq") > lastSeq, "seq increases: " + frame);
        lastSeq = frame.getLong("seq");
        if ("location".equals(frame.getString("type"))) {
          assertEquals(provider, frame.getString("provider"));
          JsonObject loc = frame.getJsonObject("location");
          positions.add(loc.getDouble("lat") + "," + loc.getDouble("lng"));
        } else if ("status".equals(frame.getString("type"))) {
          statuses.add(frame.getString("status"));
        }
      }
      assertTrue(positions.size() >= 2, provider + " courier did not move: " + positions);
      assertEquals(List.of("COURIER_ASSIGNED", "PICKED_UP", "NEARBY", "DELIVERED"), statuses);
      assertEquals(1000, ws.closeCode());
    }
  }
}
