package org.ordertracking.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.ordertracking.auth.TokenRejected;
import org.ordertracking.auth.TokenService;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.Snapshot;
import org.ordertracking.protocol.Frames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the CPU-bound parts of a connect in-process before the node reports ready
 * ({@code TRACKING_WARMUP}), so that the JIT has compiled them when the first real clients arrive
 * (the deploy case: thousands of sockets reconnecting within seconds of start-up, issue 7).
 *
 * <p>What it exercises: minting and verifying tracking tokens (base64url, JSON parsing, HMAC-SHA256),
 * snapshot frame encoding and JSON encode/decode of event-shaped objects. It signs with a random
 * throw-away secret (never the node's), touches neither Redis nor sockets nor metrics, and runs on a
 * worker thread for at most the configured time, so event loops stay free meanwhile.
 */
final class StartupWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(StartupWarmup.class);

  private StartupWarmup() {}

  /** Completes after {@code budget} (or at once when it is zero); never fails the start-up. */
  static Future<Void> run(Vertx vertx, Duration budget) {
    if (budget.isZero()) {
      return Future.succeededFuture();
    }
    return vertx
        .<Integer>executeBlocking(() -> exercise(budget), false)
        .onSuccess(rounds -> LOG.info("Warm-up done: {} connect paths exercised in {} ms", rounds, budget.toMillis()))
        .onFailure(e -> LOG.warn("Warm-up stopped early: {}", e.toString()))
        .<Void>mapEmpty()
        .recover(e -> Future.succeededFuture());
  }

  /** The work itself; returns how many rounds ran. Package-private for the unit test. */
  static int exercise(Duration budget) throws TokenRejected {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Clock clock = Clock.systemUTC();
    TokenService tokens = new TokenService(List.of(Base64.getEncoder().encodeToString(key)), clock);
    long deadline = System.nanoTime() + budget.toNanos();
    int rounds = 0;
    long sink = 0; // consumed below, so that the JIT cannot drop the work as dead code
    while (System.nanoTime() < deadline) {
      OrderId order = new OrderId("warmup-" + (rounds & 1023));
      String token = tokens.mint(order, Duration.ofMinutes(5));
      sink += tokens.verify(token).orderId().value().length();
      try {
        tokens.verify(token.substring(0, token.length() - 2) + "AA"); // the refusal path
      } catch (TokenRejected expected) {
        sink++;
      }
      Snapshot snapshot =
          new Snapshot(order, rounds, OrderStatus.PLACED, "{\"lat\":52.52,\"lng\":13.405}", null, null, null, null,
              Instant.ofEpochMilli(1_700_000_000_000L + rounds).toString());
      String frame = Frames.snapshot(snapshot);
      JsonObject decoded = new JsonObject(Buffer.buffer(frame));
      sink += decoded.encode().length() + decoded.toBuffer().length();
      rounds++;
    }
    if (sink == 42) {
      LOG.trace("warm-up sink {}", sink);
    }
    return rounds;
  }
}
