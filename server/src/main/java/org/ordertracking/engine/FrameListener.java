package org.ordertracking.engine;

import org.ordertracking.protocol.Frame;

/**
 * Receives one order's live frames. Always called on the event loop of the context that
 * subscribed, in the order the engine accepted the events.
 */
public interface FrameListener {
  void onFrame(Frame frame);

  /**
   * The engine lost and regained its feed (e.g. a Redis reconnect): frames may have been missed,
   * so the watcher must fetch a fresh snapshot. Called on the subscribing context.
   */
  default void onResync() {}
}
