package org.ordertracking.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ports;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The docker-compose topology as processes: the repository's haproxy.cfg in a real haproxy, two
 * server processes started from the runnable jar, one Redis. Clients track an order through the
 * load balancer while the nodes are restarted one after the other (SIGTERM, as a deploy does), and
 * must see what the contract promises: a 1012 close, a reconnect (to the other node), a fresh
 * snapshot, seq never going backwards, nothing missed that a snapshot does not cover, and the
 * terminal status at the end. Process logs: server/target/topology/.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LoadBalancedRestartIT {
  private static final Logger LOG = LoggerFactory.getLogger(LoadBalancedRestartIT.class);
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration CONVERGE = Duration.ofSeconds(30);
  private static final Duration DRAIN_WINDOW = Duration.ofSeconds(4);
  private static final int TRACKERS = 6;

  @Test
  void clientsThroughTheLoadBalancerKeepTrackingWhileEveryNodeIsRestarted() {
    Map<String, String> env = new HashMap<>();
    env.put("TRACKING_HOST", "127.0.0.1");
    env.put("TRACKING_REDIS_URL", RedisFixture.shared().url());
    env.put("TRACKING_TOKEN_SECRET", TestNode.SECRET);
    env.put("TRACKING_ADMIN_KEY", TestNode.ADMIN_KEY);
    env.put("TRACKING_API_KEYS", "backend=" + TestNode.API_KEY);
    env.put("TRACKING_HTTP_INSTANCES", "2");
    env.put("TRACKING_DRAIN_WINDOW", DRAIN_WINDOW.toSeconds() + "s");

    Vertx vertx = Vertx.vertx();
    List<Tracker> trackers = new ArrayList<>();
    Publisher publisher = null;
    try (ServerProcess a = new ServerProcess("node-a", Ports.free(), env);
        ServerProcess b = new ServerProcess("node-b", Ports.free(), env)) {
      a.start();
      b.start();
      a.awaitReady(START);
      b.awaitReady(START);
      try (HaproxyProcess lb = new HaproxyProcess(a, b)) {
        lb.awaitNodesUp(CONVERGE);
        String orderId = "topology-" + UUID.randomUUID().toString().substring(0, 8);
        String token = mint(vertx, lb.port(), orderId);

        publisher = new Publisher(vertx, lb.port(), TestNode.API_KEY, orderId);
        publisher.start();
        Await.result(publisher.status("PICKED_UP"));
        for (int i = 0; i < TRACKERS; i++) {
          Tracker t = new Tracker(vertx, "tracker-" + i, lb.port(), token);
          trackers.add(t);
          t.connect();
        }
        awaitCaughtUp(trackers, publisher.lastSeq() + 5);

        List<Integer> exits = new ArrayList<>();
        exits.add(restart(a, "node1", lb));
        awaitCaughtUp(trackers, publisher.lastSeq());
        Await.result(publisher.status("NEARBY"));
        exits.add(restart(b, "node2", lb));
        awaitCaughtUp(trackers, publisher.lastSeq());

        publisher.stopLocations();
        long delivered = Await.result(publisher.status("DELIVERED"));
        Await.until("every tracker got DELIVERED and a 1000 close", CONVERGE,
            () -> trackers.stream().allMatch(Tracker::finished));

        Map<Long, String> kinds = publisher.kinds();
        int moves = 0;
        for (Tracker t : trackers) {
          int conflated = t.verify(kinds);
          assertEquals(delivered, t.lastSeq(), "every tracker ends on the DELIVERED frame");
          List<Integer> closes = t.closeCodes();
          assertEquals(1000, closes.get(closes.size() - 1), "the order's end closes with 1000: " + closes);
          List<Integer> restarts = closes.subList(0, closes.size() - 1);
          assertTrue(!restarts.isEmpty() && restarts.stream().allMatch(c -> c == 1012),
              "each restart that reached this tracker closed it with 1012 (and at least one did): " + closes);
          // A draining node refuses upgrades with 503 and a stopped one refuses connections:
          // haproxy retries both on the other node, so the client never sees either.
          assertEquals(List.of(), t.refusals(), "reconnects refused (HTTP status, -1: no answer)");
          moves += restarts.size();
          LOG.info("{} connections, closes {}, refused {}, {} locations conflated, blind at most {} ms",
              t.connections(), closes, t.refusals(), conflated, t.longestBlindMillis());
        }
        assertTrue(moves >= TRACKERS, "the second restart moves every tracker: " + moves);
        LOG.info("Restarts: exit codes after SIGTERM {}; publishes that failed {}; haproxy {}",
            exits, publisher.failures(), lb.retries());
      }
    } finally {
      trackers.forEach(Tracker::close);
      if (publisher != null) {
        publisher.close();
      }
      vertx.close();
    }
  }

  /** SIGTERM, wait for the exit, start again on the same port, wait until haproxy uses it. */
  private static int restart(ServerProcess node, String lbName, HaproxyProcess lb) {
    int exit = node.terminate(DRAIN_WINDOW.plus(Duration.ofSeconds(30)));
    node.start();
    node.awaitReady(START);
    lb.awaitUp(lbName, CONVERGE);
    return exit;
  }

  private static void awaitCaughtUp(List<Tracker> trackers, long seq) {
    Await.until("every tracker has seq " + seq, CONVERGE, () -> trackers.stream().allMatch(t -> t.lastSeq() >= seq));
  }

  private static String mint(Vertx vertx, int port, String orderId) {
    WebClient http = WebClient.create(vertx);
    try {
      var res = Await.result(http.post(port, "127.0.0.1", "/api/v1/orders/" + orderId + "/tracking-links")
          .putHeader("Authorization", "Bearer " + TestNode.ADMIN_KEY)
          .putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer(new JsonObject().encode())));
      assertEquals(201, res.statusCode(), res.bodyAsString());
      return res.bodyAsJsonObject().getString("token");
    } finally {
      http.close();
    }
  }
}
