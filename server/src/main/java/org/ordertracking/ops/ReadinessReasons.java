package org.ordertracking.ops;

import java.util.Locale;

/**
 * The stable codes a not-ready node gives the public ({@code /health/ready}, the 503 of a refused
 * upgrade): {@code draining}, {@code redis_subscriber_down}, {@code redis_unavailable}, {@code
 * engine_unavailable}. The engine's own reason may hold a Redis error's raw text (a server
 * address, an ACL user name, the Redis version), which is for the operator's log, not for anyone
 * who can reach a health check; load balancers and dashboards match codes that do not change with
 * the client library's wording.
 */
public final class ReadinessReasons {
  public static final String DRAINING = "draining";
  /** Start-up warm-up still running ({@code TRACKING_WARMUP}); only {@code /health/ready} says it. */
  public static final String WARMING_UP = "warming_up";
  public static final String REDIS_SUBSCRIBER_DOWN = "redis_subscriber_down";
  public static final String REDIS_UNAVAILABLE = "redis_unavailable";
  public static final String ENGINE_UNAVAILABLE = "engine_unavailable";

  private ReadinessReasons() {}

  /** The code for an engine's free-text reason. */
  public static String code(String engineReason) {
    String r = engineReason.toLowerCase(Locale.ROOT);
    if (r.startsWith("redis subscriber")) {
      return REDIS_SUBSCRIBER_DOWN;
    }
    if (r.startsWith("redis")) {
      return REDIS_UNAVAILABLE;
    }
    return ENGINE_UNAVAILABLE;
  }
}
