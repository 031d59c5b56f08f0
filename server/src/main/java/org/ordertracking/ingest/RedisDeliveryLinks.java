package org.ordertracking.ingest;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import org.ordertracking.model.OrderId;

/**
 * Delivery links in Redis, shared by every node, through the node's one client. Two plain string
 * keys per link, each expiring with the order's state ttl (set when linked, started again by {@link
 * #renew}: one {@code PEXPIRE} per key, which leaves a key that expired or was replaced as it is):
 *
 * <ul>
 *   <li>{@code delivery:{<provider>:<deliveryId>}} → the order id (what a webhook resolves);
 *   <li>{@code delivery:order:{<orderId>}} → {@code <provider>:<deliveryId>}, the order's current
 *       delivery (what a relink replaces).
 * </ul>
 *
 * Every command touches one key, and each key is hash-tagged on its own, so the store works the
 * same on Redis Cluster. The two writes of a link are not atomic: the delivery's key is written
 * first, so a webhook between them finds the order and, until the second lands, the previous
 * current delivery (its events are then held back as superseded; the provider's next one gets
 * through).
 */
public final class RedisDeliveryLinks implements DeliveryLinks {
  private final Redis redis;
  private final String ttlMillis;

  public RedisDeliveryLinks(Redis redis, Duration ttl) {
    this.redis = redis;
    this.ttlMillis = Long.toString(ttl.toMillis());
  }

  public static String deliveryKey(Delivery d) {
    return "delivery:{" + d.provider() + ":" + d.deliveryId() + "}";
  }

  public static String orderKey(OrderId order) {
    return "delivery:order:{" + order.value() + "}";
  }

  @Override
  public Future<Void> link(OrderId order, Delivery delivery) {
    return set(deliveryKey(delivery), order.value())
        .compose(v -> set(orderKey(order), delivery.provider() + ":" + delivery.deliveryId()));
  }

  private Future<Void> set(String key, String value) {
    return redis.send(Request.cmd(Command.SET).arg(key).arg(value).arg("PX").arg(ttlMillis)).mapEmpty();
  }

  @Override
  public Future<Void> renew(OrderId order, Delivery delivery) {
    // Two keys in two slots: two commands, sent together (the client pipelines them).
    Future<?> d = expire(deliveryKey(delivery));
    Future<?> o = expire(orderKey(order));
    return Future.all(d, o).mapEmpty();
  }

  private Future<Void> expire(String key) {
    return redis.send(Request.cmd(Command.PEXPIRE).arg(key).arg(ttlMillis)).mapEmpty();
  }

  @Override
  public Future<OrderId> orderOf(Delivery delivery) {
    return get(deliveryKey(delivery)).map(s -> s != null && OrderId.isValid(s) ? new OrderId(s) : null);
  }

  @Override
  public Future<Delivery> currentOf(OrderId order) {
    return get(orderKey(order))
        .map(
            s -> {
              int colon = s == null ? -1 : s.indexOf(':'); // provider names hold no ':'
              return colon <= 0 ? null : new Delivery(s.substring(0, colon), s.substring(colon + 1));
            });
  }

  private Future<String> get(String key) {
    return redis.send(Request.cmd(Command.GET).arg(key)).map(RedisDeliveryLinks::text);
  }

  private static String text(Response r) {
    return r == null ? null : r.toString();
  }
}
