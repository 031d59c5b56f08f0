package org.ordertracking;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ordertracking.auth.TokenService;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.demo.DemoFleet;
import org.ordertracking.server.TrackingServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up: read the configuration, start one node, drain on SIGTERM. {@code demo} as the first
 * argument (or {@code TRACKING_DEMO=true}) adds simulated couriers and prints tracking links.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    if (args.length > 0 && (args[0].equals("demo") || args[0].equals("--demo"))) {
      env.put("TRACKING_DEMO", "true");
    }
    TrackingConfig config;
    try {
      config = TrackingConfig.fromEnv(env);
      if (config.demo()) {
        config = withDemoSecrets(config);
      }
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    Clock clock = Clock.systemUTC();
    TrackingConfig cfg = config;
    TrackingServer.start(vertx, cfg, env, clock)
        .onSuccess(server -> {
          LOG.info("Order tracking listening on http://{}:{} (engine: {}{})", cfg.host(), server.port(),
              server.engine().name(), cfg.redisUrl() == null ? "" : " at " + cfg.redisUrlForLogs());
          if (cfg.demo()) {
            startDemo(vertx, server, cfg, clock);
          }
          Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, server, cfg), "shutdown"));
        })
        .onFailure(err -> {
          if (err instanceof ConfigException) {
            System.err.println("Configuration error: " + err.getMessage());
          } else {
            LOG.error("Start-up failed: {}", err.toString());
          }
          vertx.close();
          System.exit(err instanceof ConfigException ? 2 : 1);
        });
  }

  /** The demo runs with no setup: random secrets and keys unless the operator gave some. */
  private static TrackingConfig withDemoSecrets(TrackingConfig config) {
    List<String> secrets = config.tokenSecrets().isEmpty() ? List.of(random()) : config.tokenSecrets();
    String admin = config.adminKey() != null ? config.adminKey() : random();
    Map<String, String> keys = config.apiKeys().isEmpty() ? Map.of("demo", random()) : config.apiKeys();
    return config.withSecrets(secrets, admin, keys);
  }

  private static void startDemo(Vertx vertx, TrackingServer server, TrackingConfig cfg, Clock clock) {
    System.out.println();
    System.out.println("Demo mode: simulated couriers are driving through Berlin. Open a link:");
    TokenService tokens = new TokenService(cfg.tokenSecrets(), clock);
    new DemoFleet(vertx, server.engine(), tokens, cfg.publicUrl(), clock, System.out::println)
        .start(cfg.demoCouriers());
    System.out.println("Admin key (mint more links): " + cfg.adminKey());
    cfg.apiKeys().forEach((name, key) -> System.out.println("API key '" + name + "': " + key));
    System.out.println();
  }

  private static void shutdown(Vertx vertx, TrackingServer server, TrackingConfig cfg) {
    LOG.info("Draining: closing sockets over {} ms", cfg.drainWindow().toMillis());
    CountDownLatch done = new CountDownLatch(1);
    server.drain(cfg.drainWindow())
        .transform(x -> server.close())
        .transform(x -> vertx.close())
        .onComplete(x -> done.countDown());
    try {
      done.await(cfg.drainWindow().toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
