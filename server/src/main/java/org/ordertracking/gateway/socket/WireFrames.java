package org.ordertracking.gateway.socket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Server-to-client WebSocket frames (RFC 6455 5.2) as the bytes that go on the wire: FIN set, no
 * mask (a server never masks), one header of 2, 4 or 10 bytes, then the payload. A text frame is
 * encoded once and the same bytes are written to every socket that watches its order; control
 * frames are tiny and built per use.
 */
public final class WireFrames {
  private static final int FIN = 0x80;
  static final int OP_TEXT = 0x1;
  static final int OP_CLOSE = 0x8;
  static final int OP_PING = 0x9;
  static final int OP_PONG = 0xA;

  /** A ping with no payload; shared read-only, every write takes its own view. */
  private static final ByteBuf PING =
      Unpooled.unreleasableBuffer(Unpooled.directBuffer(2).writeByte(FIN | OP_PING).writeByte(0));

  private WireFrames() {}

  /** A text frame holding {@code payload}'s readable bytes (UTF-8 JSON), in a new direct buffer. */
  public static ByteBuf text(ByteBufAllocator alloc, ByteBuf payload) {
    int length = payload.readableBytes();
    ByteBuf out = alloc.directBuffer(headerLength(length) + length);
    writeHeader(out, OP_TEXT, length);
    out.writeBytes(payload, payload.readerIndex(), length);
    return out;
  }

  /** A text frame holding {@code text} in UTF-8. */
  public static ByteBuf text(ByteBufAllocator alloc, CharSequence text) {
    int length = ByteBufUtil.utf8Bytes(text);
    ByteBuf out = alloc.directBuffer(headerLength(length) + length);
    writeHeader(out, OP_TEXT, length);
    ByteBufUtil.reserveAndWriteUtf8(out, text, length);
    return out;
  }

  /** A view of the empty ping frame; writing it releases nothing that matters. */
  static ByteBuf ping() {
    return PING.duplicate();
  }

  /** A pong echoing the ping's application data (at most 125 bytes: the decoder enforces it). */
  static ByteBuf pong(ByteBufAllocator alloc, ByteBuf pingData) {
    int length = pingData.readableBytes();
    ByteBuf out = alloc.directBuffer(2 + length);
    writeHeader(out, OP_PONG, length);
    out.writeBytes(pingData, pingData.readerIndex(), length);
    return out;
  }

  /**
   * A close frame with {@code code} and a reason cut to fit a control frame (125 bytes, of which 2
   * are the code); {@code code} 0 sends an empty close frame (no status, RFC 6455 7.1.5).
   */
  static ByteBuf close(ByteBufAllocator alloc, int code, String reason) {
    if (code == 0) {
      return alloc.directBuffer(2).writeByte(FIN | OP_CLOSE).writeByte(0);
    }
    byte[] why = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
    int whyLength = Math.min(why.length, 123); // reasons are short ASCII phrases; never split a character
    ByteBuf out = alloc.directBuffer(4 + whyLength);
    writeHeader(out, OP_CLOSE, 2 + whyLength);
    out.writeShort(code);
    out.writeBytes(why, 0, whyLength);
    return out;
  }

  static int headerLength(int payloadLength) {
    return payloadLength < 126 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
  }

  private static void writeHeader(ByteBuf out, int opcode, int length) {
    out.writeByte(FIN | opcode);
    if (length < 126) {
      out.writeByte(length);
    } else if (length <= 0xFFFF) {
      out.writeByte(126);
      out.writeShort(length);
    } else {
      out.writeByte(127);
      out.writeLong(length);
    }
  }
}
