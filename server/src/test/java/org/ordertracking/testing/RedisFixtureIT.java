package org.ordertracking.testing;

import org.junit.jupiter.api.Test;

/**
 * The Redis the tests get is one the Redis 7 tests can run on: skipped with the reason on an
 * older Redis, failed under {@code CI=true} (CI must never skip them).
 */
class RedisFixtureIT {
  @Test
  void theSharedRedisIsRecentEnoughForShardedPubSub() {
    RedisFixture.shared().requireVersion(7, "sharded pub/sub");
  }

  @Test
  void theLocalRedisServerIsRecentEnoughForACluster() {
    RedisFixture.requireLocalServerVersion(7, "Redis Cluster with sharded pub/sub");
  }
}
