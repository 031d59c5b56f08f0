package org.ordertracking.adapters;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

/**
 * The adapters' own {@code TRACKING_*} variables, read and checked once at start-up. Every one is
 * documented with its default in docs/adapters.md. (Provider event ids are remembered by the
 * engine: {@code TRACKING_WEBHOOK_EVENT_*} are read by {@code EngineConfig}.)
 *
 * @param secrets provider name → webhook secret; a provider without one is disabled
 * @param deliverooPoll the Deliveroo poller's settings, or null when it is off (no API URL)
 */
public record AdaptersConfig(Map<String, String> secrets, PollerSettings deliverooPoll) {

  public static final int MAX_BODY_BYTES = 64 * 1024;

  public static AdaptersConfig fromEnv(Env env, Set<String> knownProviders) {
    Map<String, String> secrets = env.pairs("TRACKING_WEBHOOK_SECRETS");
    for (String name : secrets.keySet()) {
      if (!knownProviders.contains(name)) {
        throw new ConfigException(
            "TRACKING_WEBHOOK_SECRETS names unknown provider '" + name + "'; known: "
                + String.join(", ", knownProviders.stream().sorted().toList()));
      }
    }
    String apiUrl = env.get("TRACKING_DELIVEROO_API_URL");
    PollerSettings poll = null;
    if (apiUrl != null) {
      if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
        throw new ConfigException("TRACKING_DELIVEROO_API_URL must be an http or https URL");
      }
      int maxActive = env.intValue("TRACKING_DELIVEROO_MAX_ACTIVE", 10_000, 1, 1_000_000);
      poll =
          new PollerSettings(
              apiUrl.replaceAll("/+$", ""),
              env.get("TRACKING_DELIVEROO_API_TOKEN"),
              env.duration(
                  "TRACKING_DELIVEROO_POLL_INTERVAL", Duration.ofSeconds(60), Duration.ofMillis(100)),
              env.intValue("TRACKING_DELIVEROO_POLL_CONCURRENCY", 8, 1, 1000),
              env.duration(
                  "TRACKING_DELIVEROO_POLL_TIMEOUT", Duration.ofSeconds(5), Duration.ofMillis(10)),
              env.duration(
                  "TRACKING_DELIVEROO_POLL_MAX_BACKOFF", Duration.ofMinutes(10), Duration.ofMillis(100)),
              maxActive);
    }
    return new AdaptersConfig(Map.copyOf(secrets), poll);
  }

  /** The maximum number of active orders tracked for polling. */
  public int maxActiveOrders() {
    return deliverooPoll == null ? 10_000 : deliverooPoll.maxOrders();
  }
}
