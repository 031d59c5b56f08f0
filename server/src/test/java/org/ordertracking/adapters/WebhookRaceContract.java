package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.Times;
import org.ordertracking.simulator.WebhookSender;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.TestNode;

/**
 * Issue 8, item 5, reproduced against a running server: Uber {@code pending}, then
 * {@code pickup_complete} (PICKED_UP) and {@code pickup} (COURIER_ASSIGNED) delivered at the same
 * time. When the forward-only rule was a read of the snapshot before the publish, both requests
 * read PLACED and a third of the trials ended at COURIER_ASSIGNED after PICKED_UP had been applied.
 * Run on each engine by the subclasses.
 */
abstract class WebhookRaceContract {
  static final String UBER_KEY = "race-uber-signing-key";
  private static final int BATCHES = 6;
  private static final int ORDERS_PER_BATCH = 10;

  private Vertx vertx;
  private TestNode node;
  private WebClient client;
  private WebhookSender uber;

  /** The server's environment without the webhook secrets ({@code TestNode.env(...)}). */
  protected abstract Map<String, String> env();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Map<String, String> env = new HashMap<>(env());
    env.put("TRACKING_WEBHOOK_SECRETS", "uber=" + UBER_KEY);
    node = TestNode.start(vertx, env);
    client = WebClient.create(vertx);
    uber = new WebhookSender(client, "http://127.0.0.1:" + node.port(), Map.of("uber", UBER_KEY));
  }

  @AfterEach
  void stop() {
    node.close();
    Await.result(vertx.close());
  }

  /** An Uber delivery status webhook for one of our orders. */
  static JsonObject uberStatus(String eventId, OrderId order, String status) {
    return new JsonObject()
        .put("kind", "event.delivery_status")
        .put("id", eventId)
        .put("status", status)
        .put("created", Times.format(Instant.now()))
        .put("data", new JsonObject().put("external_id", order.value()).put("status", status));
  }

  @Test
  void concurrentPickupWebhooksNeverLeaveAnOrderBehindPickedUp() {
    for (int batch = 0; batch < BATCHES; batch++) {
      List<OrderId> orders = new ArrayList<>();
      List<Future<Integer>> pending = new ArrayList<>();
      for (int i = 0; i < ORDERS_PER_BATCH; i++) {
        OrderId order = Ids.order();
        orders.add(order);
        pending.add(uber.send("uber", uberStatus("evt-pending-" + order, order, "pending")));
      }
      assertAllAnswered200(pending);
      List<Future<Integer>> both = new ArrayList<>();
      for (OrderId order : orders) {
        both.add(uber.send("uber", uberStatus("evt-picked-up-" + order, order, "pickup_complete")));
        both.add(uber.send("uber", uberStatus("evt-assigned-" + order, order, "pickup")));
      }
      assertAllAnswered200(both);
      for (OrderId order : orders) {
        assertEquals("PICKED_UP", node.get("/api/v1/orders/" + order).bodyAsJsonObject().getString("status"),
            "order " + order + " went back after it was picked up");
      }
    }
  }

  private static void assertAllAnswered200(List<Future<Integer>> sent) {
    Await.result(Future.all(sent));
    sent.forEach(f -> assertEquals(200, f.result()));
  }
}
