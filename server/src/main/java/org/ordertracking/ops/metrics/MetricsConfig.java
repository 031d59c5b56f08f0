package org.ordertracking.ops.metrics;

import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

/**
 * Where {@code GET /metrics} answers: on the main listener, or on a management listener of its own
 * ({@code TRACKING_METRICS_PORT}) so that it need not be reachable from outside; or nowhere.
 *
 * @param enabled whether metrics are collected and served at all ({@code TRACKING_METRICS_ENABLED})
 * @param port the management port; -1 to serve on the main port; 0 for any free port
 * @param host the management listener's address
 */
public record MetricsConfig(boolean enabled, int port, String host) {
  public static final int MAIN_PORT = -1;

  public static MetricsConfig fromEnv(Env env, String mainHost, int mainPort) {
    boolean enabled = env.bool("TRACKING_METRICS_ENABLED", true);
    int port = env.intValue("TRACKING_METRICS_PORT", MAIN_PORT, 0, 65535);
    if (port > 0 && port == mainPort) {
      throw new ConfigException("TRACKING_METRICS_PORT must differ from TRACKING_PORT (" + mainPort
          + "); leave it unset to serve /metrics on the main port");
    }
    String host = env.get("TRACKING_METRICS_HOST", mainHost);
    return new MetricsConfig(enabled, port, host);
  }

  /** Metrics on, on the main port (tests, embedding). */
  public static MetricsConfig defaults() {
    return new MetricsConfig(true, MAIN_PORT, "127.0.0.1");
  }

  public boolean separatePort() {
    return port != MAIN_PORT;
  }
}
