package org.ordertracking.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

/**
 * A WebSocket client written against the bare socket (RFC 6455), so that tests can send what a
 * well-behaved library never would: compressed frames nobody negotiated, fragments, oversized
 * or malformed control frames, bad UTF-8, unmasked frames.
 */
public final class RawWebSocket implements AutoCloseable {
  public static final int CONTINUATION = 0x0;
  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;
  public static final int PONG = 0xA;
  /** RSV1: "this frame is compressed" under permessage-deflate. */
  public static final int RSV1 = 0x40;

  private final RawHttp http;
  private final RawHttp.Response handshake;
  private final Random maskKeys = new Random(1);

  private RawWebSocket(RawHttp http, RawHttp.Response handshake) {
    this.http = http;
    this.handshake = handshake;
  }

  /** Opens {@code /ws/track?token=} with the given extra header lines (each ending in CRLF). */
  public static RawWebSocket connect(int port, String token, String extraHeaders) {
    RawHttp http = RawHttp.open(port);
    http.send("GET /ws/track?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + port + "\r\n"
        + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + extraHeaders + "\r\n");
    RawHttp.Response res = http.readResponse(Await.TIMEOUT);
    if (res == null) {
      http.close();
      throw new AssertionError("no answer to the upgrade");
    }
    return new RawWebSocket(http, res);
  }

  /**
   * A tracking socket on {@code node} for a fresh order, past its 101 and its snapshot (or an
   * assertion error saying which of them was missing).
   */
  public static RawWebSocket openTracking(TestNode node) {
    RawWebSocket ws = connect(node.port(), node.token(Ids.order()), "");
    if (ws.handshake().status() != 101) {
      ws.close();
      throw new AssertionError("upgrade answered " + ws.handshake().status());
    }
    Frame snapshot = ws.next(Await.TIMEOUT);
    if (snapshot == null || !snapshot.text().startsWith("{\"type\":\"snapshot\"")) {
      ws.close();
      throw new AssertionError("the first frame is not the snapshot: " + (snapshot == null ? "none" : snapshot.text()));
    }
    return ws;
  }

  public RawHttp.Response handshake() {
    return handshake;
  }

  /**
   * Writes one frame; {@code flags} are FIN (0x80) and RSV bits ORed into the first byte. Client
   * frames are masked unless {@code masked} is false. False when the server has closed.
   */
  public boolean sendFrame(int flags, int opcode, byte[] payload, boolean masked) {
    int len = payload.length;
    byte[] header = new byte[14];
    int n = 0;
    header[n++] = (byte) (flags | opcode);
    int maskBit = masked ? 0x80 : 0;
    if (len < 126) {
      header[n++] = (byte) (maskBit | len);
    } else if (len < 65536) {
      header[n++] = (byte) (maskBit | 126);
      header[n++] = (byte) (len >>> 8);
      header[n++] = (byte) len;
    } else {
      header[n++] = (byte) (maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        header[n++] = (byte) ((long) len >>> shift);
      }
    }
    byte[] body = payload.clone();
    if (masked) {
      byte[] key = new byte[4];
      maskKeys.nextBytes(key);
      System.arraycopy(key, 0, header, n, 4);
      n += 4;
      for (int i = 0; i < body.length; i++) {
        body[i] ^= key[i & 3];
      }
    }
    byte[] frame = new byte[n + body.length];
    System.arraycopy(header, 0, frame, 0, n);
    System.arraycopy(body, 0, frame, n, body.length);
    return http.send(frame);
  }

  public boolean sendText(String text) {
    return sendFrame(0x80, TEXT, text.getBytes(StandardCharsets.UTF_8), true);
  }

  /** What {@link #next} returns when the server ended the connection. */
  public static final Frame END = new Frame(-1, new byte[0]);

  /** A frame from the server. */
  public record Frame(int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame; 1005 when it carries none. */
    public int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }
  }

  /** The next frame; {@link #END} when the connection ended, null when nothing came within {@code timeout}. */
  public Frame next(Duration timeout) {
    try {
      http.socket().setSoTimeout((int) timeout.toMillis());
      DataInputStream in = new DataInputStream(http.input());
      int b0 = in.readUnsignedByte();
      int b1 = in.readUnsignedByte();
      long len = b1 & 0x7f;
      if (len == 126) {
        len = in.readUnsignedShort();
      } else if (len == 127) {
        len = in.readLong();
      }
      byte[] payload = new byte[(int) len];
      in.readFully(payload);
      return new Frame(b0 & 0x0f, payload);
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      return END; // end of stream or reset
    }
  }

  /** Skips data frames until a close frame; null when the connection ended without one. */
  public Frame awaitClose(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Frame f = next(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
      if (f == null || f == END) {
        return null;
      }
      if (f.opcode() == CLOSE) {
        return f;
      }
    }
    return null;
  }

  /** Whether the TCP connection ends within {@code timeout} (after any frames still in flight). */
  public boolean awaitDisconnected(Duration timeout) {
    return http.awaitClosed(timeout);
  }

  @Override
  public void close() {
    http.close();
  }
}
