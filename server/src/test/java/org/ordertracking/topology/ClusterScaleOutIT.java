package org.ordertracking.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.ordertracking.engine.redis.cluster.HashSlot;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ports;
import org.ordertracking.testing.RedisClusterFixture;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scaling out, as processes: a Redis Cluster of 3 masters and 3 replicas ({@link
 * RedisClusterFixture}), two gateway-only server processes and one ingest-only process started from
 * the runnable jar ({@code TRACKING_ROLES}, {@code TRACKING_REDIS_MODE=cluster}). Every order is
 * watched on both gateways. In order: orders over every shard reach both gateways with the same
 * seqs; a master killed (SIGKILL) mid-stream is replaced by its replica and its orders' watchers get
 * a fresh snapshot and further events; a slot moved with {@code redis-cli --cluster reshard}
 * mid-stream keeps its orders' watchers receiving. Process logs: server/target/topology/.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterScaleOutIT {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterScaleOutIT.class);
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration CONVERGE = Duration.ofSeconds(30);
  private static final int ORDERS = 300;
  private static final int EVENTS = 5;

  private static RedisClusterFixture cluster;
  private static Vertx vertx;
  private static WebClient http;
  private static ServerProcess gatewayA;
  private static ServerProcess gatewayB;
  private static ServerProcess ingest;
  private static final List<Watched> watched = new ArrayList<>();

  /** One order watched on both gateways; frames kept in arrival order. */
  private record Watched(OrderId id, WsClient onA, WsClient onB, List<JsonObject> seenA, List<JsonObject> seenB) {
    Watched(OrderId id, WsClient onA, WsClient onB) {
      this(id, onA, onB, new ArrayList<>(), new ArrayList<>());
    }

    synchronized void drain() {
      onA.frames.drainTo(seenA);
      onB.frames.drainTo(seenB);
    }

    synchronized long lastSeq(boolean a) {
      drain();
      List<JsonObject> seen = a ? seenA : seenB;
      return seen.isEmpty() ? -1 : seen.get(seen.size() - 1).getLong("seq");
    }

    synchronized List<Long> seqs(boolean a) {
      drain();
      return (a ? seenA : seenB).stream().map(f -> f.getLong("seq")).toList();
    }

    synchronized long snapshots(boolean a) {
      drain();
      return (a ? seenA : seenB).stream().filter(f -> "snapshot".equals(f.getString("type"))).count();
    }

    int slot() {
      return HashSlot.of(id);
    }

    void close() {
      onA.close();
      onB.close();
    }
  }

  @BeforeAll
  static void start() {
    cluster = RedisClusterFixture.start();
    vertx = Vertx.vertx();
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1"));
    Map<String, String> env = new HashMap<>();
    env.put("TRACKING_HOST", "127.0.0.1");
    env.put("TRACKING_REDIS_MODE", "cluster");
    env.put("TRACKING_REDIS_URL", cluster.url());
    env.put("TRACKING_TOKEN_SECRET", TestNode.SECRET);
    env.put("TRACKING_ADMIN_KEY", TestNode.ADMIN_KEY);
    env.put("TRACKING_API_KEYS", "backend=" + TestNode.API_KEY);
    env.put("TRACKING_HTTP_INSTANCES", "2");
    gatewayA = new ServerProcess("cluster-gateway-a", Ports.free(), with(env, "TRACKING_ROLES", "gateway"));
    gatewayB = new ServerProcess("cluster-gateway-b", Ports.free(), with(env, "TRACKING_ROLES", "gateway"));
    ingest = new ServerProcess("cluster-ingest", Ports.free(), with(env, "TRACKING_ROLES", "ingest"));
    for (ServerProcess p : List.of(gatewayA, gatewayB, ingest)) {
      p.start();
    }
    for (ServerProcess p : List.of(gatewayA, gatewayB, ingest)) {
      p.awaitReady(START);
    }
  }

  @AfterAll
  static void stop() {
    watched.forEach(Watched::close);
    for (ServerProcess p : new ServerProcess[] {gatewayA, gatewayB, ingest}) {
      if (p != null) {
        p.close();
      }
    }
    if (http != null) {
      http.close();
    }
    if (vertx != null) {
      Await.result(vertx.close());
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(key, value);
    return copy;
  }

  @Test
  @Order(1)
  void ordersOverEveryShardReachWatchersOnBothGatewaysWithTheSameSeqs() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<OrderId> ids = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      ids.add(new OrderId("scale-" + run + "-" + i));
    }
    Map<Integer, Long> perMaster = ids.stream().collect(Collectors.groupingBy(
        id -> cluster.masterOf(HashSlot.of(id)).port(), Collectors.counting()));
    assertEquals(3, perMaster.size(), "the orders spread over all three masters: " + perMaster);
    ids.forEach(ClusterScaleOutIT::watch);

    for (int round = 1; round <= EVENTS; round++) {
      JsonArray events = new JsonArray();
      for (OrderId id : ids) {
        events.add(location(id, round));
      }
      JsonObject res = batch(events);
      assertEquals(ORDERS, res.getInteger("accepted"), "round " + round + ": " + res.encode());
    }
    Await.until("every watcher on both gateways has seq " + EVENTS, CONVERGE,
        () -> watched.stream().allMatch(w -> w.lastSeq(true) >= EVENTS && w.lastSeq(false) >= EVENTS));
    List<Long> expected = List.of(0L, 1L, 2L, 3L, 4L, 5L);
    for (Watched w : watched) {
      assertEquals(expected, w.seqs(true), "gateway A, order " + w.id());
      assertEquals(w.seqs(true), w.seqs(false), "both gateways, order " + w.id());
      assertEquals(w.seenA().get(EVENTS), w.seenB().get(EVENTS), "the same frame on both gateways");
    }
    LOG.info("{} orders over masters {} reached {} sockets on two gateways", ORDERS, perMaster, 2 * ORDERS);
  }

  @Test
  @Order(2)
  void aKilledMasterIsReplacedAndItsWatchersResyncAndKeepReceiving() {
    int victimSlot = watched.get(0).slot();
    RedisClusterFixture.Node victim = cluster.masterOf(victimSlot);
    List<Watched> hit = watched.stream().filter(w -> victim.owns(w.slot())).limit(15).toList();
    List<Watched> others = watched.stream().filter(w -> !victim.owns(w.slot())).limit(15).toList();
    List<Watched> streamed = new ArrayList<>(hit);
    streamed.addAll(others);
    List<Integer> readiness = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (sampling.get()) {
        readiness.add(gatewayA.readiness());
        try {
          Thread.sleep(100); // sampling, not waiting for a condition
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "readiness-sampler");
    sampler.setDaemon(true);
    try (Streaming stream = new Streaming(streamed)) {
      stream.awaitRounds(5);
      sampler.start();
      RedisClusterFixture.Node promoted;
      try {
        promoted = cluster.killMasterOf(victimSlot);
      } finally {
        sampling.set(false);
      }
      LOG.info("Killed master {}; {} took over; gateway A readiness meanwhile {}", victim.port(), promoted.port(),
          readiness.stream().distinct().toList());
      assertTrue(readiness.contains(503), "gateway A reported not ready while a master was down: " + readiness);
      for (ServerProcess p : List.of(gatewayA, gatewayB, ingest)) {
        p.awaitReady(CONVERGE);
      }
      stream.awaitAccepted(CONVERGE, 3);
      Map<OrderId, Long> after = stream.accepted();
      awaitWatchers("every streamed watcher on both gateways receives events published after the failover",
          streamed, w -> w.lastSeq(true) >= after.get(w.id()) + 2 && w.lastSeq(false) >= after.get(w.id()) + 2);
      LOG.info("Failover: {} publish requests failed meanwhile", stream.failures());
    }
    for (Watched w : hit) {
      assertTrue(w.snapshots(true) >= 2 && w.snapshots(false) >= 2,
          "watchers of an order on the killed master got a fresh snapshot: " + w.id() + " " + w.seqs(true));
    }
    assertConverged(streamed);
  }

  @Test
  @Order(3)
  void watchersOfAMigratedSlotKeepReceiving() {
    List<RedisClusterFixture.Node> masters = cluster.masters();
    RedisClusterFixture.Node from = masters.get(0);
    RedisClusterFixture.Node to = masters.get(1);
    int slot = from.slots().get(0)[0];
    List<Watched> inSlot = new ArrayList<>();
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; inSlot.size() < 4; i++) {
      OrderId id = new OrderId("slot-" + run + "-" + i);
      if (HashSlot.of(id) == slot) {
        inSlot.add(watch(id));
      }
    }
    try (Streaming stream = new Streaming(inSlot)) {
      stream.awaitRounds(5);
      int moved = cluster.reshardFirstSlotOf(from, to);
      assertEquals(slot, moved);
      LOG.info("Moved slot {} from {} to {}", slot, from.port(), to.port());
      stream.awaitAccepted(CONVERGE, 3);
      Map<OrderId, Long> after = stream.accepted();
      awaitWatchers("watchers of slot " + slot + " receive events published after the move", inSlot,
          w -> w.lastSeq(true) >= after.get(w.id()) + 2 && w.lastSeq(false) >= after.get(w.id()) + 2);
    }
    assertConverged(inSlot);
  }

  /** After the stream stopped: both gateways end on the last accepted frame, seq never skipped silently. */
  private static void assertConverged(List<Watched> ws) {
    Map<OrderId, Long> last = new HashMap<>();
    for (Watched w : ws) {
      long seq = Await.result(snapshotSeq(w.id()));
      last.put(w.id(), seq);
    }
    awaitWatchers("every watcher ends on the order's last seq", ws,
        w -> w.lastSeq(true) == last.get(w.id()) && w.lastSeq(false) == last.get(w.id()));
    for (Watched w : ws) {
      for (boolean a : new boolean[] {true, false}) {
        List<JsonObject> seen = a ? w.seenA() : w.seenB();
        for (int i = 1; i < seen.size(); i++) {
          JsonObject f = seen.get(i);
          long prev = seen.get(i - 1).getLong("seq");
          // A gap is only allowed where a fresh snapshot covers it.
          assertTrue("snapshot".equals(f.getString("type")) || f.getLong("seq") == prev + 1,
              (a ? "A" : "B") + " " + w.id() + ": after " + prev + " came " + f.encode());
        }
      }
    }
  }

  /** Waits until {@code done} holds for every watched order; the failure names those lagging. */
  private static void awaitWatchers(String what, List<Watched> ws, Predicate<Watched> done) {
    try {
      Await.until(what, CONVERGE, () -> ws.stream().allMatch(done));
    } catch (AssertionError e) {
      String lagging = ws.stream().filter(done.negate()).limit(5)
          .map(w -> w.id() + " A" + w.seqs(true) + (w.onA().isClosed() ? " closed " + w.onA().closeCode() : "")
              + " B" + w.seqs(false) + (w.onB().isClosed() ? " closed " + w.onB().closeCode() : ""))
          .collect(Collectors.joining("\n"));
      throw new AssertionError(e.getMessage() + "; lagging:\n" + lagging, e);
    }
  }

  private static Watched watch(OrderId id) {
    String token = mint(id);
    Watched w = new Watched(id, WsClient.connect(vertx, gatewayA.port(), token),
        WsClient.connect(vertx, gatewayB.port(), token));
    watched.add(w);
    return w;
  }

  private static String mint(OrderId id) {
    var res = Await.result(http.post(ingest.port(), "127.0.0.1", "/api/v1/orders/" + id + "/tracking-links")
        .putHeader("Authorization", "Bearer " + TestNode.ADMIN_KEY)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{}")));
    assertEquals(201, res.statusCode(), res.bodyAsString());
    return res.bodyAsJsonObject().getString("token");
  }

  private static JsonObject location(OrderId id, int i) {
    return new JsonObject().put("type", "location").put("orderId", id.value())
        .put("location", new JsonObject().put("lat", 52.5 + i * 1e-5).put("lng", 13.4));
  }

  private static JsonObject batch(JsonArray events) {
    return Await.result(postBatch(events)).bodyAsJsonObject();
  }

  private static Future<io.vertx.ext.web.client.HttpResponse<Buffer>> postBatch(JsonArray events) {
    return http.post(ingest.port(), "127.0.0.1", "/api/v1/events")
        .putHeader("Authorization", "Bearer " + TestNode.API_KEY)
        .putHeader("Content-Type", "application/json")
        .timeout(10_000)
        .sendBuffer(Buffer.buffer(new JsonObject().put("events", events).encode()));
  }

  private static Future<Long> snapshotSeq(OrderId id) {
    return http.get(ingest.port(), "127.0.0.1", "/api/v1/orders/" + id)
        .putHeader("Authorization", "Bearer " + TestNode.API_KEY).send()
        .map(res -> res.bodyAsJsonObject().getLong("seq"));
  }

  /**
   * A backend publishing one location per order every {@value #PERIOD_MS} ms in one batch (the next
   * only once the last one answered), recording the highest seq accepted per order and failures.
   */
  private static final class Streaming implements AutoCloseable {
    static final long PERIOD_MS = 150;
    private final List<Watched> orders;
    private final Map<OrderId, Long> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean idle = new AtomicBoolean(true);
    private int i = 1000;

    Streaming(List<Watched> orders) {
      this.orders = orders;
      vertx.runOnContext(v -> tick());
    }

    private void tick() {
      if (stopped.get()) {
        idle.set(true);
        return;
      }
      idle.set(false);
      JsonArray events = new JsonArray();
      i++;
      orders.forEach(w -> events.add(location(w.id(), i)));
      postBatch(events).onComplete(ar -> {
        if (ar.succeeded() && ar.result().statusCode() == 200) {
          JsonArray results = ar.result().bodyAsJsonObject().getJsonArray("results");
          for (int k = 0; k < results.size(); k++) {
            JsonObject r = results.getJsonObject(k);
            if (r.containsKey("seq")) {
              accepted.merge(orders.get(k).id(), r.getLong("seq"), Math::max);
            } else {
              failures.incrementAndGet();
            }
          }
        } else {
          failures.incrementAndGet();
        }
        rounds.incrementAndGet();
        vertx.setTimer(PERIOD_MS, id -> tick());
      });
    }

    void awaitRounds(int n) {
      int target = rounds.get() + n;
      Await.until(n + " publish rounds", CONVERGE, () -> rounds.get() >= target);
    }

    /** Waits until {@code n} more rounds were accepted for every order. */
    void awaitAccepted(Duration limit, int n) {
      Map<OrderId, Long> before = accepted();
      Await.until(n + " more events accepted for every streamed order", limit,
          () -> orders.stream().allMatch(w -> accepted.getOrDefault(w.id(), 0L) >= before.getOrDefault(w.id(), 0L) + n));
    }

    Map<OrderId, Long> accepted() {
      return Map.copyOf(accepted);
    }

    int failures() {
      return failures.get();
    }

    @Override
    public void close() {
      stopped.set(true);
      Await.until("the publisher stopped", CONVERGE, idle::get);
    }
  }
}
