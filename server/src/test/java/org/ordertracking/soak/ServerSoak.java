package org.ordertracking.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ordertracking.engine.Hub;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.RawWebSocket;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;

/**
 * Issue 8, the soak: for {@code -Dsoak.minutes} (default 2), rounds of sockets connecting to a few
 * dozen orders, receiving live frames and leaving (cleanly or by dropping the TCP connection),
 * orders completing, and every few rounds a Redis crash and restart. Then every count the node
 * keeps must be back at its baseline: open sockets, HTTP connections, engine subscriptions, Redis
 * channels, and heap after GC within a small margin of its level after a warm-up. All sockets are
 * raw ({@link RawWebSocket}): they read every byte the server sends, so no frame is ever lost on
 * the client side.
 *
 * <p>The heap samples taken every 40 rounds run high (60-100 MB against ~20 MB): each socket's
 * session stays reachable for 10 s after it closed, held by its sync-timeout timer, which the
 * gateway never cancels. The final check allows for that by sampling for up to 30 s.
 *
 * <p>Not part of the default build (its name does not end in IT); run on demand:
 * {@code ./mvnw -B -pl server -am verify -Dtest=none -Dit.test=ServerSoak
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.minutes=3}.
 */
class ServerSoak {
  private static final int SOCKETS_PER_ROUND = 120;
  private static final int ORDERS_PER_ROUND = 30;
  private static final int RESTART_EVERY = 8;
  private static final long HEAP_MARGIN = 24L * 1024 * 1024;
  /** Keep-alive connections the test's HTTP client may hold (Vert.x's default pool size). */
  private static final int CLIENT_POOL = 5;
  private static final int WARM_UP_ROUNDS = 10;
  private static final Duration SETTLE = Duration.ofSeconds(30);

  @Test
  void countsAndHeapComeBackToBaselineAfterChurnCompletionsAndRedisRestarts() {
    RedisFixture redis = RedisFixture.startProcess();
    Assumptions.assumeTrue(redis != null, "needs a redis-server of its own to restart");
    Duration length = Duration.ofSeconds((long) (Double.parseDouble(System.getProperty("soak.minutes", "2")) * 60));
    Vertx vertx = Vertx.vertx();
    Redis admin = Redis.createClient(vertx, redis.url());
    Random random = new Random(Long.getLong("soak.seed", 1));
    try (TestNode node = TestNode.start(vertx, TestNode.env(redis.url()))) {
      Hub engine = (Hub) node.server().engine();
      for (int w = 0; w < WARM_UP_ROUNDS; w++) {
        round(node, random, -1 - w); // classes loaded, code compiled, pools and caches filled
      }
      awaitIdle(node, engine);
      long baselineHeap = settledHeap(0); // the whole window: the lowest it gets
      long deadline = System.nanoTime() + length.toNanos();
      int rounds = 0;
      int restarts = 0;
      long sockets = 0;
      while (System.nanoTime() < deadline) {
        rounds++;
        if (rounds % RESTART_EVERY == 0) {
          restartRedis(redis, node);
          restarts++;
        }
        sockets += round(node, random, rounds);
        if (rounds % 40 == 0) {
          awaitIdle(node, engine);
          System.out.printf("soak: round %d, heap after GC %d MB (the last 10 s of sockets included)%n", rounds,
              heapAfterGc() >> 20);
        }
      }
      awaitIdle(node, engine);
      assertEquals(0L, Await.result(admin.send(Request.cmd(Command.PUBSUB).arg("NUMPAT"))).toLong());
      assertEquals(0, Await.result(admin.send(Request.cmd(Command.PUBSUB).arg("CHANNELS").arg("order:*"))).size(),
          "no order channel is still subscribed");
      long end = System.nanoTime();
      long heap = settledHeap(baselineHeap + HEAP_MARGIN);
      System.out.printf("soak: %d rounds, %d sockets, %d Redis restarts in %d s; heap after GC %d MB at the"
          + " baseline, %d MB %d s after the last round%n", rounds, sockets, restarts, length.toSeconds(),
          baselineHeap >> 20, heap >> 20, (System.nanoTime() - end) / 1_000_000_000L);
      if (heap - baselineHeap >= HEAP_MARGIN) {
        System.out.println(histogram());
      }
      assertTrue(heap - baselineHeap < HEAP_MARGIN, "heap back near its baseline: " + (heap >> 20) + " MB vs "
          + (baselineHeap >> 20) + " MB");
    } finally {
      admin.close();
      Await.result(vertx.close());
      redis.close();
    }
  }

