package org.ordertracking.gateway.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.RawWebSocket;

/**
 * Pins what {@link WebSocketUpgrade} leans on in Vert.x and Netty, on a real server and real
 * sockets: after the upgrade the channel holds Netty's decoder, the UTF-8 check and the socket, and
 * nothing of Vert.x's; one encoded frame written to several sockets arrives whole on each; events
 * reach the listener inside the Vert.x context. A Vert.x upgrade that renames its handlers or
 * changes its connection class fails here.
 */
class WebSocketUpgradeTest {
  private final Vertx vertx = Vertx.vertx();
  private final List<WebSocketChannel> sockets = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final List<Channel> channels = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private int serve() {
    HttpServer server = vertx.createHttpServer().requestHandler(req -> {
      WebSocketUpgrade upgrade = new WebSocketUpgrade(16 * 1024);
      ContextInternal context = ContextInternal.current();
      WebSocketChannel socket = new WebSocketChannel(context);
      socket.listener(new SocketListener() {
        @Override
        public void onData(boolean first, ByteBuf data, boolean fin) {
          events.add((ContextInternal.current() == context ? "in-context " : "no-context ")
              + data.toString(StandardCharsets.UTF_8));
        }

        @Override
        public void onHeard() {}

        @Override
        public void onWritable() {}

        @Override
        public void onClosed(int code) {
          events.add("closed " + code);
        }
      });
      Channel channel = ((ConnectionBase) req.connection()).channelHandlerContext().channel();
      upgrade.accept(req, socket);
      channels.add(channel);
      sockets.add(socket);
    });
    return Await.result(server.listen(0, "127.0.0.1")).actualPort();
  }

  @Test
  void theChannelIsHandedOverAndSharedFramesArriveWholeOnEverySocket() {
    int port = serve();
    try (RawWebSocket a = RawWebSocket.connect(port, "a", ""); RawWebSocket b = RawWebSocket.connect(port, "b", "")) {
      assertEquals(101, a.handshake().status());
      assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", a.handshake().header("Sec-WebSocket-Accept"));
      Await.until("both sockets accepted", () -> sockets.size() == 2);
      for (Channel channel : channels) {
        // Vert.x's defaults here (cleartext HTTP/2 on): its upgrade handler leaves by itself.
        Await.until("only the WebSocket handlers: " + channel.pipeline().names(), () -> channel.pipeline().names()
            .equals(List.of("ws-decoder", "utf8", "tracking-socket", "DefaultChannelPipeline$TailContext#0")));
      }

      String json = "{\"type\":\"location\",\"orderId\":\"o1\",\"seq\":7," + "\"pad\":\"" + "x".repeat(300) + "\"}";
      ByteBuf wire = WireFrames.text(ByteBufAllocator.DEFAULT, Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
      vertx.runOnContext(v -> sockets.forEach(s -> s.writeShared(wire)));
      RawWebSocket.Frame first = a.next(Await.TIMEOUT);
      assertEquals(RawWebSocket.TEXT, first.opcode(), "opcode");
      assertEquals(json, first.text(), "a 2-byte-length header and the text");
      assertEquals(json, b.next(Await.TIMEOUT).text());
      // Netty releases a write's view once the bytes left its buffer, which may be just after they arrive.
      Await.until("each write released its own view, the caller's reference is left", () -> wire.refCnt() == 1);

      a.sendText("hello");
      assertEquals("in-context hello", Await.next(events));
      a.sendFrame(0x80, RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE8}, true);
      RawWebSocket.Frame close = a.next(Await.TIMEOUT);
      assertNotNull(close);
      assertEquals(1000, close.closeCode(), "the client's close is echoed");
      assertEquals("closed 1000", Await.next(events));
      wire.release();
    }
  }
}
