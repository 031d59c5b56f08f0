package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.ManualClock;

/** The in-memory twins of the adapters' stores: bounded, expiring. */
class MemoryStoresTest {
  @Test
  void activeOrdersExpireAndAreBounded() {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-14T12:00:00Z"));
    MemoryActiveOrders orders = new MemoryActiveOrders(clock, Duration.ofMinutes(10), 2);
    Await.result(orders.touch(new OrderId("a")));
    clock.advance(Duration.ofSeconds(1));
    Await.result(orders.touch(new OrderId("b")));
    clock.advance(Duration.ofSeconds(1));
    Await.result(orders.touch(new OrderId("c")));
    assertEquals(List.of(new OrderId("b"), new OrderId("c")), Await.result(orders.list()));
    clock.advance(Duration.ofSeconds(599)); // b expires now (t+601), c a second later
    assertEquals(List.of(new OrderId("c")), Await.result(orders.list()));
  }

  @Test
  void pollGateHoldsAnOrderForItsPeriod() {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-14T12:00:00Z"));
    MemoryPollGate gate = new MemoryPollGate(clock);
    OrderId o = new OrderId("o");
    assertTrue(Await.result(gate.tryAcquire("deliveroo", o, Duration.ofSeconds(60))));
    assertFalse(Await.result(gate.tryAcquire("deliveroo", o, Duration.ofSeconds(60))));
    clock.advance(Duration.ofSeconds(60));
    assertTrue(Await.result(gate.tryAcquire("deliveroo", o, Duration.ofSeconds(60))));
  }

  @Test
  void retryAfterReadsSecondsAndDatesAndIsCapped() {
    Instant now = Instant.parse("2026-03-14T12:00:00Z");
    Duration max = Duration.ofMinutes(10);
    assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", now, max).orElseThrow());
    assertEquals(
        Duration.ofSeconds(30),
        RetryAfter.parse("Sat, 14 Mar 2026 12:00:30 GMT", now, max).orElseThrow());
    assertEquals(max, RetryAfter.parse("86400", now, max).orElseThrow());
    assertTrue(RetryAfter.parse("soon", now, max).isEmpty());
  }
}
