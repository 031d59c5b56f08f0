package org.ordertracking.gateway.socket;

import io.netty.buffer.ByteBuf;

/**
 * What a session may do with its WebSocket. Confined to the socket's event loop. Writes are
 * flushed at once and never fail towards the caller: a socket that went away reports it through
 * {@link SocketListener#onClosed}.
 */
public interface TrackingSocket {
  /**
   * Writes a frame already encoded for the wire ({@link WireFrames#text}), whose bytes other sockets
   * share: the socket takes its own view and leaves the caller's reference alone.
   */
  void writeShared(ByteBuf wireFrame);

  /** Writes {@code text} as one text frame. */
  void writeText(String text);

  /** Sends an empty ping. */
  void ping();

  /** Whether the socket's outbound buffer has room (below the high-water mark). */
  boolean writable();

  /**
   * Starts the closing handshake with {@code code} and {@code reason}; the connection ends when the
   * client answers, or after a short wait if it does not. Idempotent.
   */
  void close(int code, String reason);
}
