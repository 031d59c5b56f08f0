package org.ordertracking.server;

import java.time.Duration;
import org.ordertracking.config.Env;

/**
 * The node itself: its one HTTP/WebSocket listener, how many event loops serve it, how it drains,
 * and the public base URL of the links it mints.
 *
 * @param port 0 for any free port
 * @param httpInstances HTTP verticle instances, one per event loop
 * @param drainWindow on SIGTERM, sockets are closed spread over this window
 * @param publicUrl base of minted links, without a trailing slash
 */
public record ServerConfig(
    String host, int port, int httpInstances, Duration drainWindow, String publicUrl) {

  public static ServerConfig fromEnv(Env env) {
    int port = env.intValue("TRACKING_PORT", 8080, 0, 65535);
    String publicUrl = env.get("TRACKING_PUBLIC_URL", "http://localhost:" + (port == 0 ? 8080 : port));
    env.checkUrl("TRACKING_PUBLIC_URL", publicUrl, "http", "https");
    return new ServerConfig(
        env.get("TRACKING_HOST", "0.0.0.0"),
        port,
        env.intValue("TRACKING_HTTP_INSTANCES", Runtime.getRuntime().availableProcessors(), 1, 256),
        env.duration("TRACKING_DRAIN_WINDOW", Duration.ofSeconds(10), Duration.ZERO),
        publicUrl.replaceAll("/+$", ""));
  }
}
