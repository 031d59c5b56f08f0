package org.ordertracking.engine.redis;

import java.util.regex.Pattern;
import org.ordertracking.engine.Sha256;
import org.ordertracking.model.OrderId;

/**
 * The Redis layout of the contract, in one place. The braces are a Cluster hash tag: an order's
 * state key, events channel and remembered idempotency keys always share a slot.
 */
public final class RedisKeys {
  private static final String PREFIX = "order:{";
  private static final String EVENTS_SUFFIX = "}:events";
  private static final Pattern SAFE_EVENT_ID = Pattern.compile("[A-Za-z0-9_.:/#-]{1,160}");

  private RedisKeys() {}

  public static String stateKey(OrderId orderId) {
    return PREFIX + orderId.value() + "}:state";
  }

  public static String eventsChannel(OrderId orderId) {
    return PREFIX + orderId.value() + EVENTS_SUFFIX;
  }

  /**
   * Where the publish script remembers an idempotency key: beside the order's state, in its slot.
   * Keys outside a safe alphabet, or long ones, are replaced by their SHA-256, so no provider input
   * can break the naming.
   */
  public static String eventIdKey(OrderId orderId, String idempotencyKey) {
    String id = SAFE_EVENT_ID.matcher(idempotencyKey).matches() ? idempotencyKey : "sha256-" + Sha256.hex(idempotencyKey);
    return PREFIX + orderId.value() + "}:event:" + id;
  }

}
