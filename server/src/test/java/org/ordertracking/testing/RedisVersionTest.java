package org.ordertracking.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RedisVersionTest {
  @Test
  void readsTheVersionFromInfoAndFromTheBinary() {
    assertEquals("7.0.15", RedisVersion.parse("# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n", "INFO"));
    assertEquals("6.2.14", RedisVersion.parse("Redis server v=6.2.14 sha=00000000:0 malloc=jemalloc", "--version"));
  }

  @Test
  void aNewEnoughRedisPasses() {
    assertDoesNotThrow(() -> RedisVersion.require("7.0.15", 7, "sharded pub/sub", "test", true));
    assertDoesNotThrow(() -> RedisVersion.require("7.2.4", 7, "sharded pub/sub", "test", false));
  }

  @Test
  void anOlderRedisSkipsOnADevelopersMachineNamingTheFeatureAndVersion() {
    TestAbortedException e = assertThrows(TestAbortedException.class,
        () -> RedisVersion.require("6.0.16", 7, "sharded pub/sub", "redis-server on PATH", false));
    assertTrue(e.getMessage().contains("needs Redis >= 7 for sharded pub/sub; redis-server on PATH is 6.0.16"),
        e.getMessage());
  }

  @Test
  void anOlderRedisFailsInCi() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> RedisVersion.require("6.0.16", 7, "Redis Cluster with sharded pub/sub", "test", true));
    assertTrue(e.getMessage().contains("CI runs every test"), e.getMessage());
  }
}
