package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.simulator.PollLog;
import org.ordertracking.simulator.ProviderSimulator;
import org.ordertracking.simulator.Scenario;
import org.ordertracking.simulator.SimulatorConfig;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/**
 * End to end, for each provider: the simulator drives a courier and reports it in the provider's
 * documented shapes (signed webhooks; for Deliveroo, Signature callbacks plus the location resource
 * behind OAuth2) to a real server, whose adapter publishes to the engine, and a WebSocket watcher
 * sees the courier move and the delivery end: delivered, or failed at the door. Run on each engine
 * by the subclasses.
 */
abstract class AdaptersEndToEndContract {
  private static final String ONFLEET_SECRET = "5e1f0c2a9b8d7e6f5e1f0c2a9b8d7e6f";
  private static final Map<String, String> SECRETS =
      Map.of("uber", "e2e-uber-key", "doordash", "Bearer e2e-doordash", "deliveroo", "e2e-roo-key",
          "onfleet", ONFLEET_SECRET);

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
    // Tokens live one second, so every Deliveroo delivery sees its token refreshed.
    sim = Await.result(ProviderSimulator.start(vertx,
        SimulatorConfig.of(null, SECRETS, 0, SimulatorConfig.ALL_PROVIDERS, Duration.ofMillis(50), 100,
            "127.0.0.1", 0, "e2e-client", "e2e-client-secret").withTokenTtl(Duration.ofSeconds(1))));
    Map<String, String> env = new HashMap<>(env());
    // The uber secret is rotated: the old key is still accepted, the simulator signs with the new.
    env.put("TRACKING_WEBHOOK_SECRETS", "uber=retired-key|e2e-uber-key,doordash=Bearer e2e-doordash,"
        + "deliveroo=e2e-roo-key,onfleet=" + ONFLEET_SECRET);
    env.put("TRACKING_DELIVEROO_API_URL", sim.deliverooApiUrl());
    env.put("TRACKING_DELIVEROO_AUTH_URL", sim.deliverooTokenUrl());
    env.put("TRACKING_DELIVEROO_CLIENT_ID", "e2e-client");
    env.put("TRACKING_DELIVEROO_CLIENT_SECRET", "e2e-client-secret");
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
    Watched w = watch("uber", Scenario.DELIVERED);
    assertMoved(w);
    assertEquals(List.of("COURIER_ASSIGNED", "PICKED_UP", "NEARBY", "DELIVERED"), w.statuses);
    assertTrue(w.courier.containsKey("photoUrl"), "Uber's courier photo reaches the page: " + w.courier);
  }

  @Test
  void doorDashCourierIsSeenMovingUntilDelivered() {
    Watched w = watch("doordash", Scenario.DELIVERED);
    assertMoved(w);
    assertEquals(List.of("COURIER_ASSIGNED", "PICKED_UP", "NEARBY", "DELIVERED"), w.statuses);
  }

  @Test
  void deliverooRiderIsSeenMovingThroughPollingWithItsTokenRefreshed() {
    Watched w = watch("deliveroo", Scenario.DELIVERED);
    assertMoved(w);
    assertEquals(List.of("COURIER_ASSIGNED", "PICKED_UP", "NEARBY", "DELIVERED"), w.statuses);
    assertTrue(Await.result(sim.tokensIssued()) >= 2, "the access token was never refreshed");
    assertTrue(sim.pollLog().entries().stream().noneMatch(e -> e.status() == 401),
        "a poll went out without a valid token");
  }

  @Test
  void onfleetTaskIsFollowedUntilDelivered() {
    Watched w = watch("onfleet", Scenario.DELIVERED);
    assertEquals(List.of("COURIER_ASSIGNED", "PICKED_UP", "NEARBY", "DELIVERED"), w.statuses);
  }

  @Test
  void everyProvidersFailedDeliveryEndsTheTrackingAsCancelled() {
    // All four at once: each socket's frames wait in its client until read.
    List<Watching> all = SimulatorConfig.ALL_PROVIDERS.stream().map(p -> startWatching(p, Scenario.FAILED)).toList();
    for (Watching watching : all) {
      Watched w = finish(watching);
      assertEquals("CANCELLED", w.statuses.get(w.statuses.size() - 1), watching.provider + ": " + w.statuses);
      assertTrue(!w.statuses.contains("DELIVERED"), watching.provider + ": " + w.statuses);
    }
  }

  @Test
  void everyProvidersReassignedCourierReachesThePage() {
    List<Watching> all =
        SimulatorConfig.ALL_PROVIDERS.stream().map(p -> startWatching(p, Scenario.REASSIGNED)).toList();
    for (Watching watching : all) {
      Watched w = finish(watching);
      String what = watching.provider + ": " + w.statuses + " " + w.couriers;
      assertEquals("DELIVERED", w.statuses.get(w.statuses.size() - 1), what);
      // Onfleet's task webhooks name the worker by id only: there is no card to change.
      if (!watching.provider.equals("onfleet")) {
        assertTrue(w.couriers.size() >= 2 && !w.couriers.get(0).equals(w.couriers.get(w.couriers.size() - 1)),
            "the courier card changed to the new courier: " + what);
      }
      if (!watching.provider.equals("uber")) {
        // An explicit unassignment (Uber has none) steps the timeline back until the new courier.
        int placed = w.statuses.indexOf("PLACED");
        assertTrue(placed > 0 && w.statuses.subList(placed, w.statuses.size()).contains("COURIER_ASSIGNED"), what);
      }
    }
  }

  @Test
  void anUberDeliveryWithoutExternalIdIsFollowedThroughItsDeliveryLink() {
    OrderId order = Ids.order();
    String deliveryId = "del_" + order.value().replace('-', '_') + "_linked";
    var linked = node.post("/api/v1/orders/" + order + "/deliveries",
        new JsonObject().put("provider", "uber").put("deliveryId", deliveryId));
    assertEquals(201, linked.statusCode(), linked.bodyAsString());
    WsClient ws = node.connect(node.token(order));
    JsonObject snapshot = ws.next();
    Await.result(sim.startUnreferencedDelivery("uber", order.value(), deliveryId, Scenario.DELIVERED));
    Watched w = finish(new Watching("uber", ws, snapshot.getLong("seq")));
    assertMoved(w);
    assertEquals(List.of("COURIER_ASSIGNED", "PICKED_UP", "NEARBY", "DELIVERED"), w.statuses);
  }

  @Test
  void aDeliverooOrderKnownOnlyThroughItsDeliveryLinkIsPolledByDeliveroosId() {
    OrderId order = Ids.order();
    // Deliveroo's own id for an order placed on its side: not one of ours, so only the link tells.
    String deliverooId = "gb:" + order.value().substring(2) + ":roo";
    var linked = node.post("/api/v1/orders/" + order + "/deliveries",
        new JsonObject().put("provider", "deliveroo").put("deliveryId", deliverooId));
    assertEquals(201, linked.statusCode(), linked.bodyAsString());
    WsClient ws = node.connect(node.token(order));
    JsonObject snapshot = ws.next();
    Await.result(sim.startUnreferencedDelivery("deliveroo", order.value(), deliverooId, Scenario.DELIVERED));
    Watched w = finish(new Watching("deliveroo", ws, snapshot.getLong("seq")));
    assertMoved(w); // positions come from polling only: the callbacks carry none
    assertEquals(List.of("COURIER_ASSIGNED", "PICKED_UP", "NEARBY", "DELIVERED"), w.statuses);
    List<PollLog.Entry> polls = sim.pollLog().forOrder(deliverooId);
    assertTrue(polls.stream().anyMatch(e -> e.status() == 200), "Deliveroo's id was polled: " + polls);
    assertTrue(sim.pollLog().forOrder(order.value()).isEmpty(), "Deliveroo was asked for our id");
  }

  @Test
  void anOrderRelinkedFromUberToDoorDashKeepsItsSocketAndSeqStream() {
    OrderId order = Ids.order();
    String uberDelivery = "del_" + order.value().replace('-', '_') + "_first";
    assertEquals(201, node.post("/api/v1/orders/" + order + "/deliveries",
        new JsonObject().put("provider", "uber").put("deliveryId", uberDelivery)).statusCode());
    try (WsClient ws = node.connect(node.token(order))) {
      long lastSeq = ws.next().getLong("seq");
      Await.result(sim.startUnreferencedDelivery("uber", order.value(), uberDelivery, Scenario.DELIVERED));
      Set<String> providers = new HashSet<>();
      List<String> couriers = new ArrayList<>();
      String status = null;
      boolean switched = false;
      while (!"DELIVERED".equals(status)) {
        JsonObject frame = ws.next();
        assertTrue(frame.getLong("seq") > lastSeq, "one seq stream across both deliveries: " + frame);
        lastSeq = frame.getLong("seq");
        if ("location".equals(frame.getString("type"))) {
          providers.add(frame.getString("provider"));
        } else if ("status".equals(frame.getString("type"))) {
          status = frame.getString("status");
          JsonObject courier = frame.getJsonObject("courier");
          if (courier != null && (couriers.isEmpty() || !couriers.get(couriers.size() - 1).equals(courier.getString("name")))) {
            couriers.add(courier.getString("name"));
          }
        }
        if (!switched && providers.contains("uber")) {
          // The Uber courier is on the way: the shop moves the order to DoorDash (whose payloads
          // carry the order id as external_delivery_id, linked explicitly all the same).
          switched = true;
          assertEquals(201, node.post("/api/v1/orders/" + order + "/deliveries",
              new JsonObject().put("provider", "doordash").put("deliveryId", order.value())).statusCode());
          Await.result(sim.startDelivery("doordash", order.value(), Scenario.DELIVERED));
        }
      }
      assertEquals(1000, ws.closeCode());
      assertEquals(Set.of("uber", "doordash"), providers, "positions from both fleets on one socket");
      assertTrue(couriers.size() >= 2, "the card moved to the DoorDash courier: " + couriers);
    }
  }

  @Test
  void anUnlinkedDeliveryIsAcknowledgedAndCountedAndPublishesNothing() {
    OrderId order = Ids.order();
    long before = sim.webhooksAnswered("unlinked");
    Await.result(sim.startUnreferencedDelivery("uber", order.value(), "del_nobody_" + order.value(), Scenario.DELIVERED));
    // The assignment, then positions: every one answered 200 "unlinked" (Uber would retry a 400).
    Await.until("webhooks answered unlinked", () -> sim.webhooksAnswered("unlinked") - before >= 4);
    assertEquals(0, sim.webhooksRefused(), "no webhook was refused");
    assertEquals(404, node.get("/api/v1/orders/" + order).statusCode(), "nothing was published for the order");
  }

  @Test
  void deliverooPollingSurvivesARevokedTokenByRefreshingOnce() {
    Watching watching = startWatching("deliveroo", Scenario.DELIVERED);
    Await.until("the poller has polled", () -> sim.pollLog().forOrder(orderOf(watching)).stream()
        .anyMatch(e -> e.status() == 200));
    int tokens = Await.result(sim.tokensIssued());
    sim.faults().revokeTokens();
    Watched w = finish(watching);
    assertEquals(List.of("COURIER_ASSIGNED", "PICKED_UP", "NEARBY", "DELIVERED"), w.statuses);
    List<PollLog.Entry> polls = sim.pollLog().entries();
    int refused = -1;
    for (int i = 0; i < polls.size(); i++) {
      if (polls.get(i).status() == 401) {
        refused = i;
        break;
      }
    }
    assertTrue(refused >= 0, "the revoked token was refused once: " + polls);
    assertTrue(polls.subList(refused + 1, polls.size()).stream().anyMatch(e -> e.status() == 200),
        "polling went on after the refusal");
    assertEquals(1, polls.stream().filter(e -> e.status() == 401).count(), "one refusal, one refresh: " + polls);
    assertTrue(Await.result(sim.tokensIssued()) > tokens, "a new token was fetched");
  }

  private final Map<WsClient, String> orders = new HashMap<>();

  private String orderOf(Watching watching) {
    return orders.get(watching.ws);
  }

  private record Watched(Set<String> positions, List<String> statuses, JsonObject courier, List<String> couriers) {}

  private record Watching(String provider, WsClient ws, long firstSeq) {}

  /** Watches one delivery from its first frame to the socket's close (the terminal status). */
  private Watched watch(String provider, Scenario scenario) {
    return finish(startWatching(provider, scenario));
  }

  /** Connects a watcher to a new order, then starts its delivery. */
  private Watching startWatching(String provider, Scenario scenario) {
    OrderId order = Ids.order();
    WsClient ws = node.connect(node.token(order));
    JsonObject snapshot = ws.next();
    assertEquals("snapshot", snapshot.getString("type"));
    orders.put(ws, order.value());
    Await.result(sim.startDelivery(provider, order.value(), scenario));
    return new Watching(provider, ws, snapshot.getLong("seq"));
  }

  /** Reads a watcher's frames up to the terminal status and the close. */
  private static Watched finish(Watching watching) {
    try (WsClient ws = watching.ws) {
      Set<String> positions = new HashSet<>();
      List<String> statuses = new ArrayList<>();
      JsonObject courier = null;
      List<String> couriers = new ArrayList<>();
      long lastSeq = watching.firstSeq;
      while (statuses.isEmpty() || !Set.of("DELIVERED", "CANCELLED").contains(statuses.get(statuses.size() - 1))) {
        JsonObject frame = ws.next();
        assertTrue(frame.getLong("seq") > lastSeq, "seq increases: " + frame);
        lastSeq = frame.getLong("seq");
        if ("location".equals(frame.getString("type"))) {
          assertEquals(watching.provider, frame.getString("provider"));
          JsonObject loc = frame.getJsonObject("location");
          positions.add(loc.getDouble("lat") + "," + loc.getDouble("lng"));
        } else if ("status".equals(frame.getString("type"))) {
          String status = frame.getString("status");
          // A provider may repeat a status with news (a fresh ETA): the timeline counts it once.
          if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
            statuses.add(status);
          }
          if (frame.getJsonObject("courier") != null) {
            courier = frame.getJsonObject("courier");
            String name = courier.getString("name");
            if (couriers.isEmpty() || !couriers.get(couriers.size() - 1).equals(name)) {
              couriers.add(name);
            }
          }
        }
      }
      assertEquals(1000, ws.closeCode());
      return new Watched(positions, statuses, courier, couriers);
    }
  }

  private static void assertMoved(Watched w) {
    assertTrue(w.positions.size() >= 2, "courier did not move: " + w.positions);
  }
}
