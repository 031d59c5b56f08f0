package org.ordertracking.gateway.socket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Turns an HTTP/1.1 upgrade request that the gateway accepted into a {@link WebSocketChannel}, on
 * the Netty channel itself: writes the 101, puts Netty's WebSocket decoder (with UTF-8 checking)
 * where the HTTP decoder was, and the socket where Vert.x's handler was.
 *
 * <p>Why not {@code request.toWebSocket()}: Vert.x keeps, per upgraded socket, its HTTP connection
 * (with the upgrade request and a 1 025-slot outbound queue) beside a WebSocket connection (with
 * another such queue), about 18 KiB of heap per idle socket, and wraps every frame in its own
 * objects on the way out. Here a socket is the Netty channel, one decoder and one {@link
 * WebSocketChannel}; frames are written as encoded bytes (docs/BENCHMARKS.md, "Third round").
 *
 * <p>Vert.x is told the HTTP connection ended, as on a disconnect, so that its connection count
 * and request metrics do not keep counting the socket; from then on the channel is not Vert.x's.
 * This leans on Vert.x internals ({@code ConnectionBase}, the pipeline's handler names);
 * {@code WebSocketUpgradeTest} checks them on a real server, so a Vert.x upgrade that changes them
 * fails the build. One instance per event loop (it keeps a SHA-1 digest).
 */
public final class WebSocketUpgrade {
  /** RFC 6455 1.3: appended to the client's key, SHA-1, base64: the Sec-WebSocket-Accept. */
  private static final byte[] GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11".getBytes(StandardCharsets.US_ASCII);
  /** Vert.x's name for its HTTP/1.x request decoder in the pipeline. */
  private static final String HTTP_DECODER = "httpDecoder";
  private final WebSocketDecoderConfig decoderConfig;
  private final MessageDigest sha1;

  /** @param maxFramePayload the decoder's cap on one client frame (over it: 1009 and closed) */
  public WebSocketUpgrade(int maxFramePayload) {
    this.decoderConfig = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(maxFramePayload)
        .expectMaskedFrames(true)
        .allowMaskMismatch(false)
        .allowExtensions(false) // no compression is negotiated: a reserved bit is a protocol error
        .closeOnProtocolViolation(false) // the socket answers with the close code itself
        .build();
    try {
      this.sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JVM", e);
    }
  }

  /**
   * Answers 101 and hands the request's connection to {@code socket}. Call on the request's event
   * loop, for a request whose handshake headers were checked (version 13, a valid key).
   *
   * @throws IllegalStateException when the connection is not a plain HTTP/1.x one
   */
  public void accept(HttpServerRequest request, WebSocketChannel socket) {
    if (!(request.connection() instanceof ConnectionBase connection)) {
      throw new IllegalStateException("not an HTTP/1.x connection: " + request.connection().getClass().getName());
    }
    ChannelHandlerContext vertx = connection.channelHandlerContext();
    Channel channel = vertx.channel();
    ChannelPipeline pipeline = channel.pipeline();
    ChannelHandler httpDecoder = pipeline.get(HTTP_DECODER);
    if (httpDecoder == null) {
      throw new IllegalStateException("no HTTP/1.x decoder on the connection: " + pipeline.names());
    }
    String accept = acceptKey(request.getHeader("Sec-WebSocket-Key"));
    releaseFromVertx(vertx);
    // Everything Vert.x put after the HTTP decoder serves HTTP (encoder, chunked writer, the
    // WebSocket-extension handshake, compression, idle timer): none of it applies any more. What
    // comes before it (TLS, were it configured) stays, and so does the h2c upgrade handler, when
    // cleartext HTTP/2 is on: it is below us on the stack and removes itself when we return.
    List<String> names = pipeline.names();
    for (String name : names.subList(names.indexOf(HTTP_DECODER) + 1, names.size())) {
      if (!name.equals(vertx.name()) && !name.equals("h2c") && pipeline.get(name) != null) {
        pipeline.remove(name);
      }
    }
    pipeline.replace(vertx.name(), "tracking-socket", socket);
    ByteBuf response = channel.alloc().directBuffer(160);
    ByteBufUtil.writeAscii(response, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n");
    pipeline.firstContext().writeAndFlush(response, channel.voidPromise());
    // Bytes the client sent after its request (frames it did not wait to send) pass from the HTTP
    // decoder to its replacement when it is removed: the validator must be in place first.
    pipeline.addAfter(HTTP_DECODER, "utf8", new Utf8FrameValidator(false));
    pipeline.replace(HTTP_DECODER, "ws-decoder", new WebSocket13FrameDecoder(decoderConfig));
  }

  /** Tells Vert.x its HTTP connection ended, as Netty would on a disconnect. */
  private static void releaseFromVertx(ChannelHandlerContext vertx) {
    try {
      ((ChannelInboundHandler) vertx.handler()).channelInactive(vertx);
    } catch (Exception e) {
      throw new IllegalStateException("Vert.x refused to let the connection go", e);
    }
  }

  String acceptKey(String key) {
    sha1.reset();
    sha1.update(key.trim().getBytes(StandardCharsets.US_ASCII));
    return Base64.getEncoder().encodeToString(sha1.digest(GUID));
  }
}
