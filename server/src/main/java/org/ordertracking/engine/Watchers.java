package org.ordertracking.engine;

import io.vertx.core.Future;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.ordertracking.model.OrderId;
import org.ordertracking.protocol.Frame;

/**
 * Who watches which order, on one context: the one place watchers are counted. An order's first
 * watcher subscribes the feed; its last one unsubscribes it at once (even while the subscribe is in
 * flight: feeds keep the calls in order); a failed subscribe is rolled back, so the next watcher
 * tries afresh. Frames and resyncs from the feed reach the order's watchers in order.
 *
 * <p>The {@link Hub} stacks these: one per event loop holding that loop's sessions, and, when the
 * node holds one subscription per order, one more on the engine loop whose watchers are the loops.
 *
 * <p>Confined to its context. The feed is opened on first use, so it too lives on this context.
 * Delivering a frame allocates nothing: watchers sit in an array replaced on join and leave.
 */
final class Watchers implements FrameListener {
  private static final FrameListener[] NONE = new FrameListener[0];

  private final Function<FrameListener, Feed> openFeed;
  private final Runnable onFirst;
  private final Runnable onLast;
  private final Map<OrderId, Watch> byOrder = new HashMap<>();
  private Feed feed;

  private static final class Watch {
    FrameListener[] listeners = NONE;
    Future<Void> ready;
  }

  /**
   * @param openFeed opens the feed these watchers subscribe through, given its sink (these
   *     watchers); called once, on this context
   * @param onFirst called when an order gains its first watcher here, {@code onLast} when it loses
   *     its last one (for the count of subscriptions the node holds)
   */
  Watchers(Function<FrameListener, Feed> openFeed, Runnable onFirst, Runnable onLast) {
    this.openFeed = openFeed;
    this.onFirst = onFirst;
    this.onLast = onLast;
  }

  /** Adds a watcher; the future completes once the order's frames flow here. */
  Future<Void> add(OrderId orderId, FrameListener listener) {
    Watch w = byOrder.get(orderId);
    if (w == null) {
      Watch fresh = new Watch();
      byOrder.put(orderId, fresh);
      onFirst.run();
      fresh.listeners = new FrameListener[] {listener};
      fresh.ready = feed().subscribe(orderId).onFailure(err -> rollBack(orderId, fresh));
      return fresh.ready;
    }
    FrameListener[] grown = Arrays.copyOf(w.listeners, w.listeners.length + 1);
    grown[grown.length - 1] = listener;
    w.listeners = grown;
    return w.ready;
  }

  void remove(OrderId orderId, FrameListener listener) {
    Watch w = byOrder.get(orderId);
    if (w == null) {
      return;
    }
    FrameListener[] ls = w.listeners;
    for (int i = 0; i < ls.length; i++) {
      if (ls[i] == listener) {
        if (ls.length == 1) {
          release(orderId);
          return;
        }
        FrameListener[] shrunk = new FrameListener[ls.length - 1];
        System.arraycopy(ls, 0, shrunk, 0, i);
        System.arraycopy(ls, i + 1, shrunk, i, ls.length - i - 1);
        w.listeners = shrunk;
        return;
      }
    }
  }

  private void rollBack(OrderId orderId, Watch failed) {
    if (byOrder.get(orderId) == failed) {
      release(orderId);
    }
  }

  private void release(OrderId orderId) {
    byOrder.remove(orderId);
    onLast.run();
    feed.unsubscribe(orderId);
  }

  /** Opens the feed now rather than for the first watcher (so readiness covers it early). */
  Feed feed() {
    if (feed == null) {
      feed = openFeed.apply(this);
    }
    return feed;
  }

  @Override
  public void onFrame(Frame frame) {
    Watch w = byOrder.get(frame.orderId());
    if (w != null) {
      // The array is replaced, never changed, when watchers come and go: safe to walk as it is.
      FrameListener[] ls = w.listeners;
      for (FrameListener l : ls) {
        l.onFrame(frame);
      }
    }
  }

  @Override
  public void onResync(OrderId orderId) {
    Watch w = byOrder.get(orderId);
    if (w != null) {
      for (FrameListener l : w.listeners) {
        l.onResync(orderId);
      }
    }
  }
}
