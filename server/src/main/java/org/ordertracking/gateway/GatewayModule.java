package org.ordertracking.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.ops.NodeState;
import org.ordertracking.ops.admin.BusiestOrders;
import org.ordertracking.server.ServerModule;

/**
 * The WebSocket gateway: {@code GET /ws/track?token=}. One {@link LoopGateway} per HTTP event
 * loop holds that loop's sessions; this module keeps the list so that draining reaches them all.
 */
public final class GatewayModule implements ServerModule {
  private final Vertx vertx;
  private final GatewayConfig config;
  private final List<String> tokenSecrets;
  private final TrackingEngine engine;
  private final NodeState node;
  private final DeliveryObserver observer;
  private final Clock clock;
  private final List<LoopGateway> loops = new CopyOnWriteArrayList<>();

  public GatewayModule(Vertx vertx, GatewayConfig config, List<String> tokenSecrets, TrackingEngine engine,
      NodeState node, DeliveryObserver observer, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.tokenSecrets = tokenSecrets;
    this.engine = engine;
    this.node = node;
    this.observer = observer;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    LoopGateway gateway = new LoopGateway(vertx, config, tokenSecrets, engine, node, observer, clock);
    loops.add(gateway);
    router.get("/ws/track").handler(gateway::handleUpgrade);
  }

  /** The orders with the most sockets on this node, asked of every event loop's gateway. */
  public BusiestOrders busiestOrders() {
    return new GatewayLoads(() -> loops);
  }

  /** Closes every socket with 1012, spread evenly over {@code window}; completes when all are. */
  @Override
  public Future<Void> drain(Duration window) {
    return Future.all(loops.stream().map(g -> g.drain(window)).toList()).mapEmpty();
  }

  @Override
  public Future<Void> stop() {
    return Future.all(loops.stream().map(LoopGateway::stop).toList()).mapEmpty();
  }
}
