package org.ordertracking.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.ordertracking.auth.TokenService;
import org.ordertracking.model.OrderId;

/**
 * The connect path warmed with real tracking sockets before the node reports ready: over loopback
 * to its own listener, each with a minted token for a throw-away order ({@code warmup-<nonce>-<n>}),
 * read up to its snapshot, then closed by the client (1000). That runs, on the event loops, every
 * part of a customer's connect that {@link StartupWarmup} cannot reach from a worker thread:
 * Netty's HTTP decoding, the router and the HTTP guard, the upgrade, the engine's subscribe and
 * snapshot read (on Redis too) and the socket's writes and close. A node whose first seconds were
 * interpreted code answered the first connects of a deploy 45 times slower than the baseline
 * (docs/BENCHMARKS.md).
 *
 * <p>A few sockets at a time, for the warm-up's budget; readiness says {@code warming_up}
 * meanwhile, so a load balancer sends nothing yet. These sockets count in the socket metrics like
 * any other (accepted, closed 1000). Failures end the warm-up early and never fail the start-up.
 */
final class SocketWarmup {
  private static final int IN_FLIGHT = 8;
  private static final int CONNECT_TIMEOUT_MS = 2_000;

  private final Vertx vertx;
  private final WebSocketClient client;
  private final TokenService tokens;
  private final String host;
  private final int port;
  private final long deadline;
  private final String nonce = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  private final Promise<Integer> done = Promise.promise();
  private int started;
  private int completed;
  private int inFlight;

  private SocketWarmup(Vertx vertx, TokenService tokens, String host, int port, Duration budget) {
    this.vertx = vertx;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(IN_FLIGHT)
        .setConnectTimeout(CONNECT_TIMEOUT_MS));
    this.tokens = tokens;
    this.host = host;
    this.port = port;
    this.deadline = System.nanoTime() + budget.toNanos();
  }

  /**
   * Opens and closes sockets to {@code host:port} for {@code budget}; completes with how many made it
   * to their snapshot, or fails on the first that did not.
   */
  static Future<Integer> run(Vertx vertx, TokenService tokens, String listenHost, int port, Duration budget) {
    SocketWarmup warmup = new SocketWarmup(vertx, tokens, loopbackFor(listenHost), port, budget);
    vertx.runOnContext(v -> warmup.fill());
    return warmup.done.future().eventually(() -> warmup.client.close());
  }

  /** The listener's own address, or loopback when it listens on every interface. */
  static String loopbackFor(String listenHost) {
    return listenHost == null || listenHost.isEmpty() || listenHost.equals("0.0.0.0") || listenHost.equals("::")
        ? "127.0.0.1"
        : listenHost;
  }

  private void fill() {
    while (inFlight < IN_FLIGHT && System.nanoTime() < deadline && !done.future().isComplete()) {
      inFlight++;
      connectOnce(started++);
    }
    if (inFlight == 0) {
      done.tryComplete(completed);
    }
  }

  private void connectOnce(int n) {
    String token = tokens.mint(new OrderId("warmup-" + nonce + "-" + n), Duration.ofMinutes(1));
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(host)
        .setPort(port)
        .setURI("/ws/track?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
        .setTimeout(CONNECT_TIMEOUT_MS);
    client.connect(options)
        .compose(this::untilSnapshot)
        .onComplete(ar -> {
          inFlight--;
          if (ar.failed()) {
            done.tryFail(ar.cause());
            return;
          }
          completed++;
          fill();
        });
  }

  /** Waits for the socket's first frame (its snapshot), then closes it normally. */
  private Future<Void> untilSnapshot(WebSocket ws) {
    Promise<Void> snapshot = Promise.promise();
    long timer = vertx.setTimer(CONNECT_TIMEOUT_MS, id -> snapshot.tryFail("no snapshot within " + CONNECT_TIMEOUT_MS + " ms"));
    ws.textMessageHandler(text -> snapshot.tryComplete());
    ws.closeHandler(v -> snapshot.tryFail("closed before its snapshot: " + ws.closeStatusCode()));
    return snapshot.future().eventually(() -> {
      vertx.cancelTimer(timer);
      return ws.close();
    });
  }
}
