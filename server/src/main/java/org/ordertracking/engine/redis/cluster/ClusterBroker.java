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
  static final int SNAPSHOT_RETRIES = 12;
  static final long SNAPSHOT_RETRY_MS = 250;
  private final Vertx vertx;
  private final RedisSetup setup;
  private final RedisBroker commands;
  private final List<ClusterFeed> feeds = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public ClusterBroker(Vertx vertx, EngineContext loop, RedisSetup setup, EngineConfig config, Clock clock) {
    if (setup.mode() != RedisMode.CLUSTER) {
      throw new IllegalArgumentException("the cluster broker needs a cluster setup");
    }
    this.vertx = vertx;
    this.setup = setup;
    this.commands = new RedisBroker(vertx, loop, setup, config, clock);
  }

  @Override
  public String name() {
    return "redis-cluster";
  }

  @Override
  public Future<Void> start() {
    return commands.start();
  }

  @Override
  public Future<PublishResult> publish(TrackingEvent event, PublishOptions options) {
    return commands.publish(event, options);
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
    return commands.snapshot(orderId).recover(err -> attempt >= SNAPSHOT_RETRIES
        ? Future.failedFuture(err)
        : vertx.timer(SNAPSHOT_RETRY_MS).compose(t -> snapshot(orderId, attempt + 1)));
  }

  @Override
  public Feed openFeed(FrameListener sink) {
    ClusterFeed feed = new ClusterFeed(vertx, setup, sink);
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
