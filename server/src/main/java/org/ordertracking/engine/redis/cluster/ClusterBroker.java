package org.ordertracking.engine.redis.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ordertracking.engine.Broker;
import org.ordertracking.engine.EngineConfig;
import org.ordertracking.engine.EngineContext;
import org.ordertracking.engine.EngineHealth;
import org.ordertracking.engine.Feed;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.PublishOptions;
import org.ordertracking.engine.redis.RedisBroker;
import org.ordertracking.engine.redis.RedisMode;
import org.ordertracking.engine.redis.RedisSetup;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.ops.metrics.Metrics;

/**
 * The Redis Cluster broker. Publishing and reading are the standalone broker's, unchanged, over
 * the setup's cluster client: the publish script's keys and channel share the order's slot
 * ({@code {orderId}} hash tag), so the client routes EVALSHA and HMGET to the slot's master and
 * follows MOVED/ASK by itself; the script publishes with SPUBLISH ({@link RedisSetup} picks sharded
 * pub/sub for the mode). What differs is watching: each feed is a {@link ClusterFeed}, one
 * pub/sub connection per master that follows slot moves and failovers.
 */
public final class ClusterBroker implements Broker, EngineHealth {
  /** 12 × 250 ms: long enough for the client's slot map (1 s cache) to follow a failover. */
  static final int CONNECT_RETRIES = 12;
  static final long RETRY_MS = 250;
  private final Vertx vertx;
  private final RedisSetup setup;
  private final RedisBroker commands;
  private final Metrics metrics;
  private final List<ClusterFeed> feeds = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public ClusterBroker(Vertx vertx, EngineContext loop, RedisSetup setup, EngineConfig config, Clock clock) {
    this(vertx, loop, setup, config, clock, Metrics.NONE);
  }

  /** The same, recording command times and shard subscriber reconnects through {@code metrics}. */
  public ClusterBroker(Vertx vertx, EngineContext loop, RedisSetup setup, EngineConfig config, Clock clock,
      Metrics metrics) {
    if (setup.mode() != RedisMode.CLUSTER) {
      throw new IllegalArgumentException("the cluster broker needs a cluster setup");
    }
    this.vertx = vertx;
    this.setup = setup;
    this.metrics = metrics;
    this.commands = new RedisBroker(vertx, loop, setup, config, clock, metrics);
  }

  @Override
  public String name() {
    return "redis-cluster";
  }

  @Override
  public Future<Void> start() {
    return commands.start();
  }

  /**
   * The standalone broker's publish, retried only when the client could not connect at all (see
   * {@link #neverSent}): during a failover it fails every command until its slot map drops the
   * dead node, though the other shards are fine. A failure after the script may have run is
   * never retried here (the publisher decides; provider events carry an idempotency key).
   */
  @Override
  public Future<PublishResult> publish(TrackingEvent event, PublishOptions options) {
    return publish(event, options, 0);
  }

  private Future<PublishResult> publish(TrackingEvent event, PublishOptions options, int attempt) {
    return commands.publish(event, options).recover(err -> attempt >= CONNECT_RETRIES || !neverSent(err)
        ? Future.failedFuture(err)
        : vertx.timer(RETRY_MS).compose(t -> publish(event, options, attempt + 1)));
  }

  /**
   * The Vert.x cluster client's failures that happen before anything is sent: {@code
   * RedisClusterClient.connect()} ("Failed to connect to all nodes of the cluster": it needs a
   * connection to every node of its slot map) and {@code SharedSlots} ("Cannot connect to any of
   * the provided endpoints": no seed answered). Matched by message: the exception class is the
   * client's internal {@code RedisConnectException}.
   */
  static boolean neverSent(Throwable err) {
    String msg = err.getMessage();
    return msg != null && (msg.startsWith("Failed to connect to all nodes of the cluster")
        || msg.startsWith("Cannot connect to any of the provided endpoints"));
  }

  /**
   * The standalone broker's read, retried for a short while: right after a failover or a slot move
   * the command client fails every command until its own slot map catches up (it connects to every
   * node it last saw, the dead one included), and a watcher resynchronising then must not lose its
   * socket over it. A read is safe to repeat.
   */
  @Override
  public Future<Snapshot> snapshot(OrderId orderId) {
    return snapshot(orderId, 0);
  }

  private Future<Snapshot> snapshot(OrderId orderId, int attempt) {
    return commands.snapshot(orderId).recover(err -> attempt >= CONNECT_RETRIES
        ? Future.failedFuture(err)
        : vertx.timer(RETRY_MS).compose(t -> snapshot(orderId, attempt + 1)));
  }

  @Override
  public Feed openFeed(FrameListener sink) {
    ClusterFeed feed = new ClusterFeed(vertx, setup, sink, metrics);
    feeds.add(feed);
    if (closed) {
      feed.close();
    } else {
      feed.start();
    }
    return feed;
  }

  /** Every shard connection of every feed, then the command side. */
  @Override
  public Optional<String> notReadyReason() {
    for (ClusterFeed feed : feeds) {
      Optional<String> reason = feed.notReadyReason();
      if (reason.isPresent()) {
        return reason;
      }
    }
    return commands.notReadyReason();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    List<Future<Void>> closing = new ArrayList<>();
    feeds.forEach(feed -> closing.add(feed.close()));
    return Future.join(closing).transform(x -> commands.close());
  }
}
