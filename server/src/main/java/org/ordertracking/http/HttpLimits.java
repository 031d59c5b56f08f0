package org.ordertracking.http;

import java.time.Duration;
import org.ordertracking.config.Env;

/**
 * How long a request may take to arrive and how many HTTP connections a node holds, so that slow
 * or idle connections (slowloris) cannot pile up. WebSocket connections leave these limits once
 * upgraded: their keep-alive is the gateway's pings, their cap {@code TRACKING_MAX_CONNECTIONS}.
 *
 * @param headerTimeout a new connection's request line and headers must arrive within this
 * @param bodyTimeout a request's body must arrive within this after its headers (else 408)
 * @param keepAliveTimeout an idle keep-alive connection is closed after this; the next request's
 *     headers must arrive within it
 * @param maxConnections HTTP (not yet WebSocket) connections per node; more are closed on accept
 * @param maxConnectionsPerClient the same per client address; 0 means no per-client cap
 * @param trustedProxies addresses whose {@code X-Forwarded-For} names the client
 */
public record HttpLimits(
    Duration headerTimeout,
    Duration bodyTimeout,
    Duration keepAliveTimeout,
    int maxConnections,
    int maxConnectionsPerClient,
    TrustedProxies trustedProxies) {

  /** Reads {@code TRACKING_HTTP_*} and {@code TRACKING_TRUSTED_PROXIES}; each documented in the README. */
  public static HttpLimits fromEnv(Env env) {
    Duration min = Duration.ofMillis(100);
    return new HttpLimits(
        env.duration("TRACKING_HTTP_HEADER_TIMEOUT", Duration.ofSeconds(10), min),
        env.duration("TRACKING_HTTP_BODY_TIMEOUT", Duration.ofSeconds(30), min),
        env.duration("TRACKING_HTTP_KEEP_ALIVE_TIMEOUT", Duration.ofSeconds(75), min),
        env.intValue("TRACKING_HTTP_MAX_CONNECTIONS", 10_000, 1, Integer.MAX_VALUE),
        env.intValue("TRACKING_HTTP_MAX_CONNECTIONS_PER_CLIENT", 0, 0, Integer.MAX_VALUE),
        TrustedProxies.parse("TRACKING_TRUSTED_PROXIES", env.get("TRACKING_TRUSTED_PROXIES")));
  }
}
