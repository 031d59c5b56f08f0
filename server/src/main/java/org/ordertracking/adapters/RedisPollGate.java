package org.ordertracking.adapters;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import org.ordertracking.model.OrderId;

/** Poll gate shared by all nodes: {@code SET adapters:{<provider>:<order>}:poll 1 NX PX <hold>}. */
public final class RedisPollGate implements PollGate {
  private final Redis redis;

  public RedisPollGate(Redis redis) {
    this.redis = redis;
  }

  public static String key(String provider, OrderId orderId) {
    return "adapters:{" + provider + ":" + orderId.value() + "}:poll";
  }

  @Override
  public Future<Boolean> tryAcquire(String provider, OrderId orderId, Duration hold) {
    return redis
        .send(
            Request.cmd(Command.SET)
                .arg(key(provider, orderId))
                .arg("1")
                .arg("NX")
                .arg("PX")
                .arg(Long.toString(Math.max(1, hold.toMillis()))))
        .map(r -> r != null);
  }
}
