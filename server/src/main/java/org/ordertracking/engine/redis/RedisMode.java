package org.ordertracking.engine.redis;

/** How the node talks to Redis: {@code TRACKING_REDIS_MODE}. */
public enum RedisMode {
  /** One Redis server (or a primary behind a stable address); PUBLISH/SUBSCRIBE. */
  STANDALONE,
  /** A Redis Cluster reached through one or more seed nodes; sharded pub/sub (SPUBLISH/SSUBSCRIBE). */
  CLUSTER
}
