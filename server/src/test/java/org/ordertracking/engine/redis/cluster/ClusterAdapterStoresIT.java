package org.ordertracking.engine.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.adapters.ActiveOrders;
import org.ordertracking.adapters.PollGate;
import org.ordertracking.adapters.RedisActiveOrders;
import org.ordertracking.adapters.RedisPollGate;
import org.ordertracking.engine.redis.RedisSetup;
import org.ordertracking.ingest.DeliveryLinks;
import org.ordertracking.ingest.DeliveryLinks.Delivery;
import org.ordertracking.ingest.RedisDeliveryLinks;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisClusterFixture;

/**
 * The adapters' Redis stores (active orders, poll gates, delivery links) on the Cluster, through the
 * node's shared cluster client as the server wires them: every key has a hash tag, so each command
 * lands on one shard.
 */
class ClusterAdapterStoresIT {
  private Vertx vertx;
  private RedisSetup nodeA;
  private RedisSetup nodeB;
  private String provider;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    nodeA = ClusterEngineContractIT.setup(vertx, RedisClusterFixture.shared().url());
    nodeB = ClusterEngineContractIT.setup(vertx, RedisClusterFixture.shared().url());
    provider = "p" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  @Test
  void activeOrdersWrittenByOneNodeAreListedByAnother() {
    ActiveOrders a = new RedisActiveOrders(nodeA.commands(), provider, Clock.systemUTC(), Duration.ofHours(1), 100);
    List<OrderId> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      OrderId id = Ids.order();
      ids.add(id);
      Await.result(a.touch(id));
    }
    Await.result(a.remove(ids.remove(4)));
    ActiveOrders b = new RedisActiveOrders(nodeB.commands(), provider, Clock.systemUTC(), Duration.ofHours(1), 100);
    Set<String> listed = new TreeSet<>(Await.result(b.list()).stream().map(OrderId::value).toList());
    assertEquals(new TreeSet<>(ids.stream().map(OrderId::value).toList()), listed);
  }

  @Test
  void pollGatesOpenForOneNodeAtATimeOnEveryShard() {
    PollGate a = new RedisPollGate(nodeA.commands());
    PollGate b = new RedisPollGate(nodeB.commands());
    Set<Integer> slots = new TreeSet<>();
    for (int i = 0; i < 30; i++) {
      OrderId o = Ids.order();
      slots.add(HashSlot.of(RedisPollGate.key(provider, o)));
      assertTrue(Await.result(a.tryAcquire(provider, o, Duration.ofMinutes(1))));
      assertFalse(Await.result(b.tryAcquire(provider, o, Duration.ofMinutes(1))));
    }
    assertTrue(slots.size() > 10, "the gates spread over many slots: " + slots.size());
  }

  @Test
  void deliveryLinksMadeOnOneNodeResolveRenewAndRelinkOnAnotherAcrossTheShards() {
    DeliveryLinks a = new RedisDeliveryLinks(nodeA.commands(), Duration.ofMinutes(10));
    DeliveryLinks b = new RedisDeliveryLinks(nodeB.commands(), Duration.ofMinutes(10));
    Set<Integer> slots = new TreeSet<>();
    for (int i = 0; i < 30; i++) {
      OrderId o = Ids.order();
      Delivery d = new Delivery("deliveroo", "gb:" + provider + ":" + i);
      String deliveryKey = RedisDeliveryLinks.deliveryKey(d);
      String orderKey = RedisDeliveryLinks.orderKey(o);
      // Hash-tagged on the delivery and on the order: every command names one key, one slot.
      assertEquals(HashSlot.of(d.provider() + ":" + d.deliveryId()), HashSlot.of(deliveryKey), deliveryKey);
      assertEquals(HashSlot.of(o.value()), HashSlot.of(orderKey), orderKey);
      slots.add(HashSlot.of(deliveryKey));
      slots.add(HashSlot.of(orderKey));
      Await.result(a.link(o, d));
      assertEquals(o, Await.result(b.orderOf(d)));
      assertEquals(d, Await.result(b.currentOf(o)));
      if (i % 10 == 0) {
        // Renewed from the other node: both keys, on their own shards, get the whole ttl again.
        for (String key : List.of(deliveryKey, orderKey)) {
          Await.result(nodeA.commands().send(Request.cmd(Command.PEXPIRE).arg(key).arg("60000")));
        }
        Await.result(b.renew(o, d));
        for (String key : List.of(deliveryKey, orderKey)) {
          long pttl = Await.result(nodeA.commands().send(Request.cmd(Command.PTTL).arg(key))).toLong();
          assertTrue(pttl > 590_000 && pttl <= 600_000, key + " renewed: " + pttl);
        }
        Delivery next = new Delivery("uber", "del_" + provider + "_" + i);
        Await.result(b.link(o, next));
        assertEquals(next, Await.result(a.currentOf(o)), "relinked from the other node");
        assertEquals(o, Await.result(a.orderOf(next)));
      }
    }
    assertTrue(slots.size() > 20, "the links spread over many slots: " + slots.size());
  }
}
