package org.ordertracking.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.ordertracking.config.ConfigException;
import org.ordertracking.engine.memory.MemoryBroker;
import org.ordertracking.engine.redis.RedisBroker;
import org.ordertracking.engine.redis.RedisSetup;
import org.ordertracking.engine.redis.cluster.ClusterBroker;
import org.ordertracking.ops.metrics.Metrics;

/**
 * The one place that picks a broker from configuration and puts the hub on top; nothing else names
 * a concrete broker. Hub and broker share one engine loop, so the memory broker hands frames to the
 * node's watchers without a hop.
 */
public final class EngineFactory {
  private EngineFactory() {}

  /**
   * The engine the configuration asks for, started.
   *
   * @param redis the node's Redis setup, or null for the in-memory engine
   * @param watching whether the node serves sockets: only then does it open subscriptions (with
   *     one feed per node, at once, so readiness covers it from the start)
   */
  public static Future<TrackingEngine> create(
      Vertx vertx, EngineConfig config, RedisSetup redis, Clock clock, boolean watching) {
    return create(vertx, config, redis, clock, watching, Metrics.NONE);
  }

  /**
   * The same, recording through {@code metrics}: subscriber reconnects and the time of each Redis
   * command (publish, snapshot, health ping).
   */
  public static Future<TrackingEngine> create(
      Vertx vertx, EngineConfig config, RedisSetup redis, Clock clock, boolean watching, Metrics metrics) {
    EngineContext loop = new EngineContext(vertx);
    Broker broker;
    try {
      broker = broker(vertx, loop, config, redis, clock, metrics);
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    Hub hub = new Hub(broker, loop, Hub.DEFAULT_SCOPE);
    return hub.start(watching).map(hub);
  }

  private static Broker broker(Vertx vertx, EngineContext loop, EngineConfig config, RedisSetup redis, Clock clock,
      Metrics metrics) {
    if (redis == null) {
      return new MemoryBroker(vertx, loop, config, clock);
    }
    return switch (redis.mode()) {
      case STANDALONE -> new RedisBroker(vertx, loop, redis, config, clock, metrics);
      case CLUSTER -> new ClusterBroker(vertx, loop, redis, config, clock, metrics);
    };
  }

  /** The single-node engine with default settings (tests, embedding); it needs no start-up. */
  public static Hub memory(Vertx vertx, Duration stateTtl, Clock clock) {
    return memory(vertx, EngineConfig.defaults(stateTtl), clock, Hub.DEFAULT_SCOPE);
  }

  public static Hub memory(Vertx vertx, EngineConfig config, Clock clock, Hub.Scope scope) {
    EngineContext loop = new EngineContext(vertx);
    Hub hub = new Hub(new MemoryBroker(vertx, loop, config, clock), loop, scope);
    hub.start(true);
    return hub;
  }

  /**
   * The engine on the Redis of {@code redis} (standalone or Cluster, as its mode says), started:
   * connecting, or retrying in the background.
   */
  public static Future<Hub> redis(Vertx vertx, RedisSetup redis, EngineConfig config, Clock clock, Hub.Scope scope) {
    EngineContext loop = new EngineContext(vertx);
    Hub hub = new Hub(broker(vertx, loop, config, redis, clock, Metrics.NONE), loop, scope);
    return hub.start(true).map(hub);
  }
}
