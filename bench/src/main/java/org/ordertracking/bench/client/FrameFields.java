package org.ordertracking.bench.client;

import io.vertx.core.buffer.Buffer;

/**
 * Reads the two numbers the load client needs from a frame's bytes, without decoding the frame:
 * {@code "seq":N} and the publish timestamp the publisher put in {@code "ref":"<epoch micros>"}.
 * Both servers forward the publisher's bytes verbatim, so the first occurrence of each key is the
 * top-level one (the location object holds neither key).
 */
public final class FrameFields {
  private static final byte[] SEQ = {'"', 's', 'e', 'q', '"', ':'};
  private static final byte[] REF = {'"', 'r', 'e', 'f', '"', ':', '"'};

  private FrameFields() {}

  /** The frame's seq, or -1 when it has none (a pong). */
  public static long seq(Buffer frame) {
    return digitsAfter(frame, SEQ);
  }

  /** The publish timestamp in epoch microseconds, or -1 when the frame carries none (a snapshot). */
  public static long ref(Buffer frame) {
    return digitsAfter(frame, REF);
  }

  static long digitsAfter(Buffer b, byte[] key) {
    int at = indexOf(b, key);
    if (at < 0) {
      return -1;
    }
    int n = b.length();
    long v = 0;
    int digits = 0;
    for (int i = at + key.length; i < n && digits < 19; i++) {
      byte c = b.getByte(i);
      if (c < '0' || c > '9') {
        break;
      }
      v = v * 10 + (c - '0');
      digits++;
    }
    return digits == 0 ? -1 : v;
  }

  private static int indexOf(Buffer b, byte[] key) {
    int last = b.length() - key.length;
    outer:
    for (int i = 0; i <= last; i++) {
      for (int k = 0; k < key.length; k++) {
        if (b.getByte(i + k) != key[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
