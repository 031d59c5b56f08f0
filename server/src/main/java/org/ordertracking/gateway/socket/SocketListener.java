package org.ordertracking.gateway.socket;

import io.netty.buffer.ByteBuf;

/** What a {@link WebSocketChannel} reports, on its event loop and within its Vert.x context. */
public interface SocketListener {
  /**
   * A data frame: the first of a message ({@code first}, a text or binary frame) or a continuation.
   * {@code data} is only valid during the call.
   */
  void onData(boolean first, ByteBuf data, boolean fin);

  /** A ping (already answered) or a pong: the client is there. */
  void onHeard();

  /** The outbound buffer drained below its low-water mark. */
  void onWritable();

  /**
   * The connection ended, with the code this side closed with, else the client's (1005 when its
   * close frame had none), else the codec's for a protocol error, else 1006 (it just dropped).
   */
  void onClosed(int code);
}
