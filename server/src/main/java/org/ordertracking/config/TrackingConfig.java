package org.ordertracking.config;

import java.util.Map;
import org.ordertracking.adapters.AdaptersConfig;
import org.ordertracking.adapters.AdaptersModule;
import org.ordertracking.auth.AuthConfig;
import org.ordertracking.demo.DemoConfig;
import org.ordertracking.engine.EngineConfig;
import org.ordertracking.gateway.GatewayConfig;
import org.ordertracking.http.HttpLimits;
import org.ordertracking.ingest.IngestLimits;
import org.ordertracking.ops.logging.LogConfig;
import org.ordertracking.ops.metrics.MetricsConfig;
import org.ordertracking.server.Role;
import org.ordertracking.server.ServerConfig;
import org.ordertracking.web.PageConfig;

/**
 * Everything the server reads from its environment, parsed and validated once at start-up, before
 * anything connects: one sub-record per module, each read by that module's own {@code fromEnv(Env)}.
 * Modules are given their sub-record, never the environment. Every variable is documented with its
 * default in the README's configuration table (a test holds the two together).
 */
public record TrackingConfig(
    ServerConfig server,
    HttpLimits http,
    AuthConfig auth,
    EngineConfig engine,
    GatewayConfig gateway,
    IngestLimits ingest,
    PageConfig page,
    AdaptersConfig adapters,
    MetricsConfig metrics,
    LogConfig logging,
    DemoConfig demo) {

  /** Reads and validates; throws {@link ConfigException} naming the first bad variable. */
  public static TrackingConfig fromEnv(Map<String, String> vars) {
    return fromEnv(new Env(vars));
  }

  public static TrackingConfig fromEnv(Env env) {
    DemoConfig demo = DemoConfig.fromEnv(env);
    ServerConfig server = ServerConfig.fromEnv(env);
    TrackingConfig config = new TrackingConfig(
        server,
        HttpLimits.fromEnv(env),
        AuthConfig.fromEnv(env, demo.enabled()),
        EngineConfig.fromEnv(env),
        GatewayConfig.fromEnv(env),
        IngestLimits.fromEnv(env),
        PageConfig.fromEnv(env),
        AdaptersConfig.fromEnv(env),
        MetricsConfig.fromEnv(env, server.host(), server.port()),
        LogConfig.fromEnv(env),
        demo);
    if (!config.server().roles().equals(Role.ALL) && config.engine().redis() == null) {
      // Parts of the server on separate nodes meet through Redis; in memory they never would.
      throw new ConfigException("TRACKING_ROLES runs only part of the server on this node; the parts meet "
          + "through Redis: set TRACKING_REDIS_URL, or run every role (gateway,ingest,adapters)");
    }
    return config;
  }

  public TrackingConfig withAuth(AuthConfig auth) {
    return new TrackingConfig(server, http, auth, engine, gateway, ingest, page, adapters, metrics, logging, demo);
  }

  public TrackingConfig withAdapters(AdaptersConfig adapters) {
    return new TrackingConfig(server, http, auth, engine, gateway, ingest, page, adapters, metrics, logging, demo);
  }
}
