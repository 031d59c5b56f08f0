package org.ordertracking.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

class StartupWarmupTest {

  @Test
  void exercisesTheConnectPathAtLeastOnce() throws Exception {
    assertTrue(StartupWarmup.exercise(Duration.ofMillis(50)) >= 1);
  }

  @Test
  void warmupDefaultsToOneAndAHalfSecondsAndZeroTurnsItOff() {
    assertEquals(Duration.ofMillis(1500), ServerConfig.fromEnv(new Env(Map.of())).warmup());
    assertEquals(Duration.ZERO, ServerConfig.fromEnv(new Env(Map.of("TRACKING_WARMUP", "0"))).warmup());
  }

  @Test
  void warmupLongerThanThirtySecondsStopsStartUp() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.fromEnv(new Env(Map.of("TRACKING_WARMUP", "31s"))));
    assertTrue(e.getMessage().startsWith("TRACKING_WARMUP"), e.getMessage());
  }
}
