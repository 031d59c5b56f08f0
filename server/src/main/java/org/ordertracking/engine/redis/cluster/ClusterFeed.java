package org.ordertracking.engine.redis.cluster;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.ordertracking.engine.Feed;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.redis.NodeSubscriber;
import org.ordertracking.engine.redis.RedisSetup;
import org.ordertracking.model.OrderId;
import org.ordertracking.ops.metrics.Metrics;
import org.ordertracking.protocol.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Feed} over a Redis Cluster: one pub/sub connection per master (a {@link NodeSubscriber}
 * each), every order subscribed with SSUBSCRIBE on the master that owns its slot, as our own slot
 * map ({@link Topology}) says. Confined to the context that opened it.
 *
 * <p>Why our own map: the Vert.x cluster client routes an SSUBSCRIBE by its channel, but its
 * connection object is a snapshot of the topology (handlers are set on the node connections that
 * exist when they are set, a connection opened later to follow a MOVED has none, and connecting
 * needs every listed node up), so a long-lived subscription cannot follow a slot move or a failover
 * on it. See docs/cluster.md.
 *
 * <p>When the map changes — a shard says {@code sunsubscribe} for a channel we still want (its slot
 * was migrated away), answers MOVED, or a shard connection is lost (its master may have failed
 * over) — the feed asks the cluster for the slot map again, moves every order whose owner changed
 * to the new owner's connection, and once the new SSUBSCRIBE is confirmed reports the order to the
 * sink's {@link FrameListener#onResync}, as after an outage: its watchers read a fresh snapshot. A
 * periodic check repeats the question while anything is amiss, and now and then regardless.
 */
