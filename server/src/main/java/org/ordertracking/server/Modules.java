package org.ordertracking.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ordertracking.adapters.AdaptersModule;
import org.ordertracking.auth.ApiKeys;
import org.ordertracking.auth.AuthConfig;
import org.ordertracking.gateway.DeliveryObserver;
import org.ordertracking.gateway.GatewayModule;
import org.ordertracking.ingest.IngestModule;
import org.ordertracking.ingest.TrackingLinkModule;
import org.ordertracking.ops.HealthModule;
import org.ordertracking.ops.admin.AdminModule;
import org.ordertracking.ops.admin.BusiestOrders;
import org.ordertracking.ops.metrics.DeliveryMetrics;
import org.ordertracking.ops.metrics.MetricsModule;
import org.ordertracking.web.TrackingPageModule;

/**
 * The one place that decides what a node runs: every node answers health checks; the rest follows
 * its {@link Role}s. A module that is not created mounts no route (its paths answer 404) and starts
 * no work.
 */
public final class Modules {
  private Modules() {}

  public static List<ServerModule> create(ServerContext ctx) {
    Set<Role> roles = ctx.config().server().roles();
    AuthConfig auth = ctx.config().auth();
    List<ServerModule> modules = new ArrayList<>();
    modules.add(new HealthModule(ctx.node()));
    GatewayModule gateway = roles.contains(Role.GATEWAY)
        ? new GatewayModule(ctx.vertx(), ctx.config().gateway(), auth.tokenSecrets(), ctx.engine(), ctx.node(),
            delivery(ctx), ctx.clock())
        : null;
    // The busiest orders are counted by the gateway's event loops; a node without sockets has none.
    modules.add(new AdminModule(ctx, gateway != null ? gateway.busiestOrders() : BusiestOrders.NONE));
    if (ctx.telemetry() != null && ctx.telemetry().enabled()) {
      modules.add(new MetricsModule(ctx.vertx(), ctx.telemetry(), ctx.node()::connections));
    }
    if (gateway != null) {
      modules.add(gateway);
      modules.add(TrackingPageModule.create(ctx));
    }
    if (roles.contains(Role.INGEST)) {
      ApiKeys keys = new ApiKeys(auth.apiKeys(), auth.adminKey());
      modules.add(new IngestModule(ctx.engine(), keys, ctx.clock(), ctx.config().ingest(), ctx.metrics()));
      modules.add(new TrackingLinkModule(auth.tokenSecrets(), keys, ctx.config().server().publicUrl(), ctx.clock()));
    }
    if (roles.contains(Role.INGEST) || roles.contains(Role.ADAPTERS)) {
      modules.add(new AdaptersModule(ctx, roles.contains(Role.INGEST), roles.contains(Role.ADAPTERS)));
    }
    return modules;
  }

  private static DeliveryObserver delivery(ServerContext ctx) {
    return ctx.telemetry() != null && ctx.telemetry().enabled()
        ? new DeliveryMetrics(ctx.metrics()) : DeliveryObserver.NONE;
  }

  /** Whether the node serves sockets, and so needs the engine's subscriptions. */
  public static boolean watches(Set<Role> roles) {
    return roles.contains(Role.GATEWAY);
  }
}
