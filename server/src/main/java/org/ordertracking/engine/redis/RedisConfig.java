package org.ordertracking.engine.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

/**
 * Where Redis is, read from {@code TRACKING_REDIS_URL} and {@code TRACKING_REDIS_MODE}.
 *
 * @param urls one URL in standalone mode; one or more seed nodes in cluster mode
 * @param waitReplicas 0, or how many replicas must hold a publish before it is acknowledged
 *     ({@code TRACKING_REDIS_WAIT_REPLICAS}: Redis {@code WAIT} after the publish script)
 * @param waitTimeout how long a publish waits for them ({@code TRACKING_REDIS_WAIT_TIMEOUT})
 */
public record RedisConfig(RedisMode mode, List<String> urls, int waitReplicas, Duration waitTimeout) {
  public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMillis(500);

  /** No waiting for replicas (tests, embedding). */
  public RedisConfig(RedisMode mode, List<String> urls) {
    this(mode, urls, 0, DEFAULT_WAIT_TIMEOUT);
  }

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
    int waitReplicas = env.intValue("TRACKING_REDIS_WAIT_REPLICAS", 0, 0, 16);
    Duration waitTimeout = env.duration("TRACKING_REDIS_WAIT_TIMEOUT", DEFAULT_WAIT_TIMEOUT, Duration.ofMillis(1));
    if (raw == null) {
      if (mode == RedisMode.CLUSTER) {
        throw new ConfigException(
            "TRACKING_REDIS_MODE=cluster needs TRACKING_REDIS_URL: one or more seed nodes, comma-separated");
      }
      if (waitReplicas > 0) {
        throw new ConfigException("TRACKING_REDIS_WAIT_REPLICAS needs TRACKING_REDIS_URL (the in-memory engine has no replicas)");
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
    if (mode == RedisMode.CLUSTER) {
      checkSeeds(urls);
    }
    return new RedisConfig(mode, List.copyOf(urls), waitReplicas, waitTimeout);
  }

  /**
   * Cluster seeds: every node of a cluster is reached with the same scheme and credentials (the
   * client reuses them for the nodes it discovers), and a cluster has only database 0.
   */
  private static void checkSeeds(List<String> urls) {
    String first = credentialsPart(urls.get(0));
    for (String url : urls) {
      if (!credentialsPart(url).equals(first)) {
        throw new ConfigException("TRACKING_REDIS_URL: every cluster seed must use the same scheme and "
            + "credentials (the client reaches discovered nodes with them); '" + Env.redact(url)
            + "' differs from the first seed");
      }
      String path = hostAndPath(url);
      int slash = path.indexOf('/');
      if (slash >= 0 && !path.substring(slash).matches("/0?")) {
        throw new ConfigException("TRACKING_REDIS_URL: a Redis Cluster has only database 0; remove the "
            + "database number from '" + Env.redact(url) + "'");
      }
    }
  }

  /** The URL of the cluster node at {@code hostPort}, with the seeds' scheme and credentials. */
  public String nodeUrl(String hostPort) {
    String seed = urls.get(0);
    int query = seed.indexOf('?', credentialsPart(seed).length());
    return credentialsPart(seed) + hostPort + (query >= 0 ? seed.substring(query) : "");
  }

  /** The seeds as {@code host:port} (port 6379 when the URL names none). */
  public List<String> seedNodes() {
    List<String> nodes = new ArrayList<>();
    for (String url : urls) {
      String hostPort = hostAndPath(url);
      int slash = hostPort.indexOf('/');
      hostPort = slash >= 0 ? hostPort.substring(0, slash) : hostPort;
      boolean hasPort = hostPort.lastIndexOf(':') > hostPort.lastIndexOf(']');
      nodes.add(hasPort ? hostPort : hostPort + ":6379");
    }
    return nodes;
  }

  /** Everything before the host: scheme and user info (up to the last '@', as in Env.redact). */
  private static String credentialsPart(String url) {
    int start = url.indexOf("://") + 3;
    int at = url.lastIndexOf('@');
    return url.substring(0, at >= start ? at + 1 : start);
  }

  private static String hostAndPath(String url) {
    String rest = url.substring(credentialsPart(url).length());
    int query = rest.indexOf('?');
    return query >= 0 ? rest.substring(0, query) : rest;
  }

  /** The URLs with any password hidden, for logs. */
  public String urlsForLogs() {
    return String.join(",", urls.stream().map(Env::redact).toList());
  }
}