final class ClusterFeed implements Feed {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterFeed.class);
  static final long TICK_MS = 500;
  /** Ask again after this long even if nothing looked wrong (a push we might have missed). */
  static final long QUIET_REFRESH_MS = 10_000;
  /** An SSUBSCRIBE not confirmed by then was lost (e.g. answered MOVED): place it again. */
  static final long CONFIRM_TIMEOUT_MS = 5_000;
  private static final String CHANNEL_PREFIX = "order:{";
  private static final String CHANNEL_SUFFIX = "}:events";

  /** One wanted order: where it is subscribed, and whether its watchers saw it ready. */
  private static final class Route {
    final OrderId orderId;
    final int slot;
    final Promise<Void> ready = Promise.promise();
    String shard;
    long attempt;
    boolean confirmed;
    boolean stale;
    long placedAt;

    Route(OrderId orderId) {
      this.orderId = orderId;
      this.slot = HashSlot.of(orderId);
    }
  }

  /** One master's pub/sub connection. */
  private final class Shard implements FrameListener, ObservedClient.Observer {
    final String node;
    final NodeSubscriber subscriber;

    Shard(String node) {
      this.node = node;
      this.subscriber = new NodeSubscriber(vertx, setup, new ObservedClient(setup.nodeClient(node), this), this, metrics);
    }

    @Override
    public void onFrame(Frame frame) {
      sink.onFrame(frame);
    }

    /** The subscriber reconnected to this same node: forward only orders still routed here. */
    @Override
    public void onResync(OrderId orderId) {
      Route r = routes.get(orderId);
      if (r != null && node.equals(r.shard) && r.ready.future().isComplete()) {
        sink.onResync(orderId);
      }
    }

    @Override
    public void onServerUnsubscribe(Response channel) {
      onContext(() -> {
        Route r = routes.get(orderOf(channel.toString()));
        if (r != null && node.equals(r.shard) && r.confirmed) {
          // One line per channel: debug only (a slot move drops all of its channels at once).
          LOG.debug("Redis Cluster shard {} dropped {} (slot {} moved?); refreshing the slot map", node, channel, r.slot);
          r.stale = true;
          requestRefresh(node);
        }
      });
    }

    @Override
    public void onError(Response error) {
      onContext(() -> {
        String text = error.toString();
        // Expected after a move: our SUNSUBSCRIBE on the old owner is answered MOVED.
        LOG.debug("Redis Cluster shard {} answered {}; refreshing the slot map", node, text);
        String[] parts = text.split(" ");
        if (parts.length >= 3 && (parts[0].equals("MOVED") || parts[0].equals("ASK"))) {
          int slot = Integer.parseInt(parts[1]);
          routes.values().stream().filter(r -> r.slot == slot && node.equals(r.shard)).forEach(r -> r.stale = true);
          requestRefresh(parts[2]);
        } else {
          requestRefresh(null);
        }
      });
    }

    @Override
    public void onLost() {
      onContext(() -> requestRefresh(null));
    }
  }

  private final Vertx vertx;
  private final RedisSetup setup;
  private final FrameListener sink;
  private final Metrics metrics;
  private final ContextInternal context;
  private final TopologySource source;
  private final Map<OrderId, Route> routes = new HashMap<>();
  private final Map<String, Shard> shards = new HashMap<>();
  private volatile List<Shard> shardList = List.of();
  private volatile boolean topologyKnown;
  private volatile String lastRefreshError;
  private Topology topology;
  private boolean refreshing;
  private boolean refreshAgain;
  private final Set<String> hints = new LinkedHashSet<>();
  private long lastRefresh;
  private int failedRefreshes;
  private long nextAttemptAt;
  private long ticker = -1;
  private boolean closed;

  ClusterFeed(Vertx vertx, RedisSetup setup, FrameListener sink, Metrics metrics) {
    this.vertx = vertx;
    this.setup = setup;
    this.sink = sink;
    this.metrics = metrics;
    this.context = ContextInternal.current() != null ? ContextInternal.current() : (ContextInternal) vertx.getOrCreateContext();
    this.source = new TopologySource(vertx, setup);
  }

  /** Learns the slot map and connects to every master; retries by itself. */
  void start() {
    ticker = vertx.setPeriodic(TICK_MS, id -> tick());
    requestRefresh(null);
  }

  /** Empty when every shard connection is up, else why not. Safe from any thread. */
  Optional<String> notReadyReason() {
    if (!topologyKnown) {
      String why = lastRefreshError;
      return Optional.of("redis cluster slot map unknown" + (why == null ? "" : ": " + why));
    }
    for (Shard s : shardList) {
      if (!s.subscriber.connected()) {
        return Optional.of("redis cluster shard " + s.node + " subscriber disconnected");
      }
    }
    return Optional.empty();
  }

  @Override
  public Future<Void> subscribe(OrderId orderId) {
    Route route = new Route(orderId);
    Route old = routes.put(orderId, route);
    if (old != null && old.shard != null) {
      unsubscribeFrom(old.shard, orderId);
    }
    if (topology != null) {
      place(route, topology.masterOf(route.slot));
    }
    return route.ready.future();
  }

  @Override
  public void unsubscribe(OrderId orderId) {
    Route route = routes.remove(orderId);
    if (route != null && route.shard != null) {
      unsubscribeFrom(route.shard, orderId);
    }
  }

  private void unsubscribeFrom(String node, OrderId orderId) {
    Shard shard = shards.get(node);
    if (shard != null) {
      shard.subscriber.unsubscribe(orderId);
    }
  }

  /** Subscribes the route on {@code owner} (null: no master serves its slot yet; wait). */
  private void place(Route route, String owner) {
    route.stale = false;
    route.confirmed = false;
    route.shard = owner;
    long attempt = ++route.attempt;
    route.placedAt = System.nanoTime();
    if (owner == null) {
      return;
    }
    shardOf(owner).subscriber.subscribe(route.orderId).onComplete(ar -> placed(route, attempt, ar));
  }

  private void placed(Route route, long attempt, AsyncResult<Void> ar) {
    if (routes.get(route.orderId) != route || route.attempt != attempt) {
      return; // moved or unsubscribed meanwhile
    }
    if (ar.failed()) {
      route.stale = true;
      requestRefresh(null);
      return;
    }
    route.confirmed = true;
    if (!route.ready.tryComplete()) {
      // Its watchers read a snapshot before the move: events in between reached nobody.
      sink.onResync(route.orderId);
    }
  }

  private Shard shardOf(String node) {
    Shard shard = shards.get(node);
    if (shard == null) {
      shard = new Shard(node);
      shards.put(node, shard);
      shardList = List.copyOf(shards.values());
      shard.subscriber.start();
    }
    return shard;
  }

  private void tick() {
    if (closed || refreshing) {
      return;
    }
    long now = System.nanoTime();
    if (now < nextAttemptAt) {
      return;
    }
    boolean amiss = topology == null || shardList.stream().anyMatch(s -> !s.subscriber.connected());
    long timeout = CONFIRM_TIMEOUT_MS * 1_000_000;
    for (Route r : routes.values()) {
      if (r.stale || r.shard == null || (!r.confirmed && now - r.placedAt > timeout && shardUp(r.shard))) {
        // (On a shard whose connection is down the subscriber resubscribes when it is back.)
        r.stale = true;
        amiss = true;
      }
    }
    if (amiss || now - lastRefresh > QUIET_REFRESH_MS * 1_000_000) {
      requestRefresh(null);
    }
  }

  private boolean shardUp(String node) {
    Shard shard = shards.get(node);
    return shard != null && shard.subscriber.connected();
  }

  /** Asks for the slot map now, or right after the question under way. */
  private void requestRefresh(String hint) {
    if (closed) {
      return;
    }
    if (hint != null) {
      hints.add(hint);
    }
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    Set<String> candidates = new LinkedHashSet<>(hints);
    hints.clear();
    if (topology != null) {
      candidates.addAll(topology.nodes());
    }
    candidates.addAll(setup.config().seedNodes());
    source.fetch(new ArrayList<>(candidates)).onComplete(ar -> onContext(() -> refreshed(ar)));
  }

  private void refreshed(AsyncResult<Topology> ar) {
    refreshing = false;
    lastRefresh = System.nanoTime();
    if (closed) {
      return;
    }
    if (ar.failed()) {
      failedRefreshes++;
      long backoff = Math.min(5_000, 250L << Math.min(failedRefreshes, 5));
      nextAttemptAt = System.nanoTime() + (backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1)) * 1_000_000;
      lastRefreshError = ar.cause().getMessage();
      if (failedRefreshes == 1) {
        LOG.warn("Redis Cluster slot map unavailable: {}", lastRefreshError);
      }
      return;
    }
    failedRefreshes = 0;
    lastRefreshError = null;
    nextAttemptAt = 0;
    apply(ar.result());
    if (refreshAgain) {
      refreshAgain = false;
      requestRefresh(null);
    }
  }

  /** Moves every order whose owner changed (or whose subscription was lost); drops old masters. */
  private void apply(Topology fresh) {
    topology = fresh;
    topologyKnown = true;
    fresh.masters().forEach(this::shardOf);
    int moved = 0;
    for (Route r : routes.values()) {
      String owner = fresh.masterOf(r.slot);
      if (r.stale || r.shard == null || !r.shard.equals(owner)) {
        if (r.shard != null && !r.shard.equals(owner)) {
          moved++;
        }
        if (r.shard != null) {
          unsubscribeFrom(r.shard, r.orderId);
        }
        place(r, owner);
      }
    }
    List<String> gone = shards.keySet().stream().filter(n -> !fresh.masters().contains(n)).toList();
    for (String node : gone) {
      LOG.info("Redis Cluster node {} no longer a master; closing its pub/sub connection", node);
      shards.remove(node).subscriber.close();
    }
    if (!gone.isEmpty()) {
      shardList = List.copyOf(shards.values());
    }
    if (moved > 0) {
      LOG.info("Redis Cluster slot map changed: {} orders resubscribed on their new masters", moved);
    }
  }

  private static OrderId orderOf(String channel) {
    if (channel.startsWith(CHANNEL_PREFIX) && channel.endsWith(CHANNEL_SUFFIX)) {
      String id = channel.substring(CHANNEL_PREFIX.length(), channel.length() - CHANNEL_SUFFIX.length());
      if (OrderId.isValid(id)) {
        return new OrderId(id);
      }
    }
    return null;
  }

  private void onContext(Runnable task) {
    if (context.isRunningOnContext()) {
      task.run();
    } else {
      context.runOnContext(v -> task.run());
    }
  }

  Future<Void> close() {
    Promise<Void> done = Promise.promise();
    onContext(() -> {
      closed = true;
      if (ticker >= 0) {
        vertx.cancelTimer(ticker);
      }
      List<Future<Void>> closing = new ArrayList<>();
      shards.values().forEach(s -> closing.add(s.subscriber.close()));
      shards.clear();
      shardList = List.of();
      routes.values().forEach(r -> r.ready.tryFail("engine closed"));
      routes.clear();
      Future.join(closing).<Void>mapEmpty().onComplete(done);
    });
    return done.future();
  }
}
