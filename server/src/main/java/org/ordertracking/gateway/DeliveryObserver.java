package org.ordertracking.gateway;

import org.ordertracking.protocol.Frame;

/**
 * What the gateway reports about delivery: the one seam a metrics module plugs into (frames
 * delivered, locations conflated, publish-to-socket latency from {@link Frame#ts}). Called on the
 * socket's event loop, per frame per socket: an implementation must not block, log or allocate.
 * {@link #NONE} until one is wired in {@code server/Modules}.
 */
public interface DeliveryObserver {
  DeliveryObserver NONE = new DeliveryObserver() {};

  /**
   * A live frame was handed to a socket at {@code nowMillis}; {@code frame.ts()} is when the engine
   * accepted it (0 when unknown).
   */
  default void delivered(Frame frame, long nowMillis) {}

  /** A queued location frame of a slow socket was replaced by a newer one. */
  default void conflated() {}

  /**
   * A tracking socket closed with {@code code}: the code the server closed it with, else the
   * client's, else 1006 (the connection just dropped). Once per socket, on its event loop.
   */
  default void socketClosed(int code) {}
}
