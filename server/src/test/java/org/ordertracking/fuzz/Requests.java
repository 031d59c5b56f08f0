package org.ordertracking.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Small pieces the generators share: raw request text, random strings, random picks. */
final class Requests {
  static final String CRLF = "\r\n";

  private Requests() {}

  /** A complete HTTP/1.1 request with an exact Content-Length (when there is a body). */
  static String post(String path, String headers, String body) {
    return "POST " + path + " HTTP/1.1" + CRLF + "Host: fuzz" + CRLF + headers
        + "Content-Length: " + body.getBytes(StandardCharsets.ISO_8859_1).length + CRLF + CRLF + body;
  }

  static String get(String path, String headers) {
    return "GET " + path + " HTTP/1.1" + CRLF + "Host: fuzz" + CRLF + headers + CRLF;
  }

  static String header(String name, String value) {
    return name + ": " + value + CRLF;
  }

  @SafeVarargs
  static <T> T pick(Random r, T... options) {
    return options[r.nextInt(options.length)];
  }

  static String printable(Random r, int min, int max) {
    int n = min + r.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) (0x21 + r.nextInt(0x5e)));
    }
    return sb.toString();
  }

  static byte[] bytes(Random r, int min, int max) {
    byte[] b = new byte[min + r.nextInt(max - min + 1)];
    r.nextBytes(b);
    return b;
  }

  /** Latin-1 text of arbitrary bytes (the wire encoding raw requests are built in). */
  static String latin1(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }
}
