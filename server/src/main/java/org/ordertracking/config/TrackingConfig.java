package org.ordertracking.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything the server reads from its environment, validated once at start-up. Every variable is
 * documented with its default in the README's configuration table.
 */
public record TrackingConfig(
    String host,
    int port,
    List<String> tokenSecrets,
    String adminKey,
    Map<String, String> apiKeys,
    String publicUrl,
    String redisUrl,
    Duration stateTtl,
    int httpInstances,
    Duration pingInterval,
    int maxConnections,
    Duration drainWindow,
    boolean demo,
    int demoCouriers) {

  public static final int MIN_SECRET_BYTES = 32;
  private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** Reads and validates; throws {@link ConfigException} naming the first bad variable. */
  public static TrackingConfig fromEnv(Map<String, String> vars) {
    Env env = new Env(vars);
    boolean demo = env.bool("TRACKING_DEMO", false);
    int port = env.intValue("TRACKING_PORT", 8080, 0, 65535);
    String host = env.get("TRACKING_HOST", "0.0.0.0");

    List<String> secrets = secrets(env.get("TRACKING_TOKEN_SECRET"), demo);
    String adminKey = env.get("TRACKING_ADMIN_KEY");
    Map<String, String> apiKeys = env.pairs("TRACKING_API_KEYS");
    apiKeys.keySet().forEach(name -> {
      if (!KEY_NAME.matcher(name).matches()) {
        throw new ConfigException("TRACKING_API_KEYS: key name '" + name
            + "' must be 1-64 characters from [A-Za-z0-9_.-] (it becomes the events' provider)");
      }
    });

    if (new java.util.HashSet<>(apiKeys.values()).size() < apiKeys.size()) {
      // The key's name becomes the events' provider: one key under two names would make it arbitrary.
      throw new ConfigException("TRACKING_API_KEYS gives the same key to two names; each name needs its own key");
    }
    if (adminKey != null && apiKeys.containsValue(adminKey)) {
      throw new ConfigException("TRACKING_ADMIN_KEY must differ from every key in TRACKING_API_KEYS");
    }

    String publicUrl = env.get("TRACKING_PUBLIC_URL", "http://localhost:" + (port == 0 ? 8080 : port));
    checkUrl("TRACKING_PUBLIC_URL", publicUrl, "http", "https");
    publicUrl = publicUrl.replaceAll("/+$", "");

    String redisUrl = env.get("TRACKING_REDIS_URL");
    if (redisUrl != null) {
      checkUrl("TRACKING_REDIS_URL", redisUrl, "redis", "rediss");
    }

    return new TrackingConfig(
        host,
        port,
        secrets,
        adminKey,
        Map.copyOf(apiKeys),
        publicUrl,
        redisUrl,
        env.duration("TRACKING_STATE_TTL", Duration.ofHours(24), Duration.ofSeconds(1)),
        env.intValue("TRACKING_HTTP_INSTANCES", Runtime.getRuntime().availableProcessors(), 1, 256),
        env.duration("TRACKING_PING_INTERVAL", Duration.ofSeconds(20), Duration.ofMillis(100)),
        env.intValue("TRACKING_MAX_CONNECTIONS", 100_000, 1, Integer.MAX_VALUE),
        env.duration("TRACKING_DRAIN_WINDOW", Duration.ofSeconds(10), Duration.ZERO),
        demo,
        env.intValue("TRACKING_DEMO_COURIERS", 6, 1, 500));
  }

  private static List<String> secrets(String raw, boolean demo) {
    if (raw == null) {
      if (demo) {
        return List.of(); // the demo mints a random secret
      }
      throw new ConfigException(
          "TRACKING_TOKEN_SECRET is required: one or more secrets of at least "
              + MIN_SECRET_BYTES + " bytes, comma-separated (the first signs, all verify)");
    }
    List<String> out = new ArrayList<>();
    for (String s : Arrays.asList(raw.split(","))) {
      String secret = s.trim();
      if (secret.isEmpty()) {
        continue;
      }
      int len = secret.getBytes(StandardCharsets.UTF_8).length;
      if (len < MIN_SECRET_BYTES) {
        throw new ConfigException("TRACKING_TOKEN_SECRET: secret #" + (out.size() + 1) + " is " + len
            + " bytes; each secret must be at least " + MIN_SECRET_BYTES + " bytes");
      }
      out.add(secret);
    }
    if (out.isEmpty()) {
      throw new ConfigException("TRACKING_TOKEN_SECRET holds no secret");
    }
    return List.copyOf(out);
  }

  private static void checkUrl(String name, String value, String... schemes) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || !Arrays.asList(schemes).contains(uri.getScheme())
          || uri.getHost() == null) {
        throw new ConfigException(name + " must be a " + String.join(" or ", schemes)
            + " URL with a host, got '" + redact(value) + "'");
      }
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(name + " is not a valid URL: '" + redact(value) + "'");
    }
  }

  /**
   * URLs may carry passwords ({@code redis://user:pass@host}, or {@code ?password=} which the
   * Redis client also reads): never echo them. Everything up to the last {@code @} is user info
   * (a generated password may hold '/' or '@'), and the query is dropped.
   */
  static String redact(String url) {
    String noQuery = url.replaceAll("\\?.*$", "");
    return noQuery.replaceAll("//.*@", "//***@");
  }

  /** With the given secrets in place of the configured ones (the demo generates its own). */
  public TrackingConfig withSecrets(List<String> secrets, String adminKey, Map<String, String> apiKeys) {
    return new TrackingConfig(host, port, secrets, adminKey, apiKeys, publicUrl, redisUrl, stateTtl,
        httpInstances, pingInterval, maxConnections, drainWindow, demo, demoCouriers);
  }

  /** The Redis URL with any password hidden, for logs. */
  public String redisUrlForLogs() {
    return redisUrl == null ? null : redact(redisUrl);
  }
}
