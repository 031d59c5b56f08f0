package org.ordertracking.adapters;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ordertracking.model.OrderId;

/**
 * Active orders of one provider in a sorted set, {@code adapters:{<provider>}:active}, member the
 * order id, score its expiry in epoch millis. One key per provider (one slot on a Cluster): the
 * set holds ids of orders in flight only, and every node reads it whole once per poll interval.
 */
public final class RedisActiveOrders implements ActiveOrders {
  private final Redis redis;
  private final String key;
  private final Clock clock;
  private final long ttlMillis;
  private final int max;

  public RedisActiveOrders(Redis redis, String provider, Clock clock, Duration ttl, int max) {
    this.redis = redis;
    this.key = key(provider);
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
    this.max = max;
  }

  public static String key(String provider) {
    return "adapters:{" + provider + "}:active";
  }

  @Override
  public Future<Void> touch(OrderId orderId) {
    long expiry = clock.millis() + ttlMillis;
    return redis
        .send(Request.cmd(Command.ZADD).arg(key).arg(Long.toString(expiry)).arg(orderId.value()))
        .compose(r -> redis.send(Request.cmd(Command.PEXPIRE).arg(key).arg(Long.toString(ttlMillis))))
        .mapEmpty();
  }

  @Override
  public Future<Void> remove(OrderId orderId) {
    return redis.send(Request.cmd(Command.ZREM).arg(key).arg(orderId.value())).mapEmpty();
  }

  @Override
  public Future<List<OrderId>> list() {
    String now = Long.toString(clock.millis());
    // Expired members first, then the ones expiring last, so the bound keeps the freshest.
    return redis
        .send(Request.cmd(Command.ZREMRANGEBYSCORE).arg(key).arg("-inf").arg(now))
        .compose(
            r ->
                redis.send(
                    Request.cmd(Command.ZRANGE)
                        .arg(key)
                        .arg("0")
                        .arg(Integer.toString(max - 1))
                        .arg("REV")))
        .map(RedisActiveOrders::ids);
  }

  private static List<OrderId> ids(Response r) {
    List<OrderId> out = new ArrayList<>(r.size());
    for (Response member : r) {
      String id = member.toString();
      if (OrderId.isValid(id)) {
        out.add(new OrderId(id));
      }
    }
    out.sort((a, b) -> a.value().compareTo(b.value()));
    return out;
  }
}
