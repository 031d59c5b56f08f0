package org.ordertracking.bench.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.ordertracking.bench.stats.Latency;
import org.ordertracking.bench.time.MicroClock;
import org.ordertracking.bench.time.OpenLoop;

/**
 * One load-client process: holds its share of the tracking sockets on a single Vert.x event loop
 * (no thread per socket), spread over several 127.0.0.x source addresses, and answers the
 * orchestrator's commands, one JSON line each way over stdin/stdout:
 *
 * <ul>
 *   <li>{@code {"cmd":"connect","rate":R,"firstFrame":true}}: opens every socket of its list at R
 *       per second, open loop; answers once every attempt has settled: refused, failed, or
 *       upgraded (with {@code firstFrame}: once its first frame came, it closed, or a minute passed);
 *       with {@code "retry":true} (setting up a layout, not measuring connects) a refused, failed or
 *       early-closed socket is tried again 1-3 s later, up to 10 attempts;
 *   <li>{@code {"cmd":"prime"}}: warms this JVM's connect and frame paths up against a WebSocket
 *       server of its own, so that a cold server is measured, not a cold load client;
 *   <li>{@code {"cmd":"reset"}}: starts a measurement window;
 *   <li>{@code {"cmd":"report","expect":"<file>"}}: answers the counters; with a file of the last
 *       seq published per order, also the frames still missing at the end of the window;
 *   <li>{@code {"cmd":"close"}}: closes every socket. End of input: exits.
 * </ul>
 *
 * <p>Per frame it parses only seq and the publish timestamp, and records one histogram value.
 */
public final class LoadClient {
  private static final long CONNECT_TICK_MS = 5;
  /**
   * Connects started per tick at most: a late tick must not block the loop (and delay the answers
   * it should be timing) by catching up on thousands at once. Falling behind is reported instead.
   */
  private static final int MAX_CONNECTS_PER_TICK = 25;
  /** Attempts per socket when a set-up connect may be retried (refused, failed, closed early). */
  private static final int MAX_ATTEMPTS = 10;
  private static final int TIMEOUT_MS = 60_000;
  /** Held strongly: Vert.x logs a warning per connection evicted when a server goes away. */
  private static final java.util.logging.Logger VERTX_HTTP_LOG = java.util.logging.Logger.getLogger("io.vertx.core.http");

  private final Vertx vertx;
  private final Context loop;
  private final List<WebSocketClient> clients = new ArrayList<>();
  private final List<ClientSocket> sockets;
  private final String host;
  private final int port;
  private final ClientStats stats = new ClientStats();

  LoadClient(String host, int port, List<String> sources, List<ClientSocket> sockets) {
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    this.loop = vertx.getOrCreateContext();
    this.host = host;
    this.port = port;
    this.sockets = sockets;
    for (String source : sources) {
      clients.add(vertx.createWebSocketClient(new WebSocketClientOptions()
          .setLocalAddress(source)
          .setMaxConnections(Integer.MAX_VALUE)
          .setConnectTimeout(TIMEOUT_MS)));
    }
  }

