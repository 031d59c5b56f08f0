package org.ordertracking.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;
import org.ordertracking.protocol.Frames;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.testing.Await;

/**
 * The measurement behind refusing WebSocket compression (docs/security.md): what
 * permessage-deflate would save on our frames, what it costs per frame, and what it costs per
 * socket in memory. Not a test; run on demand:
 *
 * <pre>
 * ./mvnw -B -q -pl server -am test-compile
 * CP="server/target/test-classes:server/target/classes:$(cat server/target/cp.txt)"
 * java -cp "$CP" org.ordertracking.http.WebSocketCompressionCost frames
 * for mode in off on; do
 *   java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$CP" org.ordertracking.http.WebSocketCompressionCost sockets 2000 $mode
 * done
 * </pre>
 *
 * (cp.txt from {@code ./mvnw -B -q -pl server dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class WebSocketCompressionCost {
  private WebSocketCompressionCost() {}

  /**
   * {@code frames}: bytes and CPU per frame. {@code sockets N on|off}: resident memory per socket
   * (client and server side together, both in this process; run each mode in a fresh JVM with a
   * pre-touched heap so that only native and off-heap growth shows).
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("sockets")) {
      int sockets = Integer.parseInt(args[1]);
      boolean on = args[2].equals("on");
      long[] perSocket = perSocketBytes(sockets, on);
      System.out.printf("compression %s: per socket (client and server side) %d B resident, %d B heap; %d sockets%n",
          on ? "on " : "off", perSocket[0], perSocket[1], sockets);
    } else {
      perFrame(locationFrames(2000));
    }
    System.exit(0);
  }

  /** A courier's stream of location frames, as the engine encodes them. */
  static List<byte[]> locationFrames(int n) {
    List<byte[]> out = new ArrayList<>(n);
    OrderId id = new OrderId("ord-20261127-48213");
    Instant t = Instant.parse("2026-11-27T10:15:30.123Z");
    for (int i = 0; i < n; i++) {
      Location loc = new Location(52.520008 + i * 0.000137, 13.404954 + i * 0.000091,
          (double) ((i * 7) % 360), 4.2 + (i % 5) * 0.3, 8.0, t.plusMillis(3_000L * i));
      String frame = Frames.location(new LocationUpdate(id, loc, "uber", null), 1795000000000L + 3_000L * i)
          .glue(100 + i, "", "");
      out.add(frame.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Bytes and CPU of deflating each frame for one socket, with and without context takeover. */
  static void perFrame(List<byte[]> frames) {
    for (boolean takeover : new boolean[] {true, false}) {
      for (int round = 0; round < 5; round++) { // the last round is the warm one
        Deflater d = new Deflater(6, true);
        byte[] buf = new byte[4096];
        long raw = 0;
        long compressed = 0;
        long t0 = System.nanoTime();
        for (byte[] f : frames) {
          if (!takeover) {
            d.reset();
          }
          d.setInput(f);
          int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
          raw += f.length;
          compressed += n - 4; // the sync-flush tail is not sent
        }
        long nanos = System.nanoTime() - t0;
        d.end();
        if (round == 4) {
          System.out.printf("context takeover %-5s: %d B/frame raw, %d B/frame deflated (%.0f%%), %d ns/frame/socket%n",
              takeover, raw / frames.size(), compressed / frames.size(), 100.0 * compressed / raw,
              nanos / frames.size());
        }
      }
    }
  }

  /** Resident memory growth per open socket, with the server negotiating compression or not. */
  static long[] perSocketBytes(int sockets, boolean compression) throws Exception {
    Vertx vertx = Vertx.vertx();
    List<ServerWebSocket> open = new CopyOnWriteArrayList<>();
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
        .setPerMessageWebSocketCompressionSupported(compression)
        .setPerFrameWebSocketCompressionSupported(compression));
    server.webSocketHandler(open::add);
    Await.result(server.listen());
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setTryUsePerMessageCompression(compression).setMaxConnections(sockets));
    System.gc();
    long before = rss();
    long heapBefore = heapUsed();
    List<Future<WebSocket>> connects = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
    for (int i = 0; i < sockets; i++) {
      connects.add(client.connect(server.actualPort(), "127.0.0.1", "/")
          .onSuccess(ws -> ws.textMessageHandler(t -> received.incrementAndGet())));
      if (connects.size() % 100 == 0) {
        Await.result(Future.all(connects));
      }
    }
    Await.result(Future.all(connects));
    String negotiated = connects.get(0).result().headers().get("sec-websocket-extensions");
    if (compression != (negotiated != null)) {
      throw new IllegalStateException("compression negotiated: " + negotiated);
    }
    byte[] frame = locationFrames(1).get(0);
    for (ServerWebSocket ws : open) {
      ws.writeTextMessage(new String(frame, StandardCharsets.UTF_8)); // allocates the deflater, if any
    }
    Await.until("every socket got its frame", () -> received.get() == sockets);
    System.gc();
    long after = rss();
    long heapAfter = heapUsed();
    Await.result(vertx.close());
    return new long[] {(after - before) / sockets, (heapAfter - heapBefore) / sockets};
  }

  private static long heapUsed() {
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long rss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    return -1;
  }
}
