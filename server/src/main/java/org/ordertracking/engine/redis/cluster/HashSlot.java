package org.ordertracking.engine.redis.cluster;

import java.nio.charset.StandardCharsets;
import org.ordertracking.engine.redis.RedisKeys;
import org.ordertracking.model.OrderId;

/**
 * Redis Cluster's key-to-slot function (CRC16/XMODEM of the key, or of its first non-empty
 * {@code {hash tag}}, modulo 16384), for routing a subscription to the shard that owns it. The
 * command client computes slots for its own commands; pub/sub connections are ours, so we need the
 * same function here.
 */
public final class HashSlot {
  public static final int SLOTS = 16384;
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i << 8;
      for (int b = 0; b < 8; b++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      TABLE[i] = crc & 0xFFFF;
    }
  }

  private HashSlot() {}

  /** The slot of an order: of its state key, events channel and idempotency keys alike. */
  public static int of(OrderId orderId) {
    return of(RedisKeys.eventsChannel(orderId));
  }

  public static int of(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    int from = 0;
    int to = bytes.length;
    int open = indexOf(bytes, (byte) '{', 0);
    if (open >= 0) {
      int close = indexOf(bytes, (byte) '}', open + 1);
      if (close > open + 1) {
        from = open + 1;
        to = close;
      }
    }
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
    }
    return crc & (SLOTS - 1);
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
