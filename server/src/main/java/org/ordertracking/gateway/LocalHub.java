package org.ordertracking.gateway;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ordertracking.protocol.Frame;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.Subscription;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.model.OrderId;

/**
 * The sessions of one event loop, grouped by order. Each order watched on this loop holds one
 * engine subscription (the engine in turn holds one per node), so a received frame costs one hop
 * per loop and then a plain loop over the order's sockets. Confined to its event loop.
 */
final class LocalHub {
  private final TrackingEngine engine;
  private final Map<OrderId, OrderWatch> watches = new HashMap<>();

  LocalHub(TrackingEngine engine) {
    this.engine = engine;
  }

  /** Adds the session; completes once the order's live frames are flowing to this loop. */
  Future<Void> watch(OrderId orderId, TrackingSession session) {
    OrderWatch w = watches.get(orderId);
    if (w == null) {
      w = new OrderWatch(orderId);
      watches.put(orderId, w);
      w.subscribe();
    }
    w.sessions.add(session);
    return w.ready;
  }

  void unwatch(OrderId orderId, TrackingSession session) {
    OrderWatch w = watches.get(orderId);
    if (w != null && w.sessions.remove(session) && w.sessions.isEmpty()) {
      watches.remove(orderId);
      w.release();
    }
  }

  int watchedOrders() {
    return watches.size();
  }

  private final class OrderWatch implements FrameListener {
    final OrderId orderId;
    final List<TrackingSession> sessions = new ArrayList<>(2);
    Future<Void> ready;
    Subscription subscription;
    boolean released;

    OrderWatch(OrderId orderId) {
      this.orderId = orderId;
    }

    void subscribe() {
      ready =
          engine
              .subscribe(orderId, this)
              .map(
                  sub -> {
                    if (released) {
                      sub.cancel(); // everyone left while we were subscribing
                    } else {
                      subscription = sub;
                    }
                    return (Void) null;
                  })
              .onFailure(err -> {
                if (watches.get(orderId) == this) {
                  watches.remove(orderId); // roll back: the next watcher tries afresh
                }
              });
    }

    void release() {
      released = true;
      if (subscription != null) {
        subscription.cancel();
        subscription = null;
      }
    }

    @Override
    public void onFrame(Frame frame) {
      // Index loop: sessions close asynchronously, never from inside this call.
      for (int i = 0; i < sessions.size(); i++) {
        sessions.get(i).onFrame(frame);
      }
    }

    @Override
    public void onResync() {
      for (int i = 0; i < sessions.size(); i++) {
        sessions.get(i).resync();
      }
    }
  }
}