  /** Arguments: host port sources(comma-separated) socket-list-file. */
  public static void main(String[] args) throws IOException {
    VERTX_HTTP_LOG.setLevel(java.util.logging.Level.SEVERE);
    if (args.length != 4) {
      System.err.println("usage: LoadClient HOST PORT SOURCE[,SOURCE...] SOCKET_LIST_FILE");
      System.exit(2);
    }
    List<ClientSocket> sockets = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[3]))) {
      if (!line.isBlank()) {
        int sp = line.indexOf(' ');
        sockets.add(new ClientSocket(Integer.parseInt(line.substring(0, sp)), line.substring(sp + 1)));
      }
    }
    LoadClient client = new LoadClient(args[0], Integer.parseInt(args[1]), List.of(args[2].split(",")), sockets);
    client.commandLoop();
  }

  private void commandLoop() throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      JsonObject cmd = new JsonObject(line);
      loop.runOnContext(v -> handle(cmd));
    }
    vertx.close().await();
    System.exit(0);
  }

  private void handle(JsonObject cmd) {
    String name = cmd.getString("cmd");
    switch (name) {
      case "connect" -> connectAll(
          cmd.getDouble("rate"), cmd.getBoolean("firstFrame", false), cmd.getBoolean("retry", false));
      case "prime" -> prime(cmd.getInteger("count", 2_000));
      case "reset" -> {
        stats.reset();
        reply("reset", new JsonObject());
      }
      case "report" -> reply("report", stats.toJson(missingTail(cmd.getString("expect"))));
      case "close" -> closeAll();
      default -> reply("error", new JsonObject().put("error", "unknown command " + name));
    }
  }

  private static void reply(String what, JsonObject body) {
    String line = body.put("reply", what).encode();
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
  }

  private void prime(int count) {
    Buffer frame = Buffer.buffer("{\"type\":\"location\",\"seq\":1,\"ref\":\"1\"}");
    vertx.createHttpServer()
        .webSocketHandler(ws -> ws.write(frame))
        .listen(0, "127.0.0.1")
        .onSuccess(server -> {
          WebSocketClient local = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(count));
          ClientStats scratch = new ClientStats();
          List<ClientSocket> warm = new ArrayList<>();
          int[] settled = {0};
          for (int i = 0; i < count; i++) {
            ClientSocket s = new ClientSocket(0, "/");
            warm.add(s);
            s.awaitFirstFrame = true;
            connect(s, local, "127.0.0.1", server.actualPort(), scratch, () -> {
              if (++settled[0] == count) {
                // Closing the client here also keeps it reachable until then (Vert.x 5 closes
                // an unreachable client's connections).
                closeAll(warm)
                    .compose(v -> local.close())
                    .compose(v -> server.close())
                    .onComplete(v -> reply("prime", new JsonObject()));
              }
            });
          }
        })
        .onFailure(err -> reply("prime", new JsonObject().put("error", err.toString())));
  }

  private void connectAll(double rate, boolean awaitFirstFrame, boolean retry) {
    OpenLoop schedule = new OpenLoop(rate, sockets.size(), System.nanoTime());
    int[] next = {0};
    int[] settled = {0};
    Runnable onSettled = () -> {
      if (++settled[0] == sockets.size()) {
        reply("connect", stats.toJson(0));
      }
    };
    for (ClientSocket s : sockets) {
      s.awaitFirstFrame = awaitFirstFrame;
      s.retry = retry;
      s.attempts = 0;
    }
    if (sockets.isEmpty()) {
      reply("connect", stats.toJson(0));
      return;
    }
    vertx.setPeriodic(1, CONNECT_TICK_MS, id -> {
      long now = System.nanoTime();
      stats.connectLagMax = Math.max(stats.connectLagMax, schedule.behind(now));
      for (long n = schedule.take(now, MAX_CONNECTS_PER_TICK); n > 0; n--) {
        connect(sockets.get(next[0]), clients.get(next[0] % clients.size()), host, port, stats, onSettled);
        next[0]++;
      }
      if (schedule.done()) {
        vertx.cancelTimer(id);
      }
    });
  }

  private void connect(
      ClientSocket s, WebSocketClient client, String host, int port, ClientStats stats, Runnable onSettled) {
    stats.attempted++;
    s.reset();
    int generation = ++s.generation;
    long start = System.nanoTime();
    // Settles this attempt: done, or (set-up connects only) tried again a little later.
    Consumer<Boolean> finish = ok -> {
      if (s.settled || s.generation != generation) {
        return;
      }
      s.settled = true;
      if (!ok && s.retry && ++s.attempts < MAX_ATTEMPTS) {
        long delay = 1_000 + ThreadLocalRandom.current().nextLong(2_000);
        vertx.setTimer(delay, id -> connect(s, client, host, port, stats, onSettled));
      } else {
        onSettled.run();
      }
    };
    ClientWebSocket ws = client.webSocket();
    ws.handler(frame -> {
      onFrame(s, frame, start, stats);
      finish.accept(true);
    });
    ws.exceptionHandler(err -> {});
    ws.closeHandler(v -> {
      finish.accept(false); // closed before its first frame: a failed attempt
      if (s.open && s.generation == generation) {
        s.open = false;
        stats.open--;
        if (!s.closingByUs) {
          stats.closed(ws.closeStatusCode());
        }
      }
    });
    ws.connect(new WebSocketConnectOptions()
            .setHost(host)
            .setPort(port)
            .setURI(s.uri)
            .setTimeout(TIMEOUT_MS))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            Latency.record(stats.connectUpgrade, (System.nanoTime() - start) / 1_000);
            stats.upgraded++;
            stats.open++;
            s.ws = ar.result();
            s.open = true;
            if (!s.awaitFirstFrame || s.gotFirstFrame) {
              finish.accept(true);
            } else {
              vertx.setTimer(TIMEOUT_MS, id -> finish.accept(true));
            }
            return;
          } else if (ar.cause() instanceof UpgradeRejectedException rejected) {
            stats.refused(rejected.getStatus());
          } else {
            stats.failed(ar.cause());
          }
          finish.accept(false);
        });
  }

  private static void onFrame(ClientSocket s, Buffer frame, long connectStart, ClientStats stats) {
    long now = MicroClock.nowMicros();
    if (!s.gotFirstFrame) {
      s.gotFirstFrame = true;
      Latency.record(stats.connectFirstFrame, (System.nanoTime() - connectStart) / 1_000);
    }
    long seq = FrameFields.seq(frame);
    long ref = FrameFields.ref(frame);
    if (ref < 0) {
      // A snapshot (or a pong): it sets where the live stream continues.
      stats.snapshots++;
      s.lastSeq = Math.max(s.lastSeq, seq);
      return;
    }
    stats.frameLatency(now, now - ref);
    if (seq > 0) {
      s.lastSeq = stats.seq.onFrame(s.lastSeq, seq);
    }
  }

  /** Frames published but not received by the open sockets, from a file of last seqs per order. */
  private long missingTail(String expectFile) {
    if (expectFile == null) {
      return 0;
    }
    long[] expected;
    try {
      expected = Files.readAllLines(Path.of(expectFile)).stream()
          .filter(l -> !l.isBlank())
          .mapToLong(Long::parseLong)
          .toArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + expectFile, e);
    }
    long missing = 0;
    for (ClientSocket s : sockets) {
      if (s.open && s.order < expected.length) {
        missing += Math.max(0, expected[s.order] - s.lastSeq);
      }
    }
    return missing;
  }

  private void closeAll() {
    closeAll(sockets).onComplete(ar -> reply("close", stats.toJson(0)));
  }

  private static Future<?> closeAll(List<ClientSocket> list) {
    List<Future<Void>> closes = new ArrayList<>();
    for (ClientSocket s : list) {
      if (s.open && s.ws != null) {
        s.closingByUs = true;
        closes.add(s.ws.close());
      }
    }
    return Future.join(closes);
  }
}
