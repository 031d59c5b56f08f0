package org.ordertracking.fuzz;

import static org.ordertracking.fuzz.Requests.pick;
import static org.ordertracking.testing.RawWebSocket.BINARY;
import static org.ordertracking.testing.RawWebSocket.CLOSE;
import static org.ordertracking.testing.RawWebSocket.CONTINUATION;
import static org.ordertracking.testing.RawWebSocket.PING;
import static org.ordertracking.testing.RawWebSocket.PONG;
import static org.ordertracking.testing.RawWebSocket.RSV1;
import static org.ordertracking.testing.RawWebSocket.TEXT;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Frames a client sends on an open tracking socket: fragmented, compressed, oversized, control
 * frames, bad UTF-8, unmasked, reserved opcodes, floods. Each case says what the server must do.
 */
final class FrameCases {
  private static final int FIN = 0x80;
  private static final byte[] PING_JSON = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

  /** One frame as sent: first-byte flags (FIN, RSV), opcode, payload, masked or not. */
  record Frame(int flags, int opcode, byte[] payload, boolean masked) {}

  /** What the server must do with a case. */
  enum Expect {
    /** Close with 1009: one text message over the contract's 1 KiB, under the codec's 16 KiB cap. */
    CLOSE_TOO_BIG,
    /** Close with 1008: more than 20 messages within a second. */
    CLOSE_FLOOD,
    /** End the connection (close frame or drop), never answering it: it breaks the protocol. */
    END_UNANSWERED,
    /** Anything but a crash: stay open, or close with a code the server uses. */
    SURVIVE
  }

  record Case(String label, List<Frame> frames, Expect expect) {}

  private FrameCases() {}

  static Case next(Random r) {
    return switch (r.nextInt(13)) {
      case 0 -> new Case("text over 1 KiB", List.of(new Frame(FIN, TEXT, text(r, 1025, 16_000), true)),
          Expect.CLOSE_TOO_BIG);
      case 1 -> new Case("frame over 16 KiB", List.of(new Frame(FIN, pick(r, TEXT, BINARY),
          Requests.bytes(r, 16_385, 70_000), true)), Expect.END_UNANSWERED);
      case 2 -> new Case("compressed", List.of(new Frame(FIN | pick(r, RSV1, 0x20, 0x10), TEXT, PING_JSON, true)),
          Expect.END_UNANSWERED);
      case 3 -> new Case("unmasked", List.of(new Frame(FIN, TEXT, PING_JSON, false)), Expect.END_UNANSWERED);
      case 4 -> new Case("reserved opcode", List.of(new Frame(FIN, pick(r, 3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF),
          PING_JSON, true)), Expect.END_UNANSWERED);
      case 5 -> new Case("oversized control frame", List.of(new Frame(FIN, pick(r, PING, PONG, CLOSE),
          Requests.bytes(r, 126, 2_000), true)), Expect.END_UNANSWERED);
      case 6 -> new Case("fragmented control frame", List.of(new Frame(0, PING, new byte[] {1, 2}, true)),
          Expect.END_UNANSWERED);
      case 7 -> new Case("continuation without a start", List.of(new Frame(pick(r, 0, FIN), CONTINUATION,
          PING_JSON, true)), Expect.END_UNANSWERED);
      case 8 -> new Case("fragmented message", fragments(r), Expect.SURVIVE);
      case 9 -> new Case("bad UTF-8", List.of(new Frame(FIN, TEXT, pick(r, new byte[] {(byte) 0xC3, 0x28},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xF4,
              (byte) 0x90, (byte) 0x80, (byte) 0x80}), true)), Expect.SURVIVE);
      case 10 -> new Case("close frame", List.of(new Frame(FIN, CLOSE, pick(r, new byte[] {3, (byte) 0xE7},
          new byte[] {3, (byte) 0xED}, new byte[] {19, (byte) 0x88}, new byte[] {7}, new byte[] {3, (byte) 0xE8,
              (byte) 0xFF, (byte) 0xFE}, new byte[0]), true)), Expect.SURVIVE);
      case 11 -> {
        List<Frame> flood = new ArrayList<>();
        int messages = 21 + r.nextInt(40);
        for (int i = 0; i < messages; i++) {
          flood.add(new Frame(FIN, pick(r, TEXT, BINARY), PING_JSON, true));
          if (r.nextInt(4) == 0) {
            flood.add(new Frame(FIN, PING, new byte[] {1}, true)); // control frames are not messages
          }
        }
        yield new Case("flood", flood, Expect.CLOSE_FLOOD);
      }
      default -> new Case("small frames", List.of(new Frame(FIN, pick(r, TEXT, BINARY, PING, PONG),
          Requests.bytes(r, 0, 125), true)), Expect.SURVIVE);
    };
  }

  private static List<Frame> fragments(Random r) {
    List<Frame> frames = new ArrayList<>();
    int n = 2 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      boolean last = i == n - 1;
      byte[] part = r.nextInt(4) == 0 ? text(r, 200, 3_000) : PING_JSON;
      frames.add(new Frame(last ? FIN : 0, i == 0 ? pick(r, TEXT, BINARY) : CONTINUATION, part, true));
      if (!last && r.nextInt(5) == 0) {
        frames.add(new Frame(FIN, PING, new byte[] {9}, true)); // a control frame may interleave
      }
    }
    return frames;
  }

  private static byte[] text(Random r, int min, int max) {
    return Requests.printable(r, min, max).getBytes(StandardCharsets.US_ASCII);
  }
}
