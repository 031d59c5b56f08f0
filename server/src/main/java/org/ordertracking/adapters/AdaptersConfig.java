package org.ordertracking.adapters;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

/**
 * The adapters' own {@code TRACKING_*} variables, read and checked once at start-up. Every one is
 * documented with its default in docs/adapters.md and the README. (Provider event ids are
 * remembered by the engine: {@code TRACKING_WEBHOOK_EVENT_*} are read by {@code EngineConfig}.)
 *
 * @param secrets provider name → its webhook secrets as configured (one, or several separated by
 *     {@code |}: any one verifies); a provider without one is disabled
 * @param deliverooPoll the Deliveroo poller's settings, or null when it is off (no API URL)
 */
public record AdaptersConfig(Map<String, String> secrets, PollerSettings deliverooPoll) {

  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** Reads the adapters' variables for the providers of {@link Providers}. */
  public static AdaptersConfig fromEnv(Env env) {
    Map<String, String> secrets = env.pairs("TRACKING_WEBHOOK_SECRETS");
    for (Map.Entry<String, String> e : secrets.entrySet()) {
      CourierAdapter adapter =
          Providers.named(e.getKey())
              .orElseThrow(
                  () -> new ConfigException(
                      "TRACKING_WEBHOOK_SECRETS names unknown provider '" + e.getKey() + "'; known: "
                          + String.join(", ", Providers.names().stream().sorted().toList())));
      List<String> list = WebhookSecrets.split(e.getValue());
      if (list.isEmpty()) {
        throw new ConfigException("TRACKING_WEBHOOK_SECRETS has no secret for '" + e.getKey() + "'");
      }
      for (String secret : list) {
        String problem = adapter.secretProblem(secret);
        if (problem != null) {
          throw new ConfigException("TRACKING_WEBHOOK_SECRETS: " + problem);
        }
      }
    }
    return new AdaptersConfig(Map.copyOf(secrets), deliverooPoll(env));
  }

  private static PollerSettings deliverooPoll(Env env) {
    String apiUrl = env.get("TRACKING_DELIVEROO_API_URL");
    if (apiUrl == null) {
      return null;
    }
    requireHttpUrl("TRACKING_DELIVEROO_API_URL", apiUrl);
    String authUrl = required(env, "TRACKING_DELIVEROO_AUTH_URL");
    requireHttpUrl("TRACKING_DELIVEROO_AUTH_URL", authUrl);
    OAuthSettings auth =
        new OAuthSettings(
            authUrl,
            required(env, "TRACKING_DELIVEROO_CLIENT_ID"),
            required(env, "TRACKING_DELIVEROO_CLIENT_SECRET"));
    return new PollerSettings(
        apiUrl.replaceAll("/+$", ""),
        auth,
        env.duration("TRACKING_DELIVEROO_POLL_INTERVAL", Duration.ofSeconds(60), Duration.ofMillis(100)),
        env.intValue("TRACKING_DELIVEROO_POLL_CONCURRENCY", 8, 1, 1000),
        env.duration("TRACKING_DELIVEROO_POLL_TIMEOUT", Duration.ofSeconds(5), Duration.ofMillis(10)),
        env.duration("TRACKING_DELIVEROO_POLL_MAX_BACKOFF", Duration.ofMinutes(10), Duration.ofMillis(100)),
        env.intValue("TRACKING_DELIVEROO_MAX_ACTIVE", 10_000, 1, 1_000_000));
  }

  private static String required(Env env, String name) {
    String v = env.get(name);
    if (v == null) {
      throw new ConfigException(name + " is required when TRACKING_DELIVEROO_API_URL is set "
          + "(Deliveroo's API takes OAuth2 client credentials)");
    }
    return v;
  }

  private static void requireHttpUrl(String name, String url) {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ConfigException(name + " must be an http or https URL");
    }
  }

  /** The secrets of one provider, in the order configured (empty when it is disabled). */
  public List<String> secretsOf(String provider) {
    return WebhookSecrets.split(secrets.get(provider));
  }

  /** The maximum number of active orders tracked for polling. */
  public int maxActiveOrders() {
    return deliverooPoll == null ? 10_000 : deliverooPoll.maxOrders();
  }
}
