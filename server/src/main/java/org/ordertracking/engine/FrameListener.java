package org.ordertracking.engine;

import org.ordertracking.model.OrderId;
import org.ordertracking.protocol.Frame;

/**
 * Receives live frames: a watcher of one order (a socket's session), or the hub receiving a feed's
 * frames for every order it subscribed. Called on one context, in the order the engine accepted
 * the events.
 */
public interface FrameListener {
  void onFrame(Frame frame);

  /**
   * The engine lost and regained the order's stream (e.g. a Redis reconnect): frames may have
   * been missed, so the watcher must fetch a fresh snapshot.
   */
  default void onResync(OrderId orderId) {}
}
