package org.ordertracking.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * Writes one frame's bytes, shared by every socket watching the order, as a text frame: no copy,
 * no re-encoding. Each write gets a slice of the same memory (its own read position), which Vert.x
 * hands to Netty as it is. This leans on Vert.x internals ({@code WebSocketFrameImpl},
 * {@code BufferInternal}); {@code SharedWritesTest} checks on a real socket that the bytes reaching
 * Netty are still the engine's, so an upgrade that starts copying fails the build.
 */
final class SharedWrites {
  private SharedWrites() {}

  static Future<Void> writeText(WebSocketBase ws, Buffer shared) {
    return ws.writeFrame(
        new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) shared).getByteBuf(), true));
  }
}
