package org.ordertracking.gateway;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.ordertracking.auth.TokenRejected;
import org.ordertracking.auth.TokenService;
import org.ordertracking.auth.TrackingToken;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.Subscription;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.gateway.socket.WebSocketChannel;
import org.ordertracking.gateway.socket.WebSocketUpgrade;
import org.ordertracking.gateway.socket.WireFrames;
import org.ordertracking.http.HttpErrors;
import org.ordertracking.http.HttpVerticle;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.Snapshot;
import org.ordertracking.ops.NodeState;
import org.ordertracking.ops.admin.BusiestOrders.OrderLoad;
import org.ordertracking.protocol.Frame;

/**
 * The gateway of one event loop: checks upgrades, owns that loop's sessions and their timers.
 * Sessions watch their order through the engine, which groups them per event loop. Everything
 * here runs on that loop.
 *
 * <p>Timers: one {@link TimingWheel} per loop, advanced by one periodic Vert.x timer every {@link
 * #TICK_MS}; each tick touches only the sessions due in it (keep-alive pings spread over the
 * interval, token expiries, sync timeouts). Pinging every socket in one pass made a latency spike
 * of the whole loop every interval (docs/BENCHMARKS.md).
 */
final class LoopGateway implements TrackingSession.SessionHost {
  private static final int MAX_CLIENT_FRAMES_PER_SECOND = 20;
  static final long TICK_MS = 100;

  private final Vertx vertx;
  private final Context context;
  private final TrackingEngine engine;
  private final NodeState node;
  private final Clock clock;
  private final TokenService tokens;
  private final DeliveryObserver observer;
  private final Set<TrackingSession> sessions = new LinkedHashSet<>();
  private final long pingIntervalMs;
  private final TimingWheel wheel;
  private final long tickTimer;
  private final WebSocketUpgrade upgrade;
  /**
   * The last live frame encoded for the wire, and its bytes: every socket of an order on this loop
   * gets the frame in one pass, so one entry means each frame is encoded once per loop.
   */
  private Frame wireOf;
  private ByteBuf wire;
  private Promise<Void> drained;

  LoopGateway(Vertx vertx, GatewayConfig config, List<String> tokenSecrets, TrackingEngine engine, NodeState node,
      DeliveryObserver observer, Clock clock) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.engine = engine;
    this.node = node;
    this.clock = clock;
    this.tokens = new TokenService(tokenSecrets, clock);
    this.observer = observer;
    this.pingIntervalMs = config.pingInterval().toMillis();
    this.wheel = new TimingWheel(TimingWheel.slotsFor(pingIntervalMs, TICK_MS), TICK_MS, now());
    this.tickTimer = vertx.setPeriodic(TICK_MS, id -> wheel.advance(now()));
    this.upgrade = new WebSocketUpgrade(HttpVerticle.MAX_CLIENT_FRAME);
  }

  void handleUpgrade(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    Optional<String> notReady = node.notReadyReason();
    if (notReady.isPresent()) {
      HttpErrors.send(ctx, 503, "not accepting connections: " + notReady.get());
      return;
    }
    TrackingToken token;
    try {
      token = tokens.verify(req.getParam("token"));
    } catch (TokenRejected e) {
      HttpErrors.send(ctx, 401, e.getMessage());
      return;
    }
    if (!req.canUpgradeToWebSocket()) {
      // A plain GET lets a browser learn why its WebSocket failed (it cannot see the status).
      HttpErrors.send(ctx, 426, "WebSocket upgrade required");
      return;
    }
    if (!node.tryAcquireConnection()) {
      HttpErrors.send(ctx, 429, "too many connections");
      return;
    }
    WebSocketChannel socket = new WebSocketChannel(ContextInternal.current());
    TrackingSession session =
        new TrackingSession(socket, token.orderId(), token.expiresAt().toEpochMilli() - clock.millis(), this);
    socket.listener(session);
    sessions.add(session);
    try {
      upgrade.accept(req, socket);
    } catch (IllegalStateException e) {
      sessions.remove(session);
      node.releaseConnection();
      HttpErrors.send(ctx, 500, "WebSocket upgrade failed");
      return;
    }
    session.start();
  }

  Future<Void> drain(Duration window) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(
        v -> {
          List<TrackingSession> toClose = new ArrayList<>(sessions);
          drained = done;
          if (toClose.isEmpty()) {
            done.tryComplete();
            return;
          }
          // Spread closes so that clients do not all reconnect to the other nodes at once.
          long step = Math.max(1, window.toMillis() / toClose.size());
          for (int i = 0; i < toClose.size(); i++) {
            TrackingSession s = toClose.get(i);
            vertx.setTimer(1 + i * step, id -> s.close(CloseCodes.SERVICE_RESTART, "server restarting"));
          }
        });
    return done.future();
  }

  /**
   * This loop's sockets per order, with the frames written to them, counted on the loop itself (its
   * sessions are confined to it): a fresh list, one entry per order. Operator requests only.
   */
  Future<List<OrderLoad>> loads() {
    Promise<List<OrderLoad>> p = Promise.promise();
    context.runOnContext(v -> {
      Map<OrderId, long[]> byOrder = new HashMap<>();
      for (TrackingSession s : sessions) {
        long[] load = byOrder.computeIfAbsent(s.orderId(), k -> new long[2]);
        load[0]++;
        load[1] += s.framesWritten();
      }
      List<OrderLoad> out = new ArrayList<>(byOrder.size());
      byOrder.forEach((id, load) -> out.add(new OrderLoad(id.value(), (int) load[0], load[1])));
      p.complete(out);
    });
    return p.future();
  }

  Future<Void> stop() {
    Promise<Void> p = Promise.promise();
    context.runOnContext(v -> {
      vertx.cancelTimer(tickTimer);
      p.complete();
    });
    return p.future();
  }

  @Override
  public ByteBuf wire(Frame frame) {
    if (frame != wireOf) {
      if (wire != null) {
        wire.release();
      }
      wire = WireFrames.text(PooledByteBufAllocator.DEFAULT, ((BufferInternal) frame.bytes()).getByteBuf());
      wireOf = frame;
    }
    return wire;
  }

  @Override
  public Subscription subscribe(OrderId orderId, FrameListener listener) {
    return engine.subscribe(orderId, listener);
  }

  @Override
  public Future<Snapshot> snapshot(OrderId orderId) {
    return engine.snapshot(orderId);
  }

  @Override
  public long now() {
    return System.nanoTime() / 1_000_000;
  }

  @Override
  public long pingIntervalMs() {
    return pingIntervalMs;
  }

  @Override
  public long randomPhase(long bound) {
    return ThreadLocalRandom.current().nextLong(bound);
  }

  @Override
  public void schedule(TrackingSession session, long atMillis) {
    wheel.schedule(session, atMillis);
  }

  @Override
  public void unschedule(TrackingSession session) {
    wheel.remove(session);
  }

  @Override
  public void onConflated() {
    observer.conflated();
  }

  @Override
  public void onDelivered(Frame frame) {
    observer.delivered(frame, clock.millis());
  }

  @Override
  public int maxClientFramesPerSecond() {
    return MAX_CLIENT_FRAMES_PER_SECOND;
  }

  @Override
  public void closed(TrackingSession session, int code) {
    if (sessions.remove(session)) {
      node.releaseConnection();
      observer.socketClosed(code);
    }
    if (drained != null && sessions.isEmpty()) {
      drained.tryComplete();
    }
  }
}
