package org.ordertracking.engine.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;

/**
 * The node's one Redis setup, built once from {@link RedisConfig}: the client options, the shared
 * command client (the engine's publishes and snapshots, the adapters' stores), fresh clients for
 * pub/sub connections, and which publish/subscribe command pair the mode uses. Building it connects
 * nothing; the first command does.
 */
public final class RedisSetup {
  private final RedisConfig config;
  private final Vertx vertx;
  private final RedisOptions options;
  private final PubSubCommands pubSub;
  private final Redis commands;

  private RedisSetup(Vertx vertx, RedisConfig config, RedisOptions options, PubSubCommands pubSub) {
    this.config = config;
    this.vertx = vertx;
    this.options = options;
    this.pubSub = pubSub;
    this.commands = Redis.createClient(vertx, options);
  }

  public static RedisSetup create(Vertx vertx, RedisConfig config) {
    // Sized for ingest bursts: many commands may wait for one of the pooled connections.
    RedisOptions options = new RedisOptions().setMaxPoolSize(16).setMaxPoolWaiting(4096).setMaxWaitingHandlers(16384);
    return switch (config.mode()) {
      case STANDALONE -> new RedisSetup(vertx, config, options.setConnectionString(config.urls().get(0)),
          PubSubCommands.CLASSIC);
      case CLUSTER -> new RedisSetup(vertx, config,
          options.setType(RedisClientType.CLUSTER).setEndpoints(config.urls()), PubSubCommands.SHARDED);
    };
  }

  public RedisMode mode() {
    return config.mode();
  }

  /** The shared command client; its pool serves every caller on the node. */
  public Redis commands() {
    return commands;
  }

  /** A client of its own, for one long-lived pub/sub connection. */
  Redis newClient() {
    return Redis.createClient(vertx, options);
  }

  public RedisConfig config() {
    return config;
  }

  /**
   * A client of its own to one Cluster node ({@code host:port}), with the seeds' scheme and
   * credentials: for a shard's pub/sub connection, and for asking a node for the topology.
   */
  public Redis nodeClient(String hostPort) {
    return Redis.createClient(vertx, new RedisOptions().setConnectionString(config.nodeUrl(hostPort))
        .setMaxPoolSize(1).setMaxPoolWaiting(64));
  }

  PubSubCommands pubSub() {
    return pubSub;
  }

  /** Closes the shared client; pub/sub clients are closed by whoever opened them. */
  public Future<Void> close() {
    return commands.close();
  }
}
