package org.ordertracking.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.ingest.DeliveryLinks.Delivery;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisFixture;

/** Delivery links on a real Redis, written by one node and read by another. */
class RedisDeliveryLinksIT {
  private Vertx vertx;
  private Redis nodeA;
  private Redis nodeB;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    nodeA = Redis.createClient(vertx, RedisFixture.shared().url());
    nodeB = Redis.createClient(vertx, RedisFixture.shared().url());
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  @Test
  void aLinkMadeOnOneNodeResolvesOnAnotherAndARelinkMovesTheCurrentDelivery() {
    OrderId o = Ids.order();
    Delivery first = new Delivery("uber", "del_" + UUID.randomUUID());
    Delivery second = new Delivery("doordash", "store 7/order:" + UUID.randomUUID()); // spaces, '/', ':'
    Await.result(new RedisDeliveryLinks(nodeA, Duration.ofHours(1)).link(o, first));
    DeliveryLinks b = new RedisDeliveryLinks(nodeB, Duration.ofHours(1));
    assertEquals(o, Await.result(b.orderOf(first)));
    assertEquals(first, Await.result(b.currentOf(o)));
    Await.result(b.link(o, second));
    assertEquals(second, Await.result(new RedisDeliveryLinks(nodeA, Duration.ofHours(1)).currentOf(o)));
    assertEquals(o, Await.result(b.orderOf(first)), "the old delivery still names the order (it is superseded, not foreign)");
    assertNull(Await.result(b.orderOf(new Delivery("uber", "del_never"))));
  }

  @Test
  void linksCarryTheOrdersStateTtlAndEachKeyIsHashTaggedOnItsOwn() {
    OrderId o = Ids.order();
    Delivery d = new Delivery("uber", "del_" + UUID.randomUUID());
    Await.result(new RedisDeliveryLinks(nodeA, Duration.ofMinutes(10)).link(o, d));
    for (String key : new String[] {RedisDeliveryLinks.deliveryKey(d), RedisDeliveryLinks.orderKey(o)}) {
      long pttl = Await.result(nodeA.send(Request.cmd(Command.PTTL).arg(key))).toLong();
      assertTrue(pttl > 590_000 && pttl <= 600_000, key + " expires with the state ttl: " + pttl);
      assertTrue(key.matches("delivery:[^{]*\\{[^}]+}"), key);
    }
  }

  @Test
  void aRenewalStartsBothKeysTtlAgainAndRevivesNothing() {
    OrderId o = Ids.order();
    Delivery d = new Delivery("deliveroo", "gb:" + UUID.randomUUID());
    Await.result(new RedisDeliveryLinks(nodeA, Duration.ofMinutes(10)).link(o, d));
    for (String key : new String[] {RedisDeliveryLinks.deliveryKey(d), RedisDeliveryLinks.orderKey(o)}) {
      Await.result(nodeA.send(Request.cmd(Command.PEXPIRE).arg(key).arg("60000"))); // as if 9 minutes old
    }
    Await.result(new RedisDeliveryLinks(nodeB, Duration.ofMinutes(10)).renew(o, d));
    for (String key : new String[] {RedisDeliveryLinks.deliveryKey(d), RedisDeliveryLinks.orderKey(o)}) {
      long pttl = Await.result(nodeA.send(Request.cmd(Command.PTTL).arg(key))).toLong();
      assertTrue(pttl > 590_000 && pttl <= 600_000, key + " renewed to the state ttl: " + pttl);
    }
    OrderId gone = Ids.order();
    Delivery never = new Delivery("deliveroo", "gb:never-" + UUID.randomUUID());
    Await.result(new RedisDeliveryLinks(nodeA, Duration.ofMinutes(10)).renew(gone, never));
    assertNull(Await.result(nodeA.send(Request.cmd(Command.GET).arg(RedisDeliveryLinks.deliveryKey(never)))),
        "a renewal creates nothing");
    assertNull(Await.result(new RedisDeliveryLinks(nodeA, Duration.ofMinutes(10)).currentOf(gone)));
  }
}
