package org.ordertracking.engine.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;
import org.ordertracking.engine.redis.RedisConfig;
import org.ordertracking.model.OrderId;

/** Cluster seeds as parsed at start-up, and the slot function the feed routes by. */
class ClusterConfigTest {
  private static RedisConfig cluster(String urls) {
    return RedisConfig.fromEnv(new Env(Map.of("TRACKING_REDIS_MODE", "cluster", "TRACKING_REDIS_URL", urls)));
  }

  private static String error(String urls) {
    return assertThrows(ConfigException.class, () -> cluster(urls)).getMessage();
  }

  @Test
  void seedsBecomeHostPortsAndDiscoveredNodesGetTheSeedsCredentials() {
    RedisConfig c = cluster("rediss://app:s3cret@r1.internal:7000, rediss://app:s3cret@r2.internal");
    assertEquals(List.of("r1.internal:7000", "r2.internal:6379"), c.seedNodes());
    assertEquals("rediss://app:s3cret@10.0.0.7:7003", c.nodeUrl("10.0.0.7:7003"));
    assertEquals("redis://10.0.0.7:7003", cluster("redis://r1:7000").nodeUrl("10.0.0.7:7003"));
  }

  @Test
  void seedsWithDifferentCredentialsAreRefusedWithoutEchoingThem() {
    String msg = error("redis://:pass-one@r1:7000,redis://:pass-two@r2:7000");
    assertTrue(msg.contains("TRACKING_REDIS_URL") && msg.contains("same scheme and credentials"), msg);
    assertFalse(msg.contains("pass-one") || msg.contains("pass-two"), msg);
    assertTrue(error("redis://r1:7000,rediss://r2:7000").contains("same scheme"));
  }

  @Test
  void aDatabaseNumberIsRefusedInClusterMode() {
    String msg = error("redis://:secret-pw@r1:7000/2");
    assertTrue(msg.contains("only database 0"), msg);
    assertFalse(msg.contains("secret-pw"), msg);
    assertEquals(List.of("r1:7000"), cluster("redis://r1:7000/0").seedNodes());
  }

  @Test
  void slotsMatchRedisClusterKeyslot() {
    // Values CLUSTER KEYSLOT gives (an empty tag "{}" counts the whole key).
    assertEquals(12182, HashSlot.of("foo"));
    assertEquals(5061, HashSlot.of("bar"));
    assertEquals(HashSlot.of("user1000"), HashSlot.of("{user1000}.following"));
    assertEquals(13694, HashSlot.of("a{}b"));
    assertEquals(10595, HashSlot.of("{}x"));
    assertEquals(16287, HashSlot.of("order:{x}:events"));
    assertEquals(1, HashSlot.of("order:{o5939}:events"));
    assertEquals(HashSlot.of("order:{o5939}:state"), HashSlot.of(new OrderId("o5939")));
  }
}
