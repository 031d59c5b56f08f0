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
import org.ordertracking.auth.TokenService;
import org.ordertracking.config.TrackingConfig;
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
    List<String> secrets = config.tokenSecrets().isEmpty() ? List.of(random()) : config.tokenSecrets();
    String admin = config.adminKey() != null ? config.adminKey() : random();
    Map<String, String> keys = config.apiKeys().isEmpty() ? Map.of("demo", random()) : config.apiKeys();
    return config.withSecrets(secrets, admin, keys);
  }

  /** Starts the provider simulator, then the node wired to it, then both kinds of couriers. */
  public static Future<TrackingServer> start(
      Vertx vertx, TrackingConfig config, Map<String, String> env, Clock clock) {
    Map<String, String> secrets = new HashMap<>();
    PROVIDERS.forEach(p -> secrets.put(p, random()));
    secrets.put("onfleet", HexFormat.of().formatHex(Base64.getUrlDecoder().decode(random()))); // hex, as Onfleet's
    String clientId = "demo-client";
    String clientSecret = random();
    SimulatorConfig simConfig = SimulatorConfig.of(
        null, secrets, 0, PROVIDERS, Duration.ofSeconds(2), 1, "127.0.0.1", 0, clientId, clientSecret);
    return ProviderSimulator.start(vertx, simConfig).compose(sim -> {
      Map<String, String> demoEnv = new HashMap<>(env);
      demoEnv.putIfAbsent("TRACKING_WEBHOOK_SECRETS", pairs(secrets));
      demoEnv.putIfAbsent("TRACKING_DELIVEROO_API_URL", sim.deliverooApiUrl());
      demoEnv.putIfAbsent("TRACKING_DELIVEROO_AUTH_URL", sim.deliverooTokenUrl());
      demoEnv.putIfAbsent("TRACKING_DELIVEROO_CLIENT_ID", clientId);
      demoEnv.putIfAbsent("TRACKING_DELIVEROO_CLIENT_SECRET", clientSecret);
      demoEnv.putIfAbsent("TRACKING_DELIVEROO_POLL_INTERVAL", "10s");
      return TrackingServer.start(vertx, config, demoEnv, clock)
          .compose(server -> sim.target("http://127.0.0.1:" + server.port()).map(server))
          .onSuccess(server -> announce(vertx, server, config, clock, sim));
    });
  }

  private static void announce(Vertx vertx, TrackingServer server, TrackingConfig config, Clock clock,
      ProviderSimulator sim) {
    TokenService tokens = new TokenService(config.tokenSecrets(), clock);
    System.out.println();
    System.out.println("Demo mode: simulated couriers are driving through Berlin. Open a link:");
    new DemoFleet(vertx, server.engine(), tokens, config.publicUrl(), clock, System.out::println)
        .start(config.demoCouriers());
    for (String provider : PROVIDERS) {
      String orderId = "sim-" + provider + "-1";
      sim.startDelivery(provider, orderId);
      String token = tokens.mint(new org.ordertracking.model.OrderId(orderId), Duration.ofHours(6));
      System.out.println("Demo order " + orderId + " (through the " + provider + " adapter): "
          + config.publicUrl() + "/track/" + token);
    }
    System.out.println("Admin key (mint more links): " + config.adminKey());
    config.apiKeys().forEach((name, key) -> System.out.println("API key '" + name + "': " + key));
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
