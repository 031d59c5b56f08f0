package org.ordertracking.engine.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

/**
 * Where Redis is, read from {@code TRACKING_REDIS_URL} and {@code TRACKING_REDIS_MODE}.
 *
 * @param urls one URL in standalone mode; one or more seed nodes in cluster mode
 */
public record RedisConfig(RedisMode mode, List<String> urls) {

  /** The settings, or null when {@code TRACKING_REDIS_URL} is unset (the in-memory engine). */
  public static RedisConfig fromEnv(Env env) {
    String modeText = env.get("TRACKING_REDIS_MODE", "standalone");
    RedisMode mode = switch (modeText.toLowerCase(Locale.ROOT)) {
      case "standalone" -> RedisMode.STANDALONE;
      case "cluster" -> RedisMode.CLUSTER;
      default -> throw new ConfigException(
          "TRACKING_REDIS_MODE must be standalone or cluster, got '" + modeText + "'");
    };
    String raw = env.get("TRACKING_REDIS_URL");
    if (raw == null) {
      if (mode == RedisMode.CLUSTER) {
        throw new ConfigException(
            "TRACKING_REDIS_MODE=cluster needs TRACKING_REDIS_URL: one or more seed nodes, comma-separated");
      }
      return null;
    }
    List<String> urls = new ArrayList<>();
    for (String part : raw.split(",")) {
      String url = part.trim();
      if (!url.isEmpty()) {
        env.checkUrl("TRACKING_REDIS_URL", url, "redis", "rediss");
        urls.add(url);
      }
    }
    if (urls.isEmpty()) {
      throw new ConfigException("TRACKING_REDIS_URL holds no URL");
    }
    if (mode == RedisMode.STANDALONE && urls.size() > 1) {
      throw new ConfigException("TRACKING_REDIS_URL lists " + urls.size()
          + " URLs; only TRACKING_REDIS_MODE=cluster takes several (seed nodes)");
    }
    return new RedisConfig(mode, List.copyOf(urls));
  }

  /** The URLs with any password hidden, for logs. */
  public String urlsForLogs() {
    return String.join(",", urls.stream().map(Env::redact).toList());
  }
}
