package org.ordertracking.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.NodeExtension;
import org.ordertracking.testing.RawWebSocket;
import org.ordertracking.testing.TestNode;

/**
 * The WebSocket framing rules of RFC 6455 on the gateway's own socket path (gateway/socket): a
 * client that breaks them gets the close code that names the breach, then the connection ends;
 * a client's close is answered with its code. Raw frames, so that the breach really is on the wire.
 */
class WebSocketProtocolIT {
  @RegisterExtension
  static final NodeExtension NODE = new NodeExtension(env -> {});

  private static TestNode node() {
    return NODE.node();
  }

  private static RawWebSocket open() {
    return RawWebSocket.openTracking(node());
  }

  private static void assertClosedWith(RawWebSocket ws, int code) {
    RawWebSocket.Frame close = ws.awaitClose(Await.TIMEOUT);
    assertNotNull(close, "a close frame");
    assertEquals(code, close.closeCode(), "close reason: " + new String(close.payload(), 2,
        Math.max(0, close.payload().length - 2), StandardCharsets.UTF_8));
    assertSame(RawWebSocket.END, ws.next(Await.TIMEOUT), "then the connection ends");
  }

  @Test
  void theHandshakeAnswerCarriesTheAcceptKeyOfRfc6455() {
    try (RawWebSocket ws = open()) {
      // The RFC's own example key (section 1.3) and its answer.
      assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", ws.handshake().header("Sec-WebSocket-Accept"));
      assertEquals("websocket", ws.handshake().header("Upgrade"));
    }
  }

  @Test
  void textThatIsNotUtf8IsClosed1007() {
    try (RawWebSocket ws = open()) {
      ws.sendFrame(0x80, RawWebSocket.TEXT, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, true);
      assertClosedWith(ws, 1007);
    }
  }

  @Test
  void anUnmaskedClientFrameIsAProtocolError() {
    try (RawWebSocket ws = open()) {
      ws.sendFrame(0x80, RawWebSocket.TEXT, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8), false);
      assertClosedWith(ws, 1002);
    }
  }

  @Test
  void aCloseCodeNoEndpointMaySendIsAProtocolError() {
    try (RawWebSocket ws = open()) {
      ws.sendFrame(0x80, RawWebSocket.CLOSE, new byte[] {(byte) (5000 >> 8), (byte) (5000 & 0xff)}, true);
      assertClosedWith(ws, 1002);
    }
  }

  @Test
  void aClientCloseIsAnsweredWithItsCode() {
    try (RawWebSocket ws = open()) {
      ws.sendFrame(0x80, RawWebSocket.CLOSE, new byte[] {(byte) (4000 >> 8), (byte) (4000 & 0xff), 'b', 'y', 'e'}, true);
      assertClosedWith(ws, 4000);
    }
  }

  @Test
  void aControlPingIsAnsweredWithItsData() {
    try (RawWebSocket ws = open()) {
      ws.sendFrame(0x80, RawWebSocket.PING, "are you there".getBytes(StandardCharsets.UTF_8), true);
      RawWebSocket.Frame pong = ws.next(Await.TIMEOUT);
      assertNotNull(pong);
      assertEquals(RawWebSocket.PONG, pong.opcode());
      assertEquals("are you there", pong.text());
    }
  }
}
