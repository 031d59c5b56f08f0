package org.ordertracking.server;

import java.time.Duration;
import java.util.Set;
import org.ordertracking.config.Env;

/**
 * The node itself: what it does, its one HTTP/WebSocket listener, how many event loops serve it,
 * how it drains, and the public base URL of the links it mints.
 *
 * @param roles what this node does ({@link Role}); all of them by default
 * @param port 0 for any free port
 * @param httpInstances HTTP verticle instances, one per event loop
 * @param drainWindow on SIGTERM, sockets are closed spread over this window
 * @param publicUrl base of minted links, without a trailing slash
 * @param warmup how long the node exercises its connect path in-process at start-up before it
 *     reports ready ({@link StartupWarmup}); zero skips it
 */
public record ServerConfig(
    Set<Role> roles, String host, int port, int httpInstances, Duration drainWindow, String publicUrl,
    Duration warmup) {

  /** The longest warm-up accepted: start-up must stay quick whatever is configured. */
  static final Duration MAX_WARMUP = Duration.ofSeconds(30);

  public static ServerConfig fromEnv(Env env) {
    int port = env.intValue("TRACKING_PORT", 8080, 0, 65535);
    String publicUrl = env.get("TRACKING_PUBLIC_URL", "http://localhost:" + (port == 0 ? 8080 : port));
    env.checkUrl("TRACKING_PUBLIC_URL", publicUrl, "http", "https");
    return new ServerConfig(
        Role.parse("TRACKING_ROLES", env.get("TRACKING_ROLES", "gateway,ingest,adapters")),
        env.get("TRACKING_HOST", "0.0.0.0"),
        port,
        env.intValue("TRACKING_HTTP_INSTANCES", Runtime.getRuntime().availableProcessors(), 1, 256),
        env.duration("TRACKING_DRAIN_WINDOW", Duration.ofSeconds(10), Duration.ZERO),
        publicUrl.replaceAll("/+$", ""),
        warmup(env));
  }

  private static Duration warmup(Env env) {
    Duration warmup = env.duration("TRACKING_WARMUP", Duration.ofMillis(1500), Duration.ZERO);
    if (warmup.compareTo(MAX_WARMUP) > 0) {
      throw new org.ordertracking.config.ConfigException(
          "TRACKING_WARMUP must be at most " + MAX_WARMUP.toSeconds() + "s, got " + warmup.toMillis() + "ms");
    }
    return warmup;
  }
}
