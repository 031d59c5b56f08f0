package org.ordertracking.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

/**
 * How the provider simulator runs.
 *
 * @param targetUrl the tracking server's base URL webhooks are posted to, or null to send none
 *     (the Deliveroo API is still served)
 * @param secrets provider name → the secret it signs with, as in {@code TRACKING_WEBHOOK_SECRETS}
 *     (with several, the first signs)
 * @param couriers deliveries kept running at once, spread over {@code providers} (0: only those a
 *     caller starts)
 * @param providers which providers the automatic deliveries use
 * @param tick real time between simulation steps; one position per delivery per tick
 * @param speedup simulated seconds per real second (10 makes a 5-minute drive last 30 s)
 * @param host where the simulated Deliveroo API (token endpoint, location resource) listens
 * @param port its port; 0 picks a free one
 * @param clientId the OAuth2 client id the token endpoint accepts, or null to require no token
 * @param clientSecret its secret
 * @param tokenTtl how long an issued access token lives ({@code expires_in})
 */
public record SimulatorConfig(
    String targetUrl,
    Map<String, String> secrets,
    int couriers,
    List<String> providers,
    Duration tick,
    double speedup,
    String host,
    int port,
    String clientId,
    String clientSecret,
    Duration tokenTtl) {

  public static final List<String> ALL_PROVIDERS = List.of("uber", "doordash", "deliveroo", "onfleet");

  /** A simulator with OAuth credentials and Deliveroo's five-minute tokens. */
  public static SimulatorConfig of(
      String targetUrl, Map<String, String> secrets, int couriers, List<String> providers,
      Duration tick, double speedup, String host, int port, String clientId, String clientSecret) {
    return new SimulatorConfig(targetUrl, secrets, couriers, providers, tick, speedup, host, port,
        clientId, clientSecret, Duration.ofMinutes(5));
  }

  /** The same with another token lifetime (tests of the refresh use seconds). */
  public SimulatorConfig withTokenTtl(Duration ttl) {
    return new SimulatorConfig(targetUrl, secrets, couriers, providers, tick, speedup, host, port,
        clientId, clientSecret, ttl);
  }

  /** Reads {@code SIM_*} variables; each is documented in docs/adapters.md. */
  public static SimulatorConfig fromEnv(Map<String, String> vars) {
    Env env = new Env(vars);
    Map<String, String> secrets = env.pairs("SIM_SECRETS");
    List<String> providers =
        List.of(env.get("SIM_PROVIDERS", String.join(",", ALL_PROVIDERS)).split("\\s*,\\s*"));
    for (String p : providers) {
      if (!ALL_PROVIDERS.contains(p)) {
        throw new ConfigException("SIM_PROVIDERS: unknown provider '" + p + "'");
      }
    }
    String target = env.get("SIM_TARGET_URL");
    if (target != null) {
      for (String p : providers) {
        if (!secrets.containsKey(p)) {
          throw new ConfigException("SIM_SECRETS has no secret for provider '" + p + "'");
        }
      }
    }
    String clientId = env.get("SIM_CLIENT_ID");
    String clientSecret = env.get("SIM_CLIENT_SECRET");
    if ((clientId == null) != (clientSecret == null)) {
      throw new ConfigException("SIM_CLIENT_ID and SIM_CLIENT_SECRET go together");
    }
    return new SimulatorConfig(
        target == null ? null : target.replaceAll("/+$", ""),
        secrets,
        env.intValue("SIM_COURIERS", 4, 0, 10_000),
        providers,
        env.duration("SIM_TICK", Duration.ofSeconds(2), Duration.ofMillis(10)),
        env.intValue("SIM_SPEEDUP", 1, 1, 1000),
        env.get("SIM_HOST", "127.0.0.1"),
        env.intValue("SIM_PORT", 8090, 0, 65535),
        clientId,
        clientSecret,
        env.duration("SIM_TOKEN_TTL", Duration.ofMinutes(5), Duration.ofSeconds(1)));
  }
}
