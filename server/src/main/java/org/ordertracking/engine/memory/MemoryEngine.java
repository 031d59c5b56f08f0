package org.ordertracking.engine.memory;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.ordertracking.engine.EngineContext;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.ListenerRegistry;
import org.ordertracking.engine.Subscription;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.PublishResult.Outcome;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.Times;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.protocol.Frame;
import org.ordertracking.protocol.Frames;

/**
 * The single-node engine and the default: state and fan-out in this process, all of it confined
 * to one event loop (no locks; publishes are applied in the order they reach that loop).
 *
 * <p>Not enough when more than one server instance runs behind a load balancer: each would have
 * its own seq and state, and a socket on one node would never see events ingested on another. Use
 * the Redis engine then. State is lost on restart.
 */
public final class MemoryEngine implements TrackingEngine {
  private static final long SWEEP_INTERVAL_MS = 60_000;

  private final Vertx vertx;
  private final EngineContext loop;
  private final Clock clock;
  private final long ttlMillis;
  private final Map<OrderId, OrderState> orders = new HashMap<>();
  private final ListenerRegistry listeners = new ListenerRegistry();
  private final long sweepTimer;

  public MemoryEngine(Vertx vertx, Duration stateTtl, Clock clock) {
    this.vertx = vertx;
    this.loop = new EngineContext(vertx);
    this.clock = clock;
    this.ttlMillis = stateTtl.toMillis();
    this.sweepTimer = vertx.setPeriodic(SWEEP_INTERVAL_MS, id -> loop.run(this::sweepExpired));
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Future<PublishResult> publish(TrackingEvent event) {
    return loop.call(() -> Future.succeededFuture(apply(event)));
  }

  private PublishResult apply(TrackingEvent event) {
    long now = clock.millis();
    OrderState state = liveState(event.orderId(), now);
    if (state == null) {
      state = new OrderState(event.orderId());
      orders.put(event.orderId(), state);
    }
    String at = Times.format(clock.instant());
    String frame;
    if (event instanceof LocationUpdate loc) {
      if (state.terminal()) {
        return new PublishResult(Outcome.REFUSED_TERMINAL, state.seq);
      }
      long recordedAt = loc.location().recordedAt().toEpochMilli();
      if (recordedAt < state.locationRecordedAtMillis) {
        return new PublishResult(Outcome.IGNORED, state.seq);
      }
      state.seq++;
      state.locationJson = Frames.location(loc.location());
      state.locationRecordedAtMillis = recordedAt;
      frame = Frames.head("location", state.orderId) + state.seq + Frames.locationTail(loc);
    } else {
      StatusChange st = (StatusChange) event;
      if (state.terminal()) {
        Outcome outcome = state.status == st.status() ? Outcome.IGNORED : Outcome.REFUSED_TERMINAL;
        return new PublishResult(outcome, state.seq);
      }
      state.seq++;
      state.status = st.status();
      state.etaJson = st.eta() == null ? null : Frames.eta(st.eta());
      if (st.courier() != null) {
        state.courierJson = st.courier().toJson();
      }
      if (st.dropoff() != null) {
        state.dropoffJson = Frames.latLng(st.dropoff());
      }
      frame =
          Frames.head("status", state.orderId)
              + state.seq
              + Frames.statusTail(
                  st.status(), state.etaJson, state.courierJson, state.dropoffJson, at);
    }
    state.updatedAt = at;
    state.expiresAtMillis = now + ttlMillis;
    Frame kind =
        new Frame(Buffer.buffer(frame), state.seq, frameKind(event));
    listeners.deliver(state.orderId, kind);
    return new PublishResult(Outcome.APPLIED, state.seq);
  }

  private static Frame.Kind frameKind(TrackingEvent event) {
    if (event instanceof StatusChange st) {
      return st.status().isTerminal() ? Frame.Kind.TERMINAL_STATUS : Frame.Kind.STATUS;
    }
    return Frame.Kind.LOCATION;
  }

  @Override
  public Future<Snapshot> snapshot(OrderId orderId) {
    return loop.call(
        () -> {
          OrderState state = liveState(orderId, clock.millis());
          return Future.succeededFuture(
              state == null ? Snapshot.empty(orderId) : state.snapshot());
        });
  }

  @Override
  public Future<Subscription> subscribe(OrderId orderId, FrameListener listener) {
    ListenerRegistry.Entry entry = new ListenerRegistry.Entry(loop.callerContext(), listener);
    return loop.call(
        () -> {
          listeners.add(orderId, entry);
          Subscription sub = () -> loop.run(() -> listeners.remove(orderId, entry));
          return Future.succeededFuture(sub);
        });
  }

  /** The order's state, or null when unknown or expired (an expired one is dropped). */
  private OrderState liveState(OrderId orderId, long now) {
    OrderState state = orders.get(orderId);
    if (state != null && state.expiresAtMillis <= now) {
      orders.remove(orderId);
      return null;
    }
    return state;
  }

  private void sweepExpired() {
    long now = clock.millis();
    orders.values().removeIf(s -> s.expiresAtMillis <= now);
  }

  /** How many orders have at least one watcher on this node (for metrics and tests). */
  public Future<Integer> watchedOrders() {
    return loop.call(() -> Future.succeededFuture(listeners.size()));
  }

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(sweepTimer);
    return Future.succeededFuture();
  }
}
