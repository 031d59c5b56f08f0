package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisFixture;

/** The Redis twins of the adapters' stores, on a real Redis, as two nodes would share them. */
class RedisAdapterStoresIT {
  private Vertx vertx;
  private Redis nodeA;
  private Redis nodeB;
  private String provider;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    nodeA = Redis.createClient(vertx, RedisFixture.shared().url());
    nodeB = Redis.createClient(vertx, RedisFixture.shared().url());
    provider = "p" + UUID.randomUUID().toString().substring(0, 8); // isolates keys per test
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  @Test
  void activeOrdersWrittenByOneNodeAreListedByARestartedOne() {
    OrderId o1 = Ids.order();
    OrderId o2 = Ids.order();
    ActiveOrders before = new RedisActiveOrders(nodeA, provider, Clock.systemUTC(), Duration.ofHours(1), 100);
    Await.result(before.touch(o1));
    Await.result(before.touch(o2));
    Await.result(before.remove(o2));
    ActiveOrders after = new RedisActiveOrders(nodeB, provider, Clock.systemUTC(), Duration.ofHours(1), 100);
    assertEquals(List.of(o1), Await.result(after.list()));
  }

  @Test
  void activeOrdersExpireAfterTheirTtl() {
    Instant t0 = Instant.parse("2026-03-14T12:00:00Z");
    OrderId o = Ids.order();
    Await.result(
        new RedisActiveOrders(nodeA, provider, Clock.fixed(t0, ZoneOffset.UTC), Duration.ofMinutes(10), 100)
            .touch(o));
    ActiveOrders later =
        new RedisActiveOrders(nodeA, provider, Clock.fixed(t0.plusSeconds(601), ZoneOffset.UTC), Duration.ofMinutes(10), 100);
    assertTrue(Await.result(later.list()).isEmpty());
  }

  @Test
  void activeOrdersListIsBoundedToTheFreshest() {
    Instant t0 = Instant.parse("2026-03-14T12:00:00Z");
    ActiveOrders store = null;
    OrderId last = null;
    for (int i = 0; i < 5; i++) {
      last = Ids.order();
      store = new RedisActiveOrders(nodeA, provider, Clock.fixed(t0.plusSeconds(i), ZoneOffset.UTC), Duration.ofHours(1), 2);
      Await.result(store.touch(last));
    }
    List<OrderId> listed = Await.result(store.list());
    assertEquals(2, listed.size());
    assertTrue(listed.contains(last));
  }

  @Test
  void pollGateOpensForOneNodeAtATime() {
    OrderId o = Ids.order();
    PollGate a = new RedisPollGate(nodeA);
    PollGate b = new RedisPollGate(nodeB);
    assertTrue(Await.result(a.tryAcquire(provider, o, Duration.ofMinutes(1))));
    assertFalse(Await.result(b.tryAcquire(provider, o, Duration.ofMinutes(1))));
    assertTrue(Await.result(b.tryAcquire(provider, Ids.order(), Duration.ofMinutes(1))));
  }
}
