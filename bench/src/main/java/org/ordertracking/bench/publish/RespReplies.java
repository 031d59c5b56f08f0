package org.ordertracking.bench.publish;

import io.vertx.core.buffer.Buffer;

/**
 * Counts the replies to pipelined PUBLISH commands as they stream in: integer replies
 * ({@code :N\r\n}, N = subscribers reached) and errors ({@code -...\r\n}). Replies may be split
 * anywhere across buffers.
 */
final class RespReplies {
  long replies;
  long errors;
  long receivers;
  private boolean atLineStart = true;
  private byte type;
  private long number;

  /** Counts from zero again (between steps; only when no reply is outstanding). */
  void reset() {
    replies = 0;
    errors = 0;
    receivers = 0;
  }

  void feed(Buffer b) {
    int n = b.length();
    for (int i = 0; i < n; i++) {
      byte c = b.getByte(i);
      if (atLineStart) {
        type = c;
        number = 0;
        atLineStart = false;
      } else if (c == '\n') {
        atLineStart = true;
        if (type == ':') {
          replies++;
          receivers += number;
        } else if (type == '-') {
          replies++;
          errors++;
        }
      } else if (type == ':' && c >= '0' && c <= '9') {
        number = number * 10 + (c - '0');
      }
    }
  }
}
