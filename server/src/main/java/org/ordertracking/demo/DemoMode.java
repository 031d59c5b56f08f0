package org.ordertracking.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ordertracking.adapters.AdaptersConfig;
import org.ordertracking.adapters.AdaptersModule;
import org.ordertracking.auth.AuthConfig;
import org.ordertracking.auth.TokenService;
import org.ordertracking.config.Env;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.ops.metrics.Telemetry;
import org.ordertracking.server.TrackingServer;
import org.ordertracking.simulator.ProviderSimulator;
import org.ordertracking.simulator.SimulatorConfig;

/**
 * The README's first command: a node on the in-memory engine with couriers on the move, and links
 * to watch them. Two kinds of couriers: the {@link DemoFleet} publishes straight into the engine,
 * and the {@link ProviderSimulator} plays Uber, DoorDash, Deliveroo and Onfleet (signed webhooks,
 * and the Deliveroo API the poller reads with an OAuth2 token), so the adapters run too. Nothing to set up:
 * secrets and keys are random unless the operator gave some.
 */
public final class DemoMode {
  private static final List<String> PROVIDERS = SimulatorConfig.ALL_PROVIDERS;

  private DemoMode() {}

  /** The demo's configuration: random secrets and keys wherever none were given. */
  public static TrackingConfig withSecrets(TrackingConfig config) {
    AuthConfig auth = config.auth();
    List<String> secrets = auth.tokenSecrets().isEmpty() ? List.of(random()) : auth.tokenSecrets();
    String admin = auth.adminKey() != null ? auth.adminKey() : random();
    Map<String, String> keys = auth.apiKeys().isEmpty() ? Map.of("demo", random()) : auth.apiKeys();
    return config.withAuth(new AuthConfig(secrets, admin, keys));
  }

  /**
   * Starts the provider simulator, then the node wired to it, then both kinds of couriers. The
   * adapters' settings are read again with the simulator's secrets and URL as defaults (whatever the
   * operator set still wins); everything else was validated at start-up.
   */
  public static Future<TrackingServer> start(Vertx vertx, TrackingConfig config, Env env, Clock clock) {
    return start(vertx, config, env, clock, Telemetry.create(config));
  }

  /** The same, recording into {@code telemetry} (the registry the node's Vert.x was built with). */
  public static Future<TrackingServer> start(Vertx vertx, TrackingConfig config, Env env, Clock clock,
      Telemetry telemetry) {
    Map<String, String> secrets = new HashMap<>();
    PROVIDERS.forEach(p -> secrets.put(p, random()));
    secrets.put("onfleet", HexFormat.of().formatHex(Base64.getUrlDecoder().decode(random()))); // hex, as Onfleet's
    String clientId = "demo-client";
    String clientSecret = random();
    SimulatorConfig simConfig = SimulatorConfig.of(
        null, secrets, 0, PROVIDERS, Duration.ofSeconds(2), 1, "127.0.0.1", 0, clientId, clientSecret);
    return ProviderSimulator.start(vertx, simConfig).compose(sim -> {
      Env demoEnv = env.withDefaults(Map.of(
          "TRACKING_WEBHOOK_SECRETS", pairs(secrets),
          "TRACKING_DELIVEROO_API_URL", sim.deliverooApiUrl(),
          "TRACKING_DELIVEROO_AUTH_URL", sim.deliverooTokenUrl(),
          "TRACKING_DELIVEROO_CLIENT_ID", clientId,
          "TRACKING_DELIVEROO_CLIENT_SECRET", clientSecret,
          "TRACKING_DELIVEROO_POLL_INTERVAL", "10s"));
      TrackingConfig wired = config.withAdapters(AdaptersConfig.fromEnv(demoEnv));
      return TrackingServer.start(vertx, wired, clock, telemetry)
          .compose(server -> sim.target("http://127.0.0.1:" + server.port()).map(server))
          .onSuccess(server -> announce(vertx, server, config, clock, sim));
    });
  }

  private static void announce(Vertx vertx, TrackingServer server, TrackingConfig config, Clock clock,
      ProviderSimulator sim) {
    TokenService tokens = new TokenService(config.auth().tokenSecrets(), clock);
    String publicUrl = config.server().publicUrl();
    System.out.println();
    System.out.println("Demo mode: simulated couriers are driving through Berlin. Open a link:");
    new DemoFleet(vertx, server.engine(), tokens, publicUrl, clock, System.out::println)
        .start(config.demo().couriers());
    for (String provider : PROVIDERS) {
      String orderId = "sim-" + provider + "-1";
      sim.startDelivery(provider, orderId);
      String token = tokens.mint(new org.ordertracking.model.OrderId(orderId), Duration.ofHours(6));
      System.out.println("Demo order " + orderId + " (through the " + provider + " adapter): "
          + publicUrl + "/track/" + token);
    }
    System.out.println("Admin key (mint more links): " + config.auth().adminKey());
    System.out.println("Operator page (asks for the admin key): " + publicUrl + "/admin");
    config.auth().apiKeys().forEach((name, key) -> System.out.println("API key '" + name + "': " + key));
    System.out.println();
  }

  private static String pairs(Map<String, String> secrets) {
    StringBuilder sb = new StringBuilder();
    secrets.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
