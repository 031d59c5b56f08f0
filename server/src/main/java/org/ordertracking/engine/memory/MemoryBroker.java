package org.ordertracking.engine.memory;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ordertracking.engine.Broker;
import org.ordertracking.engine.EngineConfig;
import org.ordertracking.engine.EngineContext;
import org.ordertracking.engine.Feed;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.PublishOptions;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.PublishResult.Outcome;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.Times;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;
import org.ordertracking.protocol.Frame;
import org.ordertracking.protocol.Frames;

/**
 * The single-node broker and the default: state and fan-out in this process, all of it confined
 * to one event loop (no locks; publishes are applied in the order they reach that loop).
 *
 * <p>Not enough when more than one server instance runs behind a load balancer: each would have
 * its own seq and state, and a socket on one node would never see events ingested on another. Use
 * the Redis broker then. State is lost on restart.
 */
public final class MemoryBroker implements Broker {
  private static final long SWEEP_INTERVAL_MS = 60_000;

  private final Vertx vertx;
  private final EngineContext loop;
  private final Clock clock;
  private final long ttlMillis;
  private final Map<OrderId, OrderState> orders = new HashMap<>();
  private final EventIds eventIds;
  private final Map<OrderId, List<MemoryFeed>> feeds = new HashMap<>();
  private final long sweepTimer;

  /** @param loop the engine loop this broker keeps its state on */
  public MemoryBroker(Vertx vertx, EngineContext loop, EngineConfig config, Clock clock) {
    this.vertx = vertx;
    this.loop = loop;
    this.clock = clock;
    this.ttlMillis = config.stateTtl().toMillis();
    this.eventIds = new EventIds(config.eventIdTtl().toMillis(), config.eventIdMemory());
    this.sweepTimer = vertx.setPeriodic(SWEEP_INTERVAL_MS, id -> loop.run(this::sweepExpired));
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Future<PublishResult> publish(TrackingEvent event, PublishOptions options) {
    return loop.call(() -> Future.succeededFuture(applyOnce(event, options)));
  }

  /** The one atomic step: the idempotency key checked, the event applied, the key remembered. */
  private PublishResult applyOnce(TrackingEvent event, PublishOptions options) {
    long now = clock.millis();
    OrderState state = liveState(event.orderId(), now);
    if (state == null) {
      state = new OrderState(event.orderId());
      orders.put(event.orderId(), state);
    }
    String key = options.idempotencyKey();
    if (key != null && eventIds.seen(event.orderId(), key, now)) {
      return new PublishResult(Outcome.DUPLICATE, state.seq);
    }
    PublishResult result = apply(state, event, options, now);
    if (key != null) {
      eventIds.remember(event.orderId(), key, now);
    }
    return result;
  }

  private PublishResult apply(OrderState state, TrackingEvent event, PublishOptions options, long now) {
    String at = Times.format(Instant.ofEpochMilli(now));
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
      frame = Frames.location(loc, now).glue(state.seq, "", "");
    } else {
      StatusChange st = (StatusChange) event;
      if (state.terminal()) {
        Outcome outcome = state.status == st.status() ? Outcome.IGNORED : Outcome.REFUSED_TERMINAL;
        return new PublishResult(outcome, state.seq);
      }
      if (!state.admits(st.status(), options)) {
        return new PublishResult(Outcome.IGNORED, state.seq);
      }
      // A courier's position is served only while that courier carries an order under way.
      if (state.isCourierChange(options)) {
        state.locationJson = null;
        state.locationRecordedAtMillis = Long.MIN_VALUE;
      } else if (st.status().isTerminal()) {
        state.locationJson = null;
      }
      state.seq++;
      state.status = st.status();
      state.etaJson = st.eta() == null ? null : Frames.eta(st.eta());
      state.reason = st.reason();
      state.noteCourier(options);
      if (st.courier() != null && !options.clearCourier()) {
        state.courierJson = st.courier().toJson();
      }
      if (st.dropoff() != null) {
        state.dropoffJson = Frames.latLng(st.dropoff());
      }
      frame = Frames.status(st, now, at).glue(state.seq, orNull(state.courierJson), orNull(state.dropoffJson));
    }
    state.updatedAt = at;
    state.expiresAtMillis = now + ttlMillis;
    deliver(new Frame(state.orderId, Buffer.buffer(frame), state.seq, now, frameKind(event)));
    return new PublishResult(Outcome.APPLIED, state.seq);
  }

  private static String orNull(String json) {
    return json == null ? "null" : json;
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
  public Feed openFeed(FrameListener sink) {
    return new MemoryFeed(loop.callerContext().unwrap(), sink);
  }

  private void deliver(Frame frame) {
    List<MemoryFeed> subscribed = feeds.get(frame.orderId());
    if (subscribed != null) {
      for (int i = 0; i < subscribed.size(); i++) {
        subscribed.get(i).deliver(frame);
      }
    }
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

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(sweepTimer);
    return Future.succeededFuture();
  }

  /** A feed: its orders are registered on the engine loop, its frames handed to its own context. */
  private final class MemoryFeed implements Feed {
    private final ContextInternal context;
    private final FrameListener sink;
    private final Handler<Frame> onFrame;

    MemoryFeed(ContextInternal context, FrameListener sink) {
      this.context = context;
      this.sink = sink;
      this.onFrame = sink::onFrame;
    }

    @Override
    public Future<Void> subscribe(OrderId orderId) {
      return loop.call(() -> {
        List<MemoryFeed> subscribed = feeds.computeIfAbsent(orderId, k -> new ArrayList<>(1));
        if (!subscribed.contains(this)) {
          subscribed.add(this);
        }
        return Future.succeededFuture();
      });
    }

    @Override
    public void unsubscribe(OrderId orderId) {
      loop.run(() -> {
        List<MemoryFeed> subscribed = feeds.get(orderId);
        if (subscribed != null && subscribed.remove(this) && subscribed.isEmpty()) {
          feeds.remove(orderId);
        }
      });
    }

    /** On the engine loop: straight to the sink when it lives there too, else one hop. */
    void deliver(Frame frame) {
      if (context == loop.context()) {
        sink.onFrame(frame);
      } else {
        context.execute(frame, onFrame);
      }
    }
  }
}
