package org.ordertracking.fuzz;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.ordertracking.testing.RawHttp;
import org.ordertracking.testing.RawWebSocket;

/**
 * Sends one generated case to the server over a fresh connection and judges the answer. Returns
 * the outcome to count ({@code "401"}, {@code "closed"}, {@code "close 1009"}...) or throws
 * {@link Violation} with what was wrong.
 */
final class CaseRunner {
  /** Far above any deadline of the fuzzed server (its HTTP timeouts are 500 ms). */
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String PONG = "{\"type\":\"pong\"}";
  private static final String ANSWERED = "answered";

  static final class Violation extends Exception {
    Violation(String message) {
      super(message, null, false, false);
    }
  }

  private final int port;

  CaseRunner(int port) {
    this.port = port;
  }

  String run(HttpCase c) throws Violation {
    try (RawHttp conn = RawHttp.open(port)) {
      conn.send(c.bytes());
      RawHttp.Response res = conn.readResponse(WAIT);
      while (res != null && res.status() == 100) {
        res = conn.readResponse(WAIT);
      }
      if (res == null) {
        if (!conn.awaitClosed(WAIT)) {
          throw new Violation("neither answered nor closed within " + WAIT);
        }
        return "closed";
      }
      judge(c, res);
      if (c.expect() == HttpCase.Expect.INCOMPLETE && !conn.awaitClosed(WAIT)) {
        throw new Violation("an incomplete request's connection outlived the server's deadlines");
      }
      return Integer.toString(res.status());
    }
  }

  private static void judge(HttpCase c, RawHttp.Response res) throws Violation {
    int s = res.status();
    if (s == 101) {
      throw new Violation("upgraded to a WebSocket");
    }
    if (s >= 500 && !(s == 501 && namesAnotherHttpVersion(c))) {
      throw new Violation("server error " + s + ": " + res.body());
    }
    if (s >= 400 && !res.body().isEmpty()) {
      String type = res.header("Content-Type");
      if (type == null || !type.startsWith("application/json")) {
        throw new Violation(s + " is not JSON: " + type + " " + res.body());
      }
      try {
        if (new JsonObject(res.body()).getString("error") == null) {
          throw new Violation(s + " without an error message: " + res.body());
        }
      } catch (io.vertx.core.json.DecodeException e) {
        throw new Violation(s + " body is not JSON: " + res.body());
      }
    }
    boolean refused = s >= 400 && s < 500;
    switch (c.expect()) {
      case REFUSED -> {
        if (!refused && !(s == 200 && new JsonObject(res.body()).getInteger("accepted", -1) == 0)) {
          throw new Violation("accepted: " + s + " " + res.body());
        }
      }
      case UNAUTHORIZED -> require(s == 401, "expected 401, got " + s + " " + res.body());
      case NOTHING_TO_PUBLISH -> require(s == 400 || s == 200, "expected 400 or 200, got " + s + " " + res.body());
      case NOT_UPGRADED -> require(refused, "expected a refusal, got " + s + " " + res.body());
      default -> { }
    }
  }

  /**
   * Whether the request line names a version other than HTTP/1.0 or 1.1: the HTTP stack answers
   * those 501 itself (RFC 9110 would say 505); the one 5xx a client can cause, and not a fault.
   */
  private static boolean namesAnotherHttpVersion(HttpCase c) {
    String[] parts = c.firstLine().split(" ");
    return parts.length == 3 && !parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0");
  }

  String run(FrameCases.Case c, String token) throws Violation {
    try (RawWebSocket ws = RawWebSocket.connect(port, token, "")) {
      if (ws.handshake().status() != 101) {
        throw new Violation("good token not upgraded: " + ws.handshake().status());
      }
      long t0 = System.nanoTime();
      RawWebSocket.Frame snapshot = ws.next(WAIT);
      while (snapshot != null && snapshot.opcode() == RawWebSocket.PING) {
        snapshot = ws.next(WAIT); // the server's keep-alive ping may come first
      }
      if (snapshot == null || snapshot.opcode() != RawWebSocket.TEXT) {
        RawWebSocket.Frame later = snapshot == null ? ws.next(Duration.ofSeconds(15)) : null;
        throw new Violation("no snapshot within " + WAIT + ": " + describe(snapshot) + " after "
            + (System.nanoTime() - t0) / 1_000_000 + " ms" + (snapshot == null ? ", then " + describe(later) : ""));
      }
      for (FrameCases.Frame f : c.frames()) {
        if (!ws.sendFrame(f.flags(), f.opcode(), f.payload(), f.masked())) {
          break; // the server has already hung up
        }
      }
      return switch (c.expect()) {
        case CLOSE_TOO_BIG -> closesWith(ws, 1009);
        case CLOSE_FLOOD -> closesWith(ws, 1008);
        case END_UNANSWERED -> endsUnanswered(ws);
        case SURVIVE -> survives(ws);
      };
    }
  }

  private static String closesWith(RawWebSocket ws, int code) throws Violation {
    RawWebSocket.Frame close = ws.awaitClose(WAIT);
    require(close != null && close.closeCode() == code,
        "expected close " + code + ", got " + (close == null ? "none" : close.closeCode()));
    return "close " + code;
  }

  private static String endsUnanswered(RawWebSocket ws) throws Violation {
    String outcome = untilEnd(ws, true);
    require(outcome != null, "a protocol violation left the socket open");
    require(!outcome.equals(ANSWERED), "answered a frame it must refuse");
    return outcome;
  }

  /** The socket must either have ended cleanly or still answer a plain ping. */
  private static String survives(RawWebSocket ws) throws Violation {
    ws.sendText("{\"type\":\"ping\"}");
    String outcome = untilEnd(ws, false);
    require(outcome != null, "socket neither answered a ping nor ended");
    require(!outcome.equals("close 1011") && !outcome.equals("close 1012"), "closed with server-side code " + outcome);
    return outcome.equals(ANSWERED) ? "alive" : outcome;
  }

  /**
   * Reads until the connection ends ("dropped"), a close frame ("close CODE") or a pong
   * ({@link #ANSWERED}: the text pong, or also a control pong when {@code controlPongs}); null when
   * none of these comes within {@link #WAIT}.
   */
  private static String untilEnd(RawWebSocket ws, boolean controlPongs) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      RawWebSocket.Frame f = ws.next(WAIT);
      if (f == null) {
        return null;
      }
      if (f == RawWebSocket.END) {
        return "dropped";
      }
      if (f.opcode() == RawWebSocket.CLOSE) {
        return "close " + f.closeCode();
      }
      if (controlPongs && f.opcode() == RawWebSocket.PONG || f.opcode() == RawWebSocket.TEXT && f.text().equals(PONG)) {
        return ANSWERED;
      }
    }
    return null;
  }

  private static String describe(RawWebSocket.Frame f) {
    if (f == null) {
      return "nothing";
    }
    if (f == RawWebSocket.END) {
      return "connection ended";
    }
    return f.opcode() == RawWebSocket.CLOSE ? "close " + f.closeCode() : "opcode " + f.opcode() + " " + f.text();
  }

  private static void require(boolean ok, String message) throws Violation {
    if (!ok) {
      throw new Violation(message);
    }
  }
}
