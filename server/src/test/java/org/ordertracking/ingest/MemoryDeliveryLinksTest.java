package org.ordertracking.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ordertracking.ingest.DeliveryLinks.Delivery;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.ManualClock;

/** The memory engine's delivery links: resolution, relinking, expiry and the bound. */
class MemoryDeliveryLinksTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-14T12:00:00Z"));
  private final MemoryDeliveryLinks links = new MemoryDeliveryLinks(clock, Duration.ofMinutes(10), 3);

  @Test
  void aLinkResolvesTheDeliveryAndBecomesTheOrdersCurrentOne() {
    OrderId o = new OrderId("o-1");
    Delivery uber = new Delivery("uber", "del_1");
    assertNull(Await.result(links.orderOf(uber)));
    assertNull(Await.result(links.currentOf(o)));
    Await.result(links.link(o, uber));
    assertEquals(o, Await.result(links.orderOf(uber)));
    assertEquals(uber, Await.result(links.currentOf(o)));
    assertNull(Await.result(links.orderOf(new Delivery("doordash", "del_1"))), "ids are per provider");
  }

  @Test
  void aRelinkKeepsTheOldDeliveryResolvedButMakesTheNewOneCurrent() {
    OrderId o = new OrderId("o-2");
    Delivery first = new Delivery("uber", "del_a");
    Delivery second = new Delivery("doordash", "dd_b");
    Await.result(links.link(o, first));
    Await.result(links.link(o, second));
    assertEquals(o, Await.result(links.orderOf(first)));
    assertEquals(o, Await.result(links.orderOf(second)));
    assertEquals(second, Await.result(links.currentOf(o)));
  }

  @Test
  void linksExpireWithTheOrdersStateTtl() {
    OrderId o = new OrderId("o-3");
    Delivery d = new Delivery("uber", "del_c");
    Await.result(links.link(o, d));
    clock.advance(Duration.ofMinutes(10));
    assertNull(Await.result(links.orderOf(d)));
    assertNull(Await.result(links.currentOf(o)));
  }

  @Test
  void beyondTheBoundTheOldestLinksGoFirst() {
    for (int i = 0; i < 5; i++) {
      Await.result(links.link(new OrderId("o-" + i), new Delivery("uber", "d" + i)));
      clock.advance(Duration.ofSeconds(1));
    }
    assertEquals(3, links.size());
    assertNull(Await.result(links.orderOf(new Delivery("uber", "d0"))));
    assertEquals(new OrderId("o-4"), Await.result(links.orderOf(new Delivery("uber", "d4"))));
  }

  @Test
  void aRenewalStartsTheTtlAgainButRevivesNothing() {
    OrderId o = new OrderId("o-r");
    Delivery d = new Delivery("deliveroo", "gb:1");
    Await.result(links.link(o, d));
    clock.advance(Duration.ofMinutes(9));
    Await.result(links.renew(o, d));
    clock.advance(Duration.ofMinutes(9));
    assertEquals(o, Await.result(links.orderOf(d)), "18 minutes after the link, 9 after the renewal");
    assertEquals(d, Await.result(links.currentOf(o)));
    clock.advance(Duration.ofMinutes(1));
    assertNull(Await.result(links.orderOf(d)));
    Await.result(links.renew(o, d));
    assertNull(Await.result(links.orderOf(d)), "an expired link stays gone");
    assertNull(Await.result(links.currentOf(o)));
  }

  @Test
  void aLateRenewalOfTheOldDeliveryDoesNotUndoARelink() {
    OrderId o = new OrderId("o-late");
    Delivery first = new Delivery("uber", "del_first");
    Delivery second = new Delivery("deliveroo", "gb:2");
    Await.result(links.link(o, first));
    Await.result(links.link(o, second));
    Await.result(links.renew(o, first));
    assertEquals(second, Await.result(links.currentOf(o)));
  }

  @Test
  void renewalsKeepExpiryOrderSoTheBoundDropsTheLeastRecentlyUsed() {
    for (int i = 0; i < 3; i++) {
      Await.result(links.link(new OrderId("o-" + i), new Delivery("uber", "d" + i)));
      clock.advance(Duration.ofSeconds(1));
    }
    Await.result(links.renew(new OrderId("o-0"), new Delivery("uber", "d0")));
    Await.result(links.link(new OrderId("o-3"), new Delivery("uber", "d3")));
    assertEquals(new OrderId("o-0"), Await.result(links.orderOf(new Delivery("uber", "d0"))), "renewed: kept");
    assertNull(Await.result(links.orderOf(new Delivery("uber", "d1"))), "the least recently used went");
  }
}
