package org.ordertracking.protocol;

import io.vertx.core.buffer.Buffer;

/**
 * Reads the top-level {@code type}, {@code seq} and {@code status} of a frame's JSON bytes without
 * building a tree: the engine does this once per received frame per node, not per socket. Any
 * publisher may write to an events channel, so fields are found by a string-aware scan of the
 * top-level object rather than by position.
 */
public final class FrameScanner {
  private FrameScanner() {}

  /** The frame, or null when the bytes are not an object with a positive integer seq and a type. */
  public static Frame scan(Buffer bytes) {
    int n = bytes.length();
    int depth = 0;
    long seq = -1;
    String type = null;
    String status = null;
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
            } else if (keyIs(bytes, i, end, "type")) {
              type = stringValue(bytes, valueStart, n);
            } else if (keyIs(bytes, i, end, "status")) {
              status = stringValue(bytes, valueStart, n);
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
    return new Frame(bytes, seq, kindOf(type, status));
  }

  private static Frame.Kind kindOf(String type, String status) {
    switch (type) {
      case "location":
        return Frame.Kind.LOCATION;
      case "status":
        return "DELIVERED".equals(status) || "CANCELLED".equals(status)
            ? Frame.Kind.TERMINAL_STATUS
            : Frame.Kind.STATUS;
      default:
        return Frame.Kind.OTHER;
    }
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

  private static String stringValue(Buffer bytes, int i, int n) {
    if (i >= n || bytes.getByte(i) != '"') {
      return null;
    }
    int end = stringEnd(bytes, i, n);
    return end < 0 ? null : bytes.getString(i + 1, end);
  }
}
