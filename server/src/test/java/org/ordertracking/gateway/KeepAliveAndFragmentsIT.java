package org.ordertracking.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.NodeExtension;
import org.ordertracking.testing.RawWebSocket;
import org.ordertracking.testing.TestNode;

/**
 * Keep-alive through the per-loop timing wheel (pings come, a silent client is closed 4408, a
 * client that answers stays), and issue 8 #8: limits and the ping check apply to whole client
 * messages, however they are fragmented. Sent with a raw client that writes continuation frames.
 */
class KeepAliveAndFragmentsIT {
  private static final long PING_MS = 300;

  @RegisterExtension
  static final NodeExtension NODE = new NodeExtension(env -> env.put("TRACKING_PING_INTERVAL", PING_MS + "ms"));

  private static TestNode node() {
    return NODE.node();
  }

  private static RawWebSocket open() {
    return RawWebSocket.openTracking(node());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aClientThatNeverAnswersPingsIsPingedThenClosed4408() {
    try (RawWebSocket ws = open()) {
      RawWebSocket.Frame first = ws.next(Await.TIMEOUT);
      assertNotNull(first);
      assertEquals(RawWebSocket.PING, first.opcode());
      RawWebSocket.Frame close = ws.awaitClose(Await.TIMEOUT);
      assertNotNull(close, "closed with a close frame");
      assertEquals(CloseCodes.PING_TIMEOUT, close.closeCode());
    }
  }

  @Test
  void aClientThatAnswersEveryPingStaysOpen() {
    try (RawWebSocket ws = open()) {
      int pings = 0;
      // Ten intervals, five times the silence limit: only pings arrive, each answered.
      long until = System.nanoTime() + Duration.ofMillis(10 * PING_MS).toNanos();
      while (System.nanoTime() < until) {
        RawWebSocket.Frame f = ws.next(Duration.ofMillis(2 * PING_MS));
        assertNotNull(f, "a ping within two intervals");
        assertEquals(RawWebSocket.PING, f.opcode(), "only pings, got opcode " + f.opcode());
        pings++;
        assertTrue(ws.sendFrame(0x80, RawWebSocket.PONG, f.payload(), true));
      }
      assertTrue(pings >= 6, "pinged about every interval: " + pings);
    }
  }

  @Test
  void aFragmentedPingGetsAPong() {
    try (RawWebSocket ws = open()) {
      assertTrue(ws.sendFrame(0x00, RawWebSocket.TEXT, utf8("{\"type\""), true));
      assertTrue(ws.sendFrame(0x00, RawWebSocket.CONTINUATION, utf8(":\"pi"), true));
      assertTrue(ws.sendFrame(0x80, RawWebSocket.CONTINUATION, utf8("ng\"}"), true));
      assertEquals("{\"type\":\"pong\"}", nextData(ws).text());
      // The fragments left nothing behind: a plain ping after them is answered too.
      assertTrue(ws.sendText("{\"type\":\"ping\"}"));
      assertEquals("{\"type\":\"pong\"}", nextData(ws).text());
    }
  }

  @Test
  void fragmentsOfAMessageOverOneKibTogetherClose1009() {
    try (RawWebSocket ws = open()) {
      byte[] piece = utf8("x".repeat(400));
      // Each fragment is well under 1 KiB; the message they make is not.
      assertTrue(ws.sendFrame(0x00, RawWebSocket.TEXT, piece, true));
      ws.sendFrame(0x00, RawWebSocket.CONTINUATION, piece, true);
      ws.sendFrame(0x80, RawWebSocket.CONTINUATION, piece, true);
      RawWebSocket.Frame close = ws.awaitClose(Await.TIMEOUT);
      assertNotNull(close, "closed with a close frame");
      assertEquals(CloseCodes.MESSAGE_TOO_BIG, close.closeCode());
    }
  }

  @Test
  void aMessageOfManyTinyFragmentsCountsAgainstTheFloodLimit() {
    try (RawWebSocket ws = open()) {
      assertTrue(ws.sendFrame(0x00, RawWebSocket.TEXT, new byte[0], true));
      for (int i = 0; i < 100; i++) {
        ws.sendFrame(0x00, RawWebSocket.CONTINUATION, new byte[0], true);
      }
      RawWebSocket.Frame close = ws.awaitClose(Await.TIMEOUT);
      assertNotNull(close, "closed with a close frame");
      assertEquals(CloseCodes.POLICY_FLOOD, close.closeCode());
    }
  }

  @Test
  void aFragmentedMessageOverSixteenKibIsRefusedWithoutBeingBuffered() {
    try (RawWebSocket ws = open()) {
      byte[] piece = new byte[8 * 1024];
      assertTrue(ws.sendFrame(0x00, RawWebSocket.TEXT, piece, true));
      for (int i = 0; i < 3; i++) {
        ws.sendFrame(0x00, RawWebSocket.CONTINUATION, piece, true);
      }
      RawWebSocket.Frame close = ws.awaitClose(Await.TIMEOUT);
      assertNotNull(close, "closed with a close frame");
      assertEquals(CloseCodes.MESSAGE_TOO_BIG, close.closeCode());
    }
  }

  /** The next data or close frame within {@link Await#TIMEOUT}, answering keep-alive pings meanwhile. */
  private static RawWebSocket.Frame nextData(RawWebSocket ws) {
    long deadline = System.nanoTime() + Await.TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      RawWebSocket.Frame f = ws.next(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
      assertNotNull(f, "a frame");
      if (f.opcode() != RawWebSocket.PING) {
        return f;
      }
      ws.sendFrame(0x80, RawWebSocket.PONG, f.payload(), true);
    }
    throw new AssertionError("only pings for " + Await.TIMEOUT);
  }
}
