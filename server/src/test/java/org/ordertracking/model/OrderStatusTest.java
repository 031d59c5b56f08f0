package org.ordertracking.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrderStatusTest {
  @Test
  void aStatusIsBehindOnlyALaterOneWhileTheOrderIsUnderWay() {
    assertTrue(OrderStatus.COURIER_ASSIGNED.isBehind(OrderStatus.PICKED_UP));
    assertTrue(OrderStatus.PLACED.isBehind(OrderStatus.NEARBY));
    assertFalse(OrderStatus.PICKED_UP.isBehind(OrderStatus.PICKED_UP), "the same status again moves nothing back");
    assertFalse(OrderStatus.NEARBY.isBehind(OrderStatus.PICKED_UP));
    assertFalse(OrderStatus.CANCELLED.isBehind(OrderStatus.NEARBY), "terminal statuses follow the terminal rule");
    assertFalse(OrderStatus.PLACED.isBehind(OrderStatus.DELIVERED), "after the end, the terminal rule decides");
    assertFalse(OrderStatus.PLACED.isBehind(null));
  }
}
