package org.ordertracking.engine.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.ordertracking.engine.Feed;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.model.OrderId;
import org.ordertracking.ops.metrics.Metrics;

/**
 * A {@link RedisSubscriber} on one given Redis node, for feeds made of several (the Cluster feed
 * keeps one per master, each on the shard's own connection). Only opens what {@link RedisSetup}
 * describes; the subscriber's behaviour (ticketed confirmations, reconnect, resubscribe, resync)
 * is unchanged.
 */
public final class NodeSubscriber implements Feed {
  private final RedisSubscriber subscriber;

  /**
   * @param client a client of this subscriber's own, connecting to one node; closed with it
   * @param sink where frames and resyncs go, on the calling context
   */
  public NodeSubscriber(Vertx vertx, RedisSetup setup, Redis client, FrameListener sink) {
    this(vertx, setup, client, sink, Metrics.NONE);
  }

  /** The same, counting its reconnects in {@code metrics}. */
  public NodeSubscriber(Vertx vertx, RedisSetup setup, Redis client, FrameListener sink, Metrics metrics) {
    this.subscriber = new RedisSubscriber(vertx, client, setup.pubSub(), sink, metrics);
  }

  /** First connection attempt; later ones happen by themselves. Call on the feed's context. */
  public Future<Void> start() {
    return subscriber.start();
  }

  /** Whether the connection is up; safe to read from any thread. */
  public boolean connected() {
    return subscriber.connected();
  }

  @Override
  public Future<Void> subscribe(OrderId orderId) {
    return subscriber.subscribe(orderId);
  }

  @Override
  public void unsubscribe(OrderId orderId) {
    subscriber.unsubscribe(orderId);
  }

  public Future<Void> close() {
    return subscriber.close();
  }
}
