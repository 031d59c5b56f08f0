package org.ordertracking.engine.redis;

import org.ordertracking.model.OrderId;

/**
 * The Redis layout of the contract, in one place. The braces are a Cluster hash tag: an order's
 * state key and events channel always share a slot.
 */
public final class RedisKeys {
  private static final String PREFIX = "order:{";
  private static final String EVENTS_SUFFIX = "}:events";

  private RedisKeys() {}

  public static String stateKey(OrderId orderId) {
    return PREFIX + orderId.value() + "}:state";
  }

  public static String eventsChannel(OrderId orderId) {
    return PREFIX + orderId.value() + EVENTS_SUFFIX;
  }

}
