package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.ops.logging.LogConfig;
import org.ordertracking.ops.metrics.MetricsConfig;

class ObservabilityConfigTest {
  private static TrackingConfig config(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of("TRACKING_TOKEN_SECRET", "0123456789abcdef0123456789abcdef"));
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return TrackingConfig.fromEnv(env);
  }

  @Test
  void defaultsAreTextAtInfoAndMetricsOnTheMainPort() {
    TrackingConfig c = config();
    assertEquals(new LogConfig("INFO", LogConfig.Format.TEXT), c.logging());
    assertTrue(c.metrics().enabled());
    assertFalse(c.metrics().separatePort());
  }

  @Test
  void levelsAndFormatsAreReadWhateverTheirCase() {
    assertEquals(new LogConfig("DEBUG", LogConfig.Format.JSON),
        config("TRACKING_LOG_LEVEL", "debug", "TRACKING_LOG_FORMAT", "JSON").logging());
  }

  @Test
  void anUnknownLevelOrFormatIsRefusedNamingTheVariable() {
    ConfigException level = assertThrows(ConfigException.class, () -> config("TRACKING_LOG_LEVEL", "verbose"));
    assertTrue(level.getMessage().startsWith("TRACKING_LOG_LEVEL"), level.getMessage());
    ConfigException format = assertThrows(ConfigException.class, () -> config("TRACKING_LOG_FORMAT", "logfmt"));
    assertTrue(format.getMessage().startsWith("TRACKING_LOG_FORMAT"), format.getMessage());
  }

  @Test
  void aManagementPortIsItsOwnAndNotTheMainOne() {
    MetricsConfig m = config("TRACKING_METRICS_PORT", "9090", "TRACKING_METRICS_HOST", "127.0.0.1").metrics();
    assertEquals(new MetricsConfig(true, 9090, "127.0.0.1"), m);
    ConfigException same = assertThrows(ConfigException.class,
        () -> config("TRACKING_PORT", "9090", "TRACKING_METRICS_PORT", "9090"));
    assertTrue(same.getMessage().startsWith("TRACKING_METRICS_PORT"), same.getMessage());
    assertThrows(ConfigException.class, () -> config("TRACKING_METRICS_PORT", "http"));
    assertThrows(ConfigException.class, () -> config("TRACKING_METRICS_ENABLED", "maybe"));
    assertFalse(config("TRACKING_METRICS_ENABLED", "false").metrics().enabled());
  }
}
