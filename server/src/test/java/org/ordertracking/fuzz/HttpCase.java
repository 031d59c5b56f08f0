package org.ordertracking.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One generated HTTP request (sent as raw bytes on its own connection) and what its answer must
 * satisfy. {@code label} names the generator and the mutation, for counts and failure messages.
 */
record HttpCase(String category, String label, byte[] bytes, Expect expect) {

  /** What the answer must be, beyond "never a server error". */
  enum Expect {
    /** Anything but a 5xx (a 501 is allowed for a request line naming an HTTP version other than 1.0/1.1). */
    NOT_SERVER_ERROR,
    /** A refusal (4xx), or a batch answer with nothing accepted: nothing may be published. */
    REFUSED,
    /** 401: no or a bad credential. */
    UNAUTHORIZED,
    /**
     * Authentic but unusable: 400, or the 200 a provider gets for a message it may send but that
     * carries nothing to track (the body does not say which); the run checks nothing was published.
     */
    NOTHING_TO_PUBLISH,
    /** A 4xx other than a successful upgrade: a WebSocket handshake that must not be accepted. */
    NOT_UPGRADED,
    /** The server may wait for the rest; it must answer 408 or close once its deadline passes. */
    INCOMPLETE
  }

  static HttpCase of(String category, String label, String request, Expect expect) {
    return new HttpCase(category, label, request.getBytes(StandardCharsets.ISO_8859_1), expect);
  }

  static HttpCase of(String category, String label, byte[] head, byte[] body, Expect expect) {
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return new HttpCase(category, label, all, expect);
  }

  /** The request line, printable, for failure messages. */
  String firstLine() {
    String s = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.ISO_8859_1);
    int eol = s.indexOf('\r');
    return (eol >= 0 ? s.substring(0, eol) : s).replaceAll("[^\\x20-\\x7e]", "?");
  }
}
