package org.ordertracking.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plain TCP client that speaks HTTP/1.1 by hand, for requests no HTTP client library would send
 * (partial request lines, stalled bodies, broken framing) and for watching when the server closes.
 * Blocking; every read is bounded by a timeout.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  public static RawHttp open(int port) {
    return open("127.0.0.1", port);
  }

  /** Connects from {@code sourceAddress} (any 127.0.0.x on loopback) to the server on 127.0.0.1. */
  public static RawHttp open(String sourceAddress, int port) {
    try {
      Socket s = new Socket();
      s.bind(new InetSocketAddress(sourceAddress, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      s.setTcpNoDelay(true);
      return new RawHttp(s);
    } catch (IOException e) {
      throw new AssertionError("cannot connect: " + e, e);
    }
  }

  /** Sends bytes; false when the server has already closed the connection. */
  public boolean send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public boolean send(String text) {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** An answer read off the wire. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** The next response; null when the connection closed (or stayed silent) before one arrived. */
  public Response readResponse(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      String statusLine = line();
      if (statusLine == null || !statusLine.startsWith("HTTP/")) {
        return null;
      }
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = line(); h != null && !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      String length = headers.get("content-length");
      byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
      return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Reads and drops whatever comes until the server closes; false if still open after {@code timeout}. */
  public boolean awaitClosed(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buf = new byte[8192];
    try {
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        socket.setSoTimeout((int) Math.max(1, left));
        if (in.read(buf) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }

  InputStream input() {
    return in;
  }

  OutputStream output() {
    return out;
  }

  Socket socket() {
    return socket;
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
