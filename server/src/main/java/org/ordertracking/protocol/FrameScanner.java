package org.ordertracking.protocol;

import io.vertx.core.buffer.Buffer;
import org.ordertracking.model.OrderId;

/**
 * Reads the top-level {@code type}, {@code seq}, {@code ts} and {@code status} of a frame's JSON
 * bytes without building a tree: the engine does this once per received frame per node, not per
 * socket. Any publisher may write to an events channel, so fields are found by a string-aware scan
 * of the top-level object rather than by position. Values are compared in place: the only
 * allocation is the {@link Frame} itself.
 */
public final class FrameScanner {
  private FrameScanner() {}

  /**
   * The frame of {@code orderId}'s stream, or null when the bytes are not an object with a positive
   * integer seq and a type.
   */
  public static Frame scan(OrderId orderId, Buffer bytes) {
    int n = bytes.length();
    int depth = 0;
    long seq = -1;
    long ts = 0;
    Frame.Kind type = null;
    boolean terminalStatus = false;
    int i = 0;
    while (i < n) {
      byte b = bytes.getByte(i);
      if (b == '"') {
        int end = stringEnd(bytes, i, n);
        if (end < 0) {
          return null;
        }
        if (depth == 1) {
          int colon = skipSpace(bytes, end + 1, n);
          if (colon < n && bytes.getByte(colon) == ':') {
            int valueStart = skipSpace(bytes, colon + 1, n);
            if (keyIs(bytes, i, end, "seq")) {
              seq = parseLong(bytes, valueStart, n);
            } else if (keyIs(bytes, i, end, "ts")) {
              ts = Math.max(0, parseLong(bytes, valueStart, n));
            } else if (keyIs(bytes, i, end, "type")) {
              type = typeOf(bytes, valueStart, n);
            } else if (keyIs(bytes, i, end, "status")) {
              terminalStatus = stringIs(bytes, valueStart, n, "DELIVERED")
                  || stringIs(bytes, valueStart, n, "CANCELLED");
            }
            i = valueStart;
            continue;
          }
        }
        i = end + 1;
        continue;
      }
      if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
      }
      i++;
    }
    if (seq <= 0 || type == null) {
      return null;
    }
    if (type == Frame.Kind.STATUS && terminalStatus) {
      type = Frame.Kind.TERMINAL_STATUS;
    }
    return new Frame(orderId, bytes, seq, ts, type);
  }

  /** LOCATION, STATUS or OTHER for a string value; null when the value is not a string. */
  private static Frame.Kind typeOf(Buffer bytes, int i, int n) {
    if (stringIs(bytes, i, n, "location")) {
      return Frame.Kind.LOCATION;
    }
    if (stringIs(bytes, i, n, "status")) {
      return Frame.Kind.STATUS;
    }
    return i < n && bytes.getByte(i) == '"' && stringEnd(bytes, i, n) >= 0 ? Frame.Kind.OTHER : null;
  }

  /** Index of the closing quote of the string opening at {@code start}, or -1. */
  private static int stringEnd(Buffer bytes, int start, int n) {
    for (int i = start + 1; i < n; i++) {
      byte b = bytes.getByte(i);
      if (b == '\\') {
        i++;
      } else if (b == '"') {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpace(Buffer bytes, int i, int n) {
    while (i < n) {
      byte b = bytes.getByte(i);
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  private static boolean keyIs(Buffer bytes, int open, int close, String key) {
    if (close - open - 1 != key.length()) {
      return false;
    }
    for (int k = 0; k < key.length(); k++) {
      if (bytes.getByte(open + 1 + k) != key.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the value at {@code i} is exactly the string {@code word} (no escapes in it). */
  private static boolean stringIs(Buffer bytes, int i, int n, String word) {
    int close = i + word.length() + 1;
    return close < n && bytes.getByte(i) == '"' && bytes.getByte(close) == '"'
        && keyIs(bytes, i, close, word);
  }

  private static long parseLong(Buffer bytes, int i, int n) {
    long v = 0;
    int digits = 0;
    while (i < n) {
      byte b = bytes.getByte(i);
      if (b < '0' || b > '9') {
        break;
      }
      v = v * 10 + (b - '0');
      if (++digits > 18) {
        return -1;
      }
      i++;
    }
    return digits == 0 ? -1 : v;
  }
}