  /**
   * One round on fresh orders: sockets watch them, a location reaches every socket, a third of the
   * orders complete (their sockets are closed 1000 by the server), and the other sockets leave,
   * half with a close frame, half by dropping the TCP connection. Returns sockets used.
   */
  private static int round(TestNode node, Random random, int round) {
    List<OrderId> orders = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < ORDERS_PER_ROUND; i++) {
      OrderId id = new OrderId("soak-" + round + "-" + i + "-" + random.nextInt(1_000_000));
      orders.add(id);
      tokens.add(node.token(id));
    }
    List<RawWebSocket> sockets = new ArrayList<>();
    for (int s = 0; s < SOCKETS_PER_ROUND; s++) {
      RawWebSocket ws = RawWebSocket.connect(node.port(), tokens.get(s % ORDERS_PER_ROUND), "");
      sockets.add(ws);
      assertEquals(101, ws.handshake().status());
      expect(ws, "snapshot", round, orders.get(s % ORDERS_PER_ROUND));
    }
    for (OrderId id : orders) {
      node.location(id, 52.5 + random.nextDouble() / 100, 13.4 + random.nextDouble() / 100);
    }
    for (int s = 0; s < SOCKETS_PER_ROUND; s++) {
      expect(sockets.get(s), "location", round, orders.get(s % ORDERS_PER_ROUND));
    }
    int finished = ORDERS_PER_ROUND / 3;
    for (int i = 0; i < finished; i++) {
      assertEquals(202, node.status(orders.get(i), "DELIVERED").statusCode());
    }
    for (int s = 0; s < SOCKETS_PER_ROUND; s++) {
      RawWebSocket ws = sockets.get(s);
      if (s % ORDERS_PER_ROUND < finished) {
        expect(ws, "status", round, orders.get(s % ORDERS_PER_ROUND));
        RawWebSocket.Frame close = ws.awaitClose(Await.TIMEOUT);
        assertEquals(1000, close == null ? -1 : close.closeCode(), "a finished order's socket is closed 1000");
      } else if (s % 2 == 0) {
        ws.sendFrame(0x80, RawWebSocket.CLOSE, new byte[] {3, (byte) 0xE8}, true);
      }
      ws.close(); // the others just drop the TCP connection: the server must notice
    }
    return SOCKETS_PER_ROUND;
  }

  /** The next data frame (skipping the server's pings) must be of {@code type}. */
  private static void expect(RawWebSocket ws, String type, int round, OrderId order) {
    RawWebSocket.Frame f = ws.next(Await.TIMEOUT);
    while (f != null && f.opcode() == RawWebSocket.PING) {
      f = ws.next(Await.TIMEOUT);
    }
    String got = f == null ? "nothing within " + Await.TIMEOUT : f == RawWebSocket.END ? "the connection ended"
        : f.opcode() == RawWebSocket.CLOSE ? "close " + f.closeCode() : f.text();
    assertTrue(f != null && f.opcode() == RawWebSocket.TEXT && f.text().startsWith("{\"type\":\"" + type + "\""),
        "round " + round + ", order " + order + ": expected a " + type + " frame, got " + got);
  }

  private static void restartRedis(RedisFixture redis, TestNode node) {
    redis.stop();
    Await.until("not ready while Redis is down", () -> node.server().node().notReadyReason().isPresent());
    redis.restart();
    Await.until("ready again", () -> node.server().node().notReadyReason().isEmpty());
  }

  private static void awaitIdle(TestNode node, Hub engine) {
    Await.until("no socket open", () -> node.server().node().connections() == 0);
    Await.until("no engine subscription left", () -> engine.subscriptions() == 0);
    Await.until("no HTTP connection but the test client's pool (at most " + CLIENT_POOL + ")",
        () -> node.server().httpGuard().openConnections() <= CLIENT_POOL);
  }

  /** The top of a live-object histogram of this JVM, to see what a grown heap holds. */
  private static String histogram() {
    try {
      Process p = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return out.lines().limit(25).collect(java.util.stream.Collectors.joining("\n"));
    } catch (java.io.IOException e) {
      return "no histogram: " + e.getMessage();
    }
  }

  /**
   * The lowest heap after GC seen within {@link #SETTLE} (closed sockets are released over the
   * WebSocket closing timeout, 10 s), returning early once it is under {@code target}. Each sample
   * runs full collections, which paces the loop.
   */
  private static long settledHeap(long target) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    long lowest = heapAfterGc();
    while (lowest >= target && System.nanoTime() < deadline) {
      lowest = Math.min(lowest, heapAfterGc());
    }
    return lowest;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
