package org.ordertracking.gateway;

import java.time.Duration;
import org.ordertracking.config.Env;

/**
 * The WebSocket gateway's settings.
 *
 * @param pingInterval keep-alive ping interval; a socket silent for two intervals is closed
 * @param maxConnections sockets per node; over it upgrades get 429
 */
public record GatewayConfig(Duration pingInterval, int maxConnections) {

  public static GatewayConfig fromEnv(Env env) {
    return new GatewayConfig(
        env.duration("TRACKING_PING_INTERVAL", Duration.ofSeconds(20), Duration.ofMillis(100)),
        env.intValue("TRACKING_MAX_CONNECTIONS", 100_000, 1, Integer.MAX_VALUE));
  }
}
