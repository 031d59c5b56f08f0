package org.ordertracking.topology;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tracking client as the contract expects one to behave, through the load balancer: applies the
 * snapshot, then frames with a greater seq; reconnects with a short backoff after any close but
 * 1000; stops after 1000. It records everything, so that {@link #verify} can check the guarantees
 * afterwards: every connection starts with a snapshot, seq never goes backwards, and nothing is
 * missed that a snapshot does not cover (a skipped {@code location} is allowed: conflation).
 */
final class Tracker {
  /** One thing that happened to this client, in order. */
  record Entry(int connection, String what, JsonObject frame, int code, long nanos) {
    Entry(int connection, String what, JsonObject frame, int code) {
      this(connection, what, frame, code, System.nanoTime());
    }
  }

  private final Vertx vertx;
  private final WebSocketClient client;
  private final WebSocketConnectOptions options;
  private final String name;
  private final List<Entry> history = new ArrayList<>();
  private int connections;
  private int failedAttempts;
  private long lastSeq = -1;
  private boolean finished;

  Tracker(Vertx vertx, String name, int port, String token) {
    this.vertx = vertx;
    this.name = name;
    this.client = vertx.createWebSocketClient();
    this.options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/ws/track?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  void connect() {
    client.connect(options).onComplete(ar -> {
      if (ar.failed()) {
        int status = ar.cause() instanceof UpgradeRejectedException u ? u.getStatus() : -1;
        record(new Entry(-1, "refused", null, status));
        retry();
        return;
      }
      int connection;
      synchronized (this) {
        connection = ++connections;
      }
      record(new Entry(connection, "open", null, 0));
      ar.result().textMessageHandler(text -> onFrame(connection, new JsonObject(text)));
      ar.result().closeHandler(v -> {
        Short code = ar.result().closeStatusCode();
        record(new Entry(connection, "close", null, code == null ? -1 : code));
        if (code != null && code == 1000) {
          synchronized (this) {
            finished = true;
          }
        } else {
          retry();
        }
      });
    });
  }

  private void onFrame(int connection, JsonObject frame) {
    record(new Entry(connection, "frame", frame, 0));
    synchronized (this) {
      lastSeq = Math.max(lastSeq, frame.getLong("seq", -1L));
      if ("snapshot".equals(frame.getString("type"))) {
        failedAttempts = 0;
      }
    }
  }

  /** Backoff like the tracking page's: short at first, doubling, capped; reset by a snapshot. */
  private void retry() {
    long delay;
    synchronized (this) {
      delay = Math.min(2_000, 50L << Math.min(failedAttempts++, 6));
    }
    vertx.setTimer(delay, id -> connect());
  }

  private synchronized void record(Entry e) {
    history.add(e);
  }

  synchronized long lastSeq() {
    return lastSeq;
  }

  synchronized boolean finished() {
    return finished;
  }

  synchronized int connections() {
    return connections;
  }

  synchronized List<Integer> closeCodes() {
    return history.stream().filter(e -> e.what().equals("close")).map(Entry::code).toList();
  }

  synchronized List<Integer> refusals() {
    return history.stream().filter(e -> e.what().equals("refused")).map(Entry::code).toList();
  }

  /** The longest time from a close to the next snapshot, in ms: how long this client saw nothing. */
  synchronized long longestBlindMillis() {
    long longest = 0;
    long closedAt = -1;
    for (Entry e : history) {
      if (e.what().equals("close")) {
        closedAt = e.nanos();
      } else if (closedAt >= 0 && e.what().equals("frame") && "snapshot".equals(e.frame().getString("type"))) {
        longest = Math.max(longest, (e.nanos() - closedAt) / 1_000_000);
        closedAt = -1;
      }
    }
    return longest;
  }

  /**
   * Checks the contract's guarantees over everything this client received and returns how many
   * location frames were skipped (conflated). {@code kinds} maps each seq the publisher was told
   * about to "location" or "status".
   */
  synchronized int verify(Map<Long, String> kinds) {
    long last = -1;
    int expectSnapshotOn = -1;
    int conflated = 0;
    for (Entry e : history) {
      switch (e.what()) {
        case "open" -> expectSnapshotOn = e.connection();
        case "frame" -> {
          JsonObject f = e.frame();
          long seq = f.getLong("seq");
          String type = f.getString("type");
          if (e.connection() == expectSnapshotOn) {
            check(type.equals("snapshot"), "connection " + e.connection() + " began with " + f + ", not a snapshot");
            check(seq >= last, "seq went backwards: snapshot " + seq + " after " + last + " (connection " + e.connection() + ")");
            expectSnapshotOn = -1;
          } else {
            check(!type.equals("snapshot"), "a second snapshot on connection " + e.connection());
            check(seq > last, "seq not increasing: " + seq + " after " + last + " (connection " + e.connection() + ")");
            for (long missed = last + 1; missed < seq; missed++) {
              check("location".equals(kinds.get(missed)), "seq " + missed + " (" + kinds.get(missed)
                  + ") was never delivered and no snapshot covered it; got " + seq + " after " + last);
              conflated++;
            }
          }
          last = seq;
        }
        default -> { }
      }
    }
    return conflated;
  }

  private void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(name + ": " + what + "\nhistory: " + history);
    }
  }

  void close() {
    client.close();
  }
}
