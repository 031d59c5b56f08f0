package org.ordertracking.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.WsClient;

/**
 * Pins the zero-copy write through Vert.x internals: a frame's bytes written to several sockets
 * reach Netty as the very memory the engine received, not a copy per socket. A Vert.x upgrade that
 * starts copying (or re-encoding) fails here rather than silently costing every frame.
 */
class SharedWritesTest {
  private final Vertx vertx = Vertx.vertx();

  /** What Netty was asked to write: the backing array and where in it the text starts. */
  private record Written(byte[] array, int offset, String text) {}

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  @Test
  void aFrameWrittenToManySocketsReachesNettyAsTheSameBytes() {
    Buffer shared = Buffer.buffer("{\"type\":\"location\",\"orderId\":\"o1\",\"seq\":7}");
    ByteBuf original = ((BufferInternal) shared).getByteBuf();
    List<Written> written = new CopyOnWriteArrayList<>();
    HttpServer server = vertx.createHttpServer().webSocketHandler(ws -> {
      capture(ws, written);
      SharedWrites.writeText(ws, shared);
    });
    int port = Await.result(server.listen(0, "127.0.0.1")).actualPort();

    try (WsClient a = WsClient.connect(vertx, port, null); WsClient b = WsClient.connect(vertx, port, null)) {
      assertEquals(new JsonObject(shared), a.next(), "the client gets the text as written");
      assertEquals(new JsonObject(shared), b.next());
    }
    assertEquals(2, written.size());
    for (Written w : written) {
      assertSame(original.array(), w.array(), "Netty got the engine's memory, not a copy");
      assertEquals(original.arrayOffset() + original.readerIndex(), w.offset());
      assertEquals(shared.toString(), w.text());
    }
    assertEquals("{\"type\":\"location\",\"orderId\":\"o1\",\"seq\":7}", shared.toString(),
        "the shared bytes are whole for the next socket");
  }

  /** A handler between Vert.x and the WebSocket encoder that records each text frame written. */
  private static void capture(ServerWebSocket ws, List<Written> into) {
    ChannelHandlerContext vertxHandler = ((WebSocketInternal) ws).channelHandlerContext();
    vertxHandler.pipeline().addBefore(vertxHandler.name(), "capture", new ChannelOutboundHandlerAdapter() {
      @Override
      public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof TextWebSocketFrame text) {
          ByteBuf c = text.content();
          into.add(new Written(c.hasArray() ? c.array() : null, c.hasArray() ? c.arrayOffset() + c.readerIndex() : -1,
              text.text()));
        }
        super.write(ctx, msg, promise);
      }
    });
  }
}
