package org.ordertracking.fuzz;

import static org.ordertracking.fuzz.Requests.CRLF;
import static org.ordertracking.fuzz.Requests.pick;

import java.util.Random;
import org.ordertracking.fuzz.HttpCase.Expect;

/**
 * Requests broken at the HTTP level: request lines, methods, versions, headers, framing. None
 * carries a credential, so none may change anything; none may get a server error.
 */
final class ProtocolCases {
  private static final String[] PATHS = {"/health/live", "/health/ready", "/api/v1/events", "/ws/track",
      "/webhooks/uber", "/track/x", "/api/v1/orders/o1", "/", "*"};

  private ProtocolCases() {}

  static HttpCase next(Random r) {
    String path = pick(r, PATHS);
    return switch (r.nextInt(12)) {
      case 0 -> HttpCase.of("protocol", "random line", Requests.printable(r, 1, 300) + CRLF + CRLF,
          Expect.NOT_SERVER_ERROR);
      case 1 -> HttpCase.of("protocol", "random bytes", Requests.bytes(r, 1, 3000), new byte[0],
          Expect.NOT_SERVER_ERROR);
      case 2 -> HttpCase.of("protocol", "bad method",
          pick(r, "FOO", "get", "G\tET", "TRACE", "CONNECT", "OPTIONS", "PATCH", "DELETE", "HEAD", "PUT",
              Requests.printable(r, 1, 40)) + " " + path + " HTTP/1.1" + CRLF + "Host: fuzz" + CRLF + CRLF,
          Expect.NOT_SERVER_ERROR);
      case 3 -> HttpCase.of("protocol", "bad version", "GET " + path + " "
          + pick(r, "HTTP/1.2", "HTTP/2.0", "HTTP/0.9", "HTTPS/1.1", "HTTP/1.1x", "HTTP/11", "", "http/1.1")
          + CRLF + "Host: fuzz" + CRLF + CRLF, Expect.NOT_SERVER_ERROR);
      case 4 -> HttpCase.of("protocol", "huge header", Requests.get(path,
          Requests.header("X-Fuzz", Requests.repeat('a', 7_000 + r.nextInt(60_000)))), Expect.NOT_SERVER_ERROR);
      case 5 -> {
        StringBuilder h = new StringBuilder();
        int n = 50 + r.nextInt(2_000);
        for (int i = 0; i < n; i++) {
          h.append(Requests.header("X-F" + i, Requests.printable(r, 0, 20)));
        }
        yield HttpCase.of("protocol", "many headers", Requests.get(path, h.toString()), Expect.NOT_SERVER_ERROR);
      }
      case 6 -> HttpCase.of("protocol", "bad header syntax", Requests.get(path, pick(r,
          "NoColonHere" + CRLF, "Bad Name: x" + CRLF, "X-Folded: a" + CRLF + " continued" + CRLF,
          "X-CR: a\rb" + CRLF, "X-Nul: a\0b" + CRLF, "Host: a" + CRLF + "Host: b" + CRLF,
          ": empty-name" + CRLF, Requests.printable(r, 1, 30) + CRLF)), Expect.NOT_SERVER_ERROR);
      case 7 -> HttpCase.of("protocol", "bad content-length", "POST " + path + " HTTP/1.1" + CRLF
          + "Host: fuzz" + CRLF + pick(r, "Content-Length: -1", "Content-Length: abc",
              "Content-Length: 99999999999999999999", "Content-Length: 5" + CRLF + "Content-Length: 6",
              "Content-Length: 5" + CRLF + "Transfer-Encoding: chunked", "Transfer-Encoding: chunked, gzip",
              "Transfer-Encoding: xchunked", "Content-Length: 0x10") + CRLF + CRLF + "hello",
          Expect.NOT_SERVER_ERROR);
      case 8 -> HttpCase.of("protocol", "bad chunks", "POST " + path + " HTTP/1.1" + CRLF + "Host: fuzz" + CRLF
          + "Content-Type: application/json" + CRLF + "Transfer-Encoding: chunked" + CRLF + CRLF
          + pick(r, "zz" + CRLF + "x" + CRLF + "0" + CRLF + CRLF, "ffffffffffffffffff" + CRLF + "x" + CRLF,
              "5" + CRLF + "toolongchunk" + CRLF + "0" + CRLF + CRLF, "2;ext=\"" + CRLF + "{}" + CRLF + "0" + CRLF
              + CRLF, "0" + CRLF + "Trailer garbage" + CRLF + CRLF), Expect.NOT_SERVER_ERROR);
      case 9 -> HttpCase.of("protocol", "truncated", pick(r, "GET " + path, "GET " + path + " HTTP/1.1" + CRLF
          + "Host: fu", "POST " + path + " HTTP/1.1" + CRLF + "Host: fuzz" + CRLF + "Content-Length: 500"
          + CRLF + CRLF + "{\"a\":"), Expect.INCOMPLETE);
      case 10 -> HttpCase.of("protocol", "odd request target", pick(r,
          "PRI * HTTP/2.0" + CRLF + CRLF + "SM" + CRLF + CRLF,
          "GET http://elsewhere.invalid" + path + " HTTP/1.1" + CRLF + "Host: fuzz" + CRLF + CRLF,
          "OPTIONS * HTTP/1.1" + CRLF + "Host: fuzz" + CRLF + CRLF,
          "CONNECT 127.0.0.1:6379 HTTP/1.1" + CRLF + "Host: 127.0.0.1:6379" + CRLF + CRLF,
          "GET /" + Requests.repeat('a', 3_000 + r.nextInt(20_000)) + " HTTP/1.1" + CRLF + CRLF,
          "GET /api/v1/orders/%" + Requests.printable(r, 0, 3) + " HTTP/1.1" + CRLF + "Host: fuzz" + CRLF + CRLF,
          "GET /../../etc/passwd HTTP/1.1" + CRLF + "Host: fuzz" + CRLF + CRLF), Expect.NOT_SERVER_ERROR);
      default -> HttpCase.of("protocol", "expect header", "POST /api/v1/events HTTP/1.1" + CRLF + "Host: fuzz"
          + CRLF + "Content-Type: application/json" + CRLF + "Content-Length: 10" + CRLF
          + pick(r, "Expect: 100-continue", "Expect: 200-ok", "Expect: " + Requests.printable(r, 1, 20))
          + CRLF + CRLF, Expect.NOT_SERVER_ERROR);
    };
  }
}
