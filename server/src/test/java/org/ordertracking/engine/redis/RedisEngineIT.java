package org.ordertracking.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ordertracking.testing.Await.next;
import static org.ordertracking.testing.Await.result;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.engine.EngineConfig;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.Hub;
import org.ordertracking.engine.PublishOptions;
import org.ordertracking.engine.Subscription;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.protocol.Frame;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisFixture;

/** What only the Redis engine has to show: its Redis layout, subscriptions and recovery. */
class RedisEngineIT {
  private final Vertx vertx = Vertx.vertx();
  private final List<AutoCloseable> cleanup = new ArrayList<>();

  /** The engine and an inspecting client on the shared Redis, for the tests that use it. */
  private Hub engine;
  private Redis redis;

  @BeforeEach
  void onSharedRedis() {
    String url = RedisFixture.shared().url();
    engine = engine(url);
    redis = client(url);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
    result(vertx.close());
  }

  private Hub engine(String url) {
    Hub engine = result(EngineFactory.redis(vertx, RedisEngineContractIT.setup(vertx, url),
        EngineConfig.defaults(Duration.ofSeconds(120)), Clock.systemUTC(), Hub.DEFAULT_SCOPE));
    Await.until("engine ready", () -> engine.notReadyReason().isEmpty());
    cleanup.add(() -> result(engine.close()));
    return engine;
  }

  private Redis client(String url) {
    Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(url));
    cleanup.add(redis::close);
    return redis;
  }

  private static long numsub(Redis redis, String channel) {
    return result(redis.send(Request.cmd(Command.PUBSUB).arg("NUMSUB").arg(channel))).get(1).toLong();
  }

  private static LocationUpdate location(OrderId id) {
    return new LocationUpdate(id, new Location(52.5, 13.4, null, null, null, Instant.now()), "test", null);
  }

  @Test
  void oneSubscriptionPerOrderPerNodeReleasedWithTheLastWatcher() {
    OrderId id = Ids.order();
    String channel = RedisKeys.eventsChannel(id);
    List<Subscription> subs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Subscription sub = engine.subscribe(id, f -> {});
      result(sub.ready());
      subs.add(sub);
    }
    assertEquals(1, numsub(redis, channel));
    assertEquals(1, engine.subscriptions());
    subs.get(0).cancel();
    subs.get(1).cancel();
    assertEquals(1, engine.subscriptions());
    subs.get(2).cancel();
    Await.until("unsubscribed", () -> numsub(redis, channel) == 0);
    assertEquals(0, engine.subscriptions());
  }

  @Test
  void stateLivesInTheHashTaggedKeyAndExpires() {
    OrderId id = Ids.order();
    result(engine.publish(location(id)));
    String key = "order:{" + id + "}:state";
    assertEquals(key, RedisKeys.stateKey(id));
    long ttl = result(redis.send(Request.cmd(Command.TTL).arg(key))).toLong();
    assertTrue(ttl > 0 && ttl <= 120, "TTL was " + ttl);
    assertEquals("1", result(redis.send(Request.cmd(Command.HGET).arg(key).arg("seq"))).toString());
  }

  /** A batch is one script call, yet one event that Redis fails fails alone: the others are applied. */
  @Test
  void anEventRedisFailsInABatchFailsAloneAndTheOthersAreApplied() {
    OrderId broken = Ids.order();
    OrderId fine = Ids.order();
    result(redis.send(Request.cmd(Command.SET).arg(RedisKeys.stateKey(broken)).arg("not a hash")));
    var outcomes = result(engine.publishAll(List.of(location(fine), location(broken), location(fine))));
    assertEquals(3, outcomes.size());
    assertEquals(1, outcomes.get(0).result().seq());
    assertTrue(outcomes.get(1).failed());
    assertTrue(outcomes.get(1).cause().getMessage().contains("WRONGTYPE"), outcomes.get(1).cause().getMessage());
    assertEquals(2, outcomes.get(2).result().seq());
    assertEquals("not a hash", result(redis.send(Request.cmd(Command.GET).arg(RedisKeys.stateKey(broken)))).toString());
  }

  @Test
  void idempotencyKeysLiveInTheOrdersSlotAndExpire() {
    OrderId id = Ids.order();
    result(engine.publish(location(id), PublishOptions.providerEvent("uber:evt-1#0")));
    result(engine.publish(location(id), PublishOptions.providerEvent("uber:{odd} id#0")));

    String plain = "order:{" + id + "}:event:uber:evt-1#0";
    assertEquals(plain, RedisKeys.eventIdKey(id, "uber:evt-1#0"));
    long ttl = result(redis.send(Request.cmd(Command.TTL).arg(plain))).toLong();
    assertTrue(ttl > 0 && ttl <= 24 * 3600, "TTL was " + ttl);
    String odd = RedisKeys.eventIdKey(id, "uber:{odd} id#0");
    assertTrue(odd.matches("order:\\{" + id + "\\}:event:sha256-[0-9a-f]{64}"), odd);
    assertEquals(1, result(redis.send(Request.cmd(Command.EXISTS).arg(odd))).toInteger());
  }

  @Test
  void aFramePublishedByAnotherPublisherReachesWatchersAsIs() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    result(engine.subscribe(id, frames::add).ready());
    String frame = "{\"type\":\"status\",\"orderId\":\"" + id + "\",\"seq\":7,\"status\":\"NEARBY\"}";
    result(redis.send(Request.cmd(Command.PUBLISH).arg("order:{" + id + "}:events").arg(frame)));
    Frame got = next(frames);
    assertEquals(7, got.seq());
    assertEquals(frame, got.bytes().toString());
  }

  @Test
  void afterRedisRestartsWatchersAreResubscribedAndToldToResync() {
    try (RedisFixture redisServer = RedisFixture.start()) {
      if (!redisServer.controllable()) {
        return; // REDIS_URL points at a server this test may not kill
      }
      Hub ownEngine = engine(redisServer.url());
      OrderId id = Ids.order();
      BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
      AtomicInteger resyncs = new AtomicInteger();
      result(ownEngine.subscribe(id, new FrameListener() {
        @Override
        public void onFrame(Frame frame) {
          frames.add(frame);
        }

        @Override
        public void onResync(OrderId orderId) {
          resyncs.incrementAndGet();
        }
      }).ready());

      redisServer.stop();
      Await.until("engine reports not ready", () -> ownEngine.notReadyReason().isPresent());
      redisServer.restart();
      Await.until("resync after reconnect", () -> resyncs.get() == 1);
      Await.until("engine ready again", () -> ownEngine.notReadyReason().isEmpty());

      result(ownEngine.publish(location(id)));
      assertEquals(1, next(frames).seq(), "a fresh Redis starts the order over; the feed is live again");
    }
  }
}
