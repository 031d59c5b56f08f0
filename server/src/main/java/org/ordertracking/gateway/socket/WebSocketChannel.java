package org.ordertracking.gateway.socket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.internal.ContextInternal;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tracking WebSocket, as the last handler of its Netty channel: it is the whole per-socket
 * transport state (no Vert.x connection, WebSocket or queue objects stay behind it, see {@link
 * WebSocketUpgrade}). Reads arrive as frames from Netty's decoder; writes are wire bytes, the
 * shared ones of {@link WireFrames} without a copy.
 *
 * <p>Closing handshake (RFC 6455 7.1): a close this side starts sends the close frame and waits
 * up to {@link #CLOSE_WAIT_MS} for the client's before closing the connection; a close the client
 * starts is echoed with its code, then the connection is closed. A protocol error found by the
 * codec (bad masking, a reserved bit or opcode, an invalid close code, text that is not UTF-8, a
 * frame over the codec's cap) is answered with its close code (1002, 1007, 1009) and the
 * connection closed at once.
 *
 * <p>Events reach the listener inside the Vert.x context that accepted the upgrade, so that what
 * they call (the engine, timers, futures) sees its own event loop as current.
 */
public final class WebSocketChannel extends ChannelInboundHandlerAdapter implements TrackingSocket {
  /** How long a close this side started waits for the client's close frame. */
  static final long CLOSE_WAIT_MS = 3_000;
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketChannel.class);
  private static final int PROTOCOL_ERROR = 1002;
  private static final int NO_STATUS = 1005;
  private static final int DROPPED = 1006;

  private final ContextInternal context;
  private SocketListener listener;
  private ChannelHandlerContext ctx;
  private boolean closeSent;
  /** The code to report when the connection ends; 0 while none is known (then 1006). */
  private int code;
  private ScheduledFuture<?> closeWait;

  public WebSocketChannel(ContextInternal context) {
    this.context = context;
  }

  /** Set once, before the channel is handed to this handler. */
  public void listener(SocketListener listener) {
    this.listener = listener;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void writeShared(ByteBuf wireFrame) {
    ctx.writeAndFlush(wireFrame.retainedDuplicate(), ctx.voidPromise());
  }

  @Override
  public void writeText(String text) {
    ctx.writeAndFlush(WireFrames.text(ctx.alloc(), text), ctx.voidPromise());
  }

  @Override
  public void ping() {
    ctx.writeAndFlush(WireFrames.ping(), ctx.voidPromise());
  }

  @Override
  public boolean writable() {
    return ctx.channel().isWritable();
  }

  @Override
  public void close(int closeCode, String reason) {
    if (closeSent) {
      return;
    }
    closeSent = true;
    code = closeCode;
    if (!ctx.channel().isActive()) {
      return;
    }
    ctx.writeAndFlush(WireFrames.close(ctx.alloc(), closeCode, reason), ctx.voidPromise());
    closeWait = ctx.executor().schedule(this::closeNow, CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
  }

  private void closeNow() {
    ctx.close();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      ReferenceCountUtil.release(msg); // the upgrade request's empty last content
      return;
    }
    try {
      inContext(frame, this::onFrame);
    } finally {
      frame.release();
    }
  }

  private void onFrame(WebSocketFrame frame) {
    if (frame instanceof CloseWebSocketFrame close) {
      onClientClose(close);
    } else if (closeSent) {
      return; // closing: only the client's close frame still matters
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(WireFrames.pong(ctx.alloc(), frame.content()), ctx.voidPromise());
      listener.onHeard();
    } else if (frame instanceof PongWebSocketFrame) {
      listener.onHeard();
    } else {
      boolean first = frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame;
      listener.onData(first, frame.content(), frame.isFinalFragment());
    }
  }

  private void onClientClose(CloseWebSocketFrame close) {
    int status = close.statusCode();
    if (closeSent) {
      ctx.close(); // the answer to our close: the handshake is complete
      return;
    }
    if (status >= 0 && !sendable(status)) {
      closeAtOnce(PROTOCOL_ERROR, PROTOCOL_ERROR, "invalid close code " + status);
    } else if (status < 0) {
      closeAtOnce(NO_STATUS, 0, ""); // an empty close frame is answered with an empty one
    } else {
      closeAtOnce(status, status, "");
    }
  }

  /**
   * Sends a close frame with {@code sentCode} (0: none) and ends the connection once it is written,
   * without waiting for an answer; the socket reports {@code reportedCode}.
   */
  private void closeAtOnce(int reportedCode, int sentCode, String reason) {
    closeSent = true;
    code = reportedCode;
    ctx.writeAndFlush(WireFrames.close(ctx.alloc(), sentCode, reason)).addListener(ChannelFutureListener.CLOSE);
  }

  /**
   * Whether an endpoint may put {@code status} in a close frame (RFC 6455 7.4 and the IANA
   * registry): the defined codes other than 1004-1006 and 1015, and 3000-4999. Netty's decoder lets
   * 5000 and above through.
   */
  static boolean sendable(int status) {
    return (status >= 1000 && status <= 1003) || (status >= 1007 && status <= 1014)
        || (status >= 3000 && status <= 4999);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedWebSocketFrameException bad && !closeSent) {
      int status = bad.closeStatus().code();
      closeAtOnce(status, status, bad.getMessage() != null ? bad.getMessage() : bad.closeStatus().reasonText());
      return;
    }
    if (!(cause instanceof IOException)) {
      // Not the network: a bug on the frame path. Visible, and the socket is closed as broken.
      LOG.warn("Tracking socket closed after an unexpected error", cause);
    }
    ctx.close(); // reset by the peer, or the above: the socket is gone
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      inContext(listener, SocketListener::onWritable);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (closeWait != null) {
      closeWait.cancel(false);
      closeWait = null;
    }
    closeSent = true;
    inContext(code == 0 ? DROPPED : code, listener::onClosed);
  }

  /**
   * Runs {@code handler} with {@code event} as the accepting context's code. Unlike {@code
   * ContextInternal.dispatch}, which only reports what a handler throws, an exception goes on to
   * {@link #exceptionCaught}: it closes the socket and is logged there.
   */
  private <E> void inContext(E event, Consumer<E> handler) {
    ContextInternal previous = context.beginDispatch();
    try {
      handler.accept(event);
    } finally {
      context.endDispatch(previous);
    }
  }
}
