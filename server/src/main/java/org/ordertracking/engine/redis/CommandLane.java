package org.ordertracking.engine.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dedicated, pipelined Redis command connection, confined to one event loop. Commands are
 * written straight onto the connection (no pool, no pool wait queue), so a burst of snapshot
 * reads on one loop neither waits for pooled connections nor queues behind another loop's, and
 * the health check, on a lane of its own, never waits behind either.
 *
 * <p>Deadlines. Redis answers in order, so a connection with commands waiting that has received no
 * answer at all for the deadline is taken as hung (a frozen or unreachable Redis): every command
 * still waiting fails at once with "timed out", the connection is dropped, and the lane reports
 * itself down until a command succeeds on a fresh connection. A connection that keeps answering is
 * not hung, only busy (a connect storm on a starved machine): its commands may wait longer, up to
 * {@link #HARD_LIMIT_FACTOR} deadlines each; one that waited longer fails alone. The number of unanswered commands is bounded too: over
 * it, commands fail at once rather than queue.
 *
 * <p>Dropping the connection does not take back what Redis has not read yet: a frozen Redis that
 * wakes up still runs it. So commands sent {@linkplain #sendFenced fenced} carry their deadline,
 * on Redis's own clock (the offset is measured with TIME on each new connection, so clock skew
 * between the node and Redis does not matter), as their last argument; the publish script refuses
 * to apply a publish that reaches it late.
 */
final class CommandLane {
  private static final Logger LOG = LoggerFactory.getLogger(CommandLane.class);
  /** A command of a busy (answering) connection still gives up after this many deadlines. */
  static final int HARD_LIMIT_FACTOR = 2;
  private final Vertx vertx;
  private final ContextInternal context;
  private final Supplier<Redis> clients;
  private final long deadlineMs;
  private final long fenceMs;
  private final int maxPending;
  private final String name;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private Redis client;
  private RedisConnection connection;
  private Future<RedisConnection> connecting;
  private long checkTimer = -1;
  /** When the current connection last answered anything (or was made). */
  private long lastAnswerAt;
  private boolean silenceSeen;
  private volatile boolean up = true;
  private volatile String lastError = "";
  private boolean closed;
  /** Redis's clock minus ours (ms), measured on the current connection. */
  private long redisClockOffsetMs;
  /** False when this Redis user may not run TIME (an ACL without it): deadlines are then not sent. */
  private boolean clockKnown;
  private static final AtomicBoolean WARNED_NO_TIME = new AtomicBoolean();

  /** One command waiting for its answer. */
  private static final class Pending {
    final long sentAt;
    final Promise<Response> promise;
    final boolean fenced;

    Pending(long sentAt, Promise<Response> promise, boolean fenced) {
      this.sentAt = sentAt;
      this.promise = promise;
      this.fenced = fenced;
    }
  }

  /**
   * @param context the event loop this lane is confined to
   * @param clients makes a fresh client for each (re)connection
   */
  CommandLane(Vertx vertx, ContextInternal context, Supplier<Redis> clients, long deadlineMs, int maxPending,
      String name) {
    this(vertx, context, clients, deadlineMs, deadlineMs, maxPending, name);
  }

  /**
   * @param fenceMs the deadline fenced commands carry: no later than the earliest moment any path
   *     may give up on a command ({@link #redisHung}'s grace included)
   */
  CommandLane(Vertx vertx, ContextInternal context, Supplier<Redis> clients, long deadlineMs, long fenceMs,
      int maxPending, String name) {
    this.fenceMs = Math.min(fenceMs, deadlineMs);
    this.vertx = vertx;
    this.context = context;
    this.clients = clients;
    this.deadlineMs = deadlineMs;
    this.maxPending = maxPending;
    this.name = name;
  }

  ContextInternal context() {
    return context;
  }

  /** Whether the last command (or connection attempt) succeeded in time; safe from any thread. */
  boolean up() {
    return up;
  }

  String lastError() {
    return lastError;
  }

  /** Sends {@code req}; call on this lane's context. The future completes there. */
  Future<Response> send(Request req) {
    return send(req, false);
  }

  /** Sends {@code req} with its deadline, on Redis's clock (epoch ms), appended as its last argument. */
  Future<Response> sendFenced(Request req) {
    return send(req, true);
  }

  private Future<Response> send(Request req, boolean fenced) {
    if (closed) {
      return Future.failedFuture("redis engine closed");
    }
    if (pending.size() >= maxPending) {
      return Future.failedFuture("redis " + name + " busy: " + pending.size() + " commands waiting");
    }
    Promise<Response> promise = context.promise();
    Pending p = new Pending(now(), promise, fenced);
    pending.addLast(p);
    ensureChecking();
    RedisConnection conn = connection;
    if (conn != null) {
      write(conn, req, p);
    } else {
      connect().onComplete(ar -> {
        if (ar.succeeded()) {
          write(ar.result(), req, p);
        } else {
          complete(p, null, ar.cause());
        }
      });
    }
    return promise.future();
  }

  private void write(RedisConnection conn, Request req, Pending p) {
    if (p.promise.future().isComplete()) {
      return; // timed out while connecting
    }
    if (p.fenced && clockKnown) {
      // The earliest this command may be given up on (and its caller answered "failed").
      long left = fenceMs - (now() - p.sentAt);
      req.arg(System.currentTimeMillis() + redisClockOffsetMs + left);
    }
    conn.send(req).onComplete(ar -> complete(p, ar.result(), ar.cause()));
  }

  private void complete(Pending p, Response r, Throwable err) {
    if (err == null || isReplyError(err)) {
      lastAnswerAt = now();
    }
    boolean won = err == null ? p.promise.tryComplete(r) : p.promise.tryFail(err);
    if (won) {
      if (err == null) {
        up = true;
      } else if (!isReplyError(err)) {
        lastError = err.getMessage();
      }
    }
    // Drop answered commands from the head (answers come in order; failed ones may not).
    while (!pending.isEmpty() && pending.peekFirst().promise.future().isComplete()) {
      pending.pollFirst();
    }
  }

  /** A Redis error reply (NOSCRIPT, WRONGTYPE, ...) is an answer: the connection is fine. */
  private static boolean isReplyError(Throwable err) {
    return err instanceof io.vertx.redis.client.impl.types.ErrorType;
  }

  private Future<RedisConnection> connect() {
    if (connecting == null) {
      Redis c = clients.get();
      client = c;
      Future<RedisConnection> attempt = c.connect()
          .compose(conn -> measureClock(conn).map(conn).onFailure(err -> conn.close()));
      connecting = attempt;
      attempt.onComplete(ar -> {
        if (connecting == attempt) {
          connecting = null;
        }
        if (ar.failed()) {
          c.close();
          if (client == c) {
            client = null;
          }
          markDown("connect failed: " + ar.cause().getMessage());
          return;
        }
        RedisConnection conn = ar.result();
        if (closed || client != c) {
          conn.close(); // given up on (timed out, or closed) while connecting
          c.close();
          return;
        }
        connection = conn;
        lastAnswerAt = now();
        conn.exceptionHandler(e -> dropConnection(conn, e.getMessage()));
        conn.endHandler(v -> dropConnection(conn, "connection closed"));
      });
    }
    return connecting;
  }

  /** Redis's clock against ours, from one TIME; the round trip's half is the error, at most. */
  private Future<Void> measureClock(RedisConnection conn) {
    long before = System.currentTimeMillis();
    return conn.send(Request.cmd(Command.TIME)).<Void>map(r -> {
      long after = System.currentTimeMillis();
      long redisMs = r.get(0).toLong() * 1000 + r.get(1).toLong() / 1000;
      redisClockOffsetMs = redisMs - (before + after) / 2;
      clockKnown = true;
      return null;
    }).recover(err -> {
      String msg = err.getMessage();
      if (msg == null || !msg.startsWith("NOPERM")) {
        return Future.failedFuture(err);
      }
      clockKnown = false;
      if (WARNED_NO_TIME.compareAndSet(false, true)) {
        LOG.warn("Redis refused TIME ({}): publishes carry no deadline, so a Redis that hangs and "
            + "resumes may still apply a publish already answered 503; allow +time to the Redis user",
            err.getMessage());
      }
      return Future.succeededFuture();
    });
  }

  private void ensureChecking() {
    if (checkTimer < 0 && !closed) {
      long period = Math.max(50, deadlineMs / 4);
      checkTimer = vertx.setPeriodic(period, id -> checkDeadlines());
    }
  }

  private void checkDeadlines() {
    Pending oldest = pending.peekFirst();
    if (oldest == null) {
      vertx.cancelTimer(checkTimer); // idle: no timer until the next command
      checkTimer = -1;
      silenceSeen = false;
      return;
    }
    long now = now();
    long silent = now - Math.max(lastAnswerAt, oldest.sentAt);
    if (silent < deadlineMs) {
      silenceSeen = false;
      failOlderThan(now - HARD_LIMIT_FACTOR * deadlineMs);
      return;
    }
    if (!silenceSeen) {
      // Seen once: look again next tick, after this loop has read what its socket holds (a loop
      // that was itself stalled has answers waiting unread; that is not a hung Redis).
      silenceSeen = true;
      return;
    }
    silenceSeen = false;
    // No answer for the deadline and everything waits behind the oldest: give up on them all.
    giveUp("redis " + name + " timed out: no answer within " + deadlineMs + " ms");
  }

  /**
   * The health check found Redis hung: commands waiting here longer than {@code graceMs} are
   * behind the same hung Redis, so they fail now rather than at this lane's own, longer deadline.
   * Call on any thread.
   */
  void redisHung(long graceMs, String why) {
    context.runOnContext(v -> {
      Pending oldest = pending.peekFirst();
      if (oldest != null && now() - oldest.sentAt >= graceMs && now() - lastAnswerAt >= graceMs) {
        giveUp("redis " + name + " abandoned: " + why);
      }
    });
  }

  private void giveUp(String why) {
    markDown(why);
    failAll(why);
    RedisConnection conn = connection;
    Redis c = client;
    connection = null;
    connecting = null;
    client = null;
    if (conn != null) {
      conn.close();
    }
    if (c != null) {
      c.close();
    }
  }

  /** A busy connection: commands that waited too long fail alone; the connection stays. */
  private void failOlderThan(long sentBefore) {
    Pending p;
    while ((p = pending.peekFirst()) != null && p.sentAt < sentBefore) {
      pending.pollFirst();
      p.promise.tryFail("redis " + name + " too slow: no answer within " + HARD_LIMIT_FACTOR * deadlineMs + " ms");
    }
  }

  private void dropConnection(RedisConnection conn, String why) {
    if (connection != conn) {
      return;
    }
    connection = null;
    Redis c = client;
    client = null;
    markDown(why);
    failAll("redis " + name + " connection lost: " + why);
    conn.close();
    if (c != null) {
      c.close();
    }
  }

  private void failAll(String why) {
    Pending p;
    while ((p = pending.pollFirst()) != null) {
      p.promise.tryFail(why);
    }
  }

  private void markDown(String why) {
    lastError = why;
    up = false;
  }

  Future<Void> close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      closed = true;
      if (checkTimer >= 0) {
        vertx.cancelTimer(checkTimer);
        checkTimer = -1;
      }
      failAll("redis engine closed");
      RedisConnection conn = connection;
      Redis c = client;
      connection = null;
      client = null;
      Future<Void> f = conn == null ? Future.succeededFuture() : conn.close();
      f.onComplete(ar -> {
        if (c != null) {
          c.close();
        }
        done.complete();
      });
    });
    return done.future();
  }

  private static long now() {
    return System.nanoTime() / 1_000_000;
  }
}
