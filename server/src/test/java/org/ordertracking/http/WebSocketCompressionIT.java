package org.ordertracking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.NodeExtension;
import org.ordertracking.testing.RawHttp;
import org.ordertracking.testing.RawWebSocket;
import org.ordertracking.testing.TestNode;

/**
 * Issue 8 #1, the decompression bomb: the server negotiates no WebSocket compression, so a
 * compressed frame is a protocol error that closes the socket before anything is inflated, and
 * the event loop never spends seconds inflating megabytes.
 */
class WebSocketCompressionIT {
  private static final String OFFER =
      "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, x-webkit-deflate-frame\r\n";

  private static final byte[] PING = "{\"type\":\"ping\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @RegisterExtension
  static final NodeExtension NODE = new NodeExtension();

  private static TestNode node() {
    return NODE.node();
  }

  @Test
  void aClientOfferingCompressionGetsAnUncompressedSocket() {
    try (RawWebSocket ws = RawWebSocket.connect(node().port(), node().token(Ids.order()), OFFER)) {
      assertEquals(101, ws.handshake().status());
      assertNull(ws.handshake().header("Sec-WebSocket-Extensions"), "no extension may be negotiated");
      RawWebSocket.Frame snapshot = ws.next(Await.TIMEOUT);
      assertNotNull(snapshot);
      assertTrue(snapshot.text().startsWith("{\"type\":\"snapshot\""), snapshot.text());
    }
  }

  @Test
  void aCompressedFrameIsNeverInflated() {
    try (RawWebSocket ws = RawWebSocket.connect(node().port(), node().token(Ids.order()), OFFER)) {
      assertEquals(101, ws.handshake().status());
      assertNotNull(ws.next(Await.TIMEOUT), "snapshot");
      assertTrue(ws.sendText("{\"type\":\"ping\"}"));
      assertEquals("{\"type\":\"pong\"}", ws.next(Await.TIMEOUT).text(), "a plain ping is answered");
      // The same ping compressed: the codec refuses it as a protocol violation without inflating
      // it: close 1002, then the connection ends. (With compression negotiated it was inflated and
      // answered with a pong.)
      assertTrue(ws.sendFrame(0x80 | RawWebSocket.RSV1, RawWebSocket.TEXT, deflate(PING), true));
      RawWebSocket.Frame answer = ws.next(Await.TIMEOUT);
      assertNotNull(answer, "nothing came back (still open)");
      assertEquals(RawWebSocket.CLOSE, answer.opcode(), "a close, not a pong: opcode " + answer.opcode());
      assertEquals(1002, answer.closeCode());
      assertSame(RawWebSocket.END, ws.next(Await.TIMEOUT), "then the connection ends");
    }
  }

  @Test
  void deflateBombsDoNotStallTheServer() {
    byte[] bomb = deflate(new byte[16_000_000]);
    assertTrue(bomb.length < 16 * 1024, "the bomb fits under the 16 KiB frame cap: " + bomb.length);
    // The attack: a hundred frames, each inflating to 16 MB, on each of several sockets.
    int written = 0;
    for (int s = 0; s < 5; s++) {
      try (RawWebSocket ws = RawWebSocket.connect(node().port(), node().token(Ids.order()), OFFER)) {
        assertEquals(101, ws.handshake().status());
        for (int i = 0; i < 100 && ws.sendFrame(0x80 | RawWebSocket.RSV1, RawWebSocket.TEXT, bomb, true); i++) {
          written++;
        }
        assertTrue(ws.awaitDisconnected(Await.TIMEOUT), "socket " + s + " is dropped");
      }
    }
    long worstMillis = 0;
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      try (RawHttp http = RawHttp.open(node().port())) {
        http.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        RawHttp.Response res = http.readResponse(Await.TIMEOUT);
        assertNotNull(res, "/health/live answers");
        assertEquals(200, res.status());
      }
      worstMillis = Math.max(worstMillis, (System.nanoTime() - t0) / 1_000_000);
    }
    // Measured, not asserted: a loaded CI machine is slow for reasons of its own.
    System.out.println("deflate bombs: " + written + " frames of " + bomb.length + " bytes written;"
        + " slowest of 20 /health/live right after: " + worstMillis + " ms");
  }

  /** {@code data} as a permessage-deflate payload (raw deflate, sync flush, tail removed). */
  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    do {
      n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
      out.write(buf, 0, n);
    } while (n == buf.length || !deflater.needsInput());
    deflater.end();
    byte[] bytes = out.toByteArray();
    // permessage-deflate drops the trailing empty block of a sync flush (RFC 7692 7.2.1).
    return Arrays.copyOf(bytes, bytes.length - 4);
  }
}
