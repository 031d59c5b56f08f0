package org.ordertracking.engine;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.protocol.Frame;

/**
 * The engine as the rest of the server sees it: one hub of watchers over one {@link Broker}, like
 * centrifuge's node over its broker. Publishing and reading pass straight to the broker; watching
 * goes through the hub, which is engine-agnostic: watchers are counted, an order is subscribed for
 * its first watcher and released after its last, a failed subscribe is rolled back, and resyncs
 * reach every watcher — once, in {@link Watchers}, for every engine.
 *
 * <p>Each event loop keeps its own {@link Watchers} (kept in the loop's context data), so a frame
 * costs one hop per loop and then a plain walk over that loop's sockets. Where the broker
 * subscriptions are held is the one {@link Scope} decision below:
 *
 * <ul>
 *   <li>{@link Scope#NODE}: one feed for the node, on the engine loop, with a {@link Watchers} of
 *       its own whose watchers are the loops: one subscription per order per node.
 *   <li>{@link Scope#LOOP}: one feed per event loop: frames arrive on the loop that serves the
 *       sockets (no hop), but the broker holds a subscription per order per loop.
 * </ul>
 */
public final class Hub implements TrackingEngine, EngineHealth {
  /** Which scope the server runs with; the benchmark compares both. */
  public static final Scope DEFAULT_SCOPE = Scope.NODE;

  public enum Scope {
    NODE,
    LOOP
  }

  private final Broker broker;
  private final EngineContext home;
  private final Scope scope;
  private final Object loopKey = new Object();
  private final AtomicInteger subscriptions = new AtomicInteger();
  private final Watchers nodeWatchers;

  public Hub(Broker broker, EngineContext home, Scope scope) {
    this.broker = broker;
    this.home = home;
    this.scope = scope;
    this.nodeWatchers = scope == Scope.NODE ? brokerWatchers() : null;
  }

  /**
   * Starts the broker.
   *
   * @param openFeedNow with one feed per node, open it now so readiness covers it from the start
   *     (a node that serves sockets); otherwise feeds open with the first watcher, if ever
   */
  public Future<Void> start(boolean openFeedNow) {
    Future<Void> started = broker.start();
    if (nodeWatchers == null || !openFeedNow) {
      return started;
    }
    return started.compose(v -> home.call(() -> {
      nodeWatchers.feed();
      return Future.succeededFuture();
    }));
  }

  @Override
  public String name() {
    return broker.name();
  }

  @Override
  public Future<PublishResult> publish(TrackingEvent event, PublishOptions options) {
    return broker.publish(event, options);
  }

  @Override
  public Future<List<AsyncResult<PublishResult>>> publishAll(List<TrackingEvent> events) {
    return broker.publishAll(events);
  }

  @Override
  public Future<Snapshot> snapshot(OrderId orderId) {
    return broker.snapshot(orderId);
  }

  @Override
  public Subscription subscribe(OrderId orderId, FrameListener listener) {
    ContextInternal caller = home.callerContext();
    ContextInternal loop = caller.unwrap();
    Watchers watchers = (Watchers) loop.contextData().computeIfAbsent(loopKey, k -> loopWatchers(loop));
    Watch watch = new Watch(loop, watchers, orderId, listener, caller.promise());
    onContext(loop, watch::start);
    return watch;
  }

  /** How many orders the broker is subscribed to for this node (one per order, or per loop). */
  public int subscriptions() {
    return subscriptions.get();
  }

  @Override
  public Optional<String> notReadyReason() {
    return broker instanceof EngineHealth health ? health.notReadyReason() : Optional.empty();
  }

  @Override
  public Future<Void> close() {
    return broker.close();
  }

  private Watchers loopWatchers(ContextInternal loop) {
    if (scope == Scope.LOOP) {
      return brokerWatchers();
    }
    return new Watchers(sink -> new LoopRelay(loop, sink), () -> {}, () -> {});
  }

  /** Watchers fed by a broker feed of their own: each order there is one broker subscription. */
  private Watchers brokerWatchers() {
    return new Watchers(broker::openFeed, subscriptions::incrementAndGet, subscriptions::decrementAndGet);
  }

  private static void onContext(ContextInternal ctx, Runnable task) {
    if (ctx.isRunningOnContext()) {
      task.run();
    } else {
      ctx.execute(task);
    }
  }

  /**
   * With one subscription per node: a loop's feed is its membership in the node's watchers, and
   * frames hop from the engine loop to this loop. What the engine loop hands this loop during one
   * of its turns (a read from Redis carries many frames) goes over in one hop, at the end of the
   * turn: one task and at most one wake-up of this loop per turn, not per frame (profile: the
   * per-frame hop and wake-up were the gateway's largest cost after the socket writes).
   */
  private final class LoopRelay implements Feed, FrameListener {
    private final ContextInternal loop;
    private final FrameListener loopWatchers;
    private final Handler<ArrayList<Object>> deliver = this::deliver;
    private final Runnable handOver = this::handOver;
    /** Frames and resyncs (their order ids) for this loop, in order; null between turns. Engine loop only. */
    private ArrayList<Object> pending;

    LoopRelay(ContextInternal loop, FrameListener loopWatchers) {
      this.loop = loop;
      this.loopWatchers = loopWatchers;
    }

    @Override
    public Future<Void> subscribe(OrderId orderId) {
      PromiseInternal<Void> subscribed = loop.promise();
      home.run(() -> nodeWatchers.add(orderId, this).onComplete(subscribed));
      return subscribed.future();
    }

    @Override
    public void unsubscribe(OrderId orderId) {
      home.run(() -> nodeWatchers.remove(orderId, this));
    }

    @Override
    public void onFrame(Frame frame) {
      relay(frame);
    }

    @Override
    public void onResync(OrderId orderId) {
      relay(orderId);
    }

    private void relay(Object item) {
      if (pending == null) {
        pending = new ArrayList<>(8);
        // A task of the engine loop runs after the I/O of its current turn: the end of this batch.
        home.context().nettyEventLoop().execute(handOver);
      }
      pending.add(item);
    }

    private void handOver() {
      ArrayList<Object> batch = pending;
      pending = null;
      loop.execute(batch, deliver);
    }

    private void deliver(ArrayList<Object> batch) {
      for (int i = 0; i < batch.size(); i++) {
        Object item = batch.get(i);
        if (item instanceof Frame frame) {
          loopWatchers.onFrame(frame);
        } else {
          loopWatchers.onResync((OrderId) item);
        }
      }
    }
  }

  /** One watcher's subscription: joins its loop's watchers there, and leaves them there. */
  private static final class Watch implements Subscription {
    private final ContextInternal loop;
    private final Watchers watchers;
    private final OrderId orderId;
    private final FrameListener listener;
    private final PromiseInternal<Void> ready;
    private boolean cancelled;

    Watch(ContextInternal loop, Watchers watchers, OrderId orderId, FrameListener listener,
        PromiseInternal<Void> ready) {
      this.loop = loop;
      this.watchers = watchers;
      this.orderId = orderId;
      this.listener = listener;
      this.ready = ready;
    }

    void start() {
      if (cancelled) {
        ready.tryFail("cancelled");
      } else {
        watchers.add(orderId, listener).onComplete(ready);
      }
    }

    @Override
    public Future<Void> ready() {
      return ready.future();
    }

    @Override
    public void cancel() {
      onContext(loop, () -> {
        if (!cancelled) {
          cancelled = true;
          watchers.remove(orderId, listener);
        }
      });
    }
  }
}
