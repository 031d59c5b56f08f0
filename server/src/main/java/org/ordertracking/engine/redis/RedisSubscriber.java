package org.ordertracking.engine.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.ordertracking.engine.Feed;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.model.OrderId;
import org.ordertracking.ops.metrics.Metrics;
import org.ordertracking.protocol.Frame;
import org.ordertracking.protocol.FrameScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Feed} over one pub/sub connection, separate from the command connections. Confined to
 * the context that opened it (the engine loop, with one feed per node).
 *
 * <p>Redis confirms a SUBSCRIBE with a push message, not a reply, and the client library completes
 * the command's future as soon as it is written. A watcher must not read its snapshot before Redis
 * has really registered the subscription (or it could miss an event published in between), so
 * every SUBSCRIBE sent takes a ticket and {@link #subscribe} completes only when the push
 * confirming that ticket arrives. Confirmations arrive in the order the commands were sent.
 *
 * <p>When the connection drops it reconnects with capped, jittered backoff, subscribes again to
 * every channel still wanted, and reports each re-confirmed order to the sink's {@link
 * FrameListener#onResync} so its watchers can resynchronise from a fresh snapshot.
 *
 * <p>A connection that stays open but stops answering (a frozen Redis, a silent network) is found
 * by a heartbeat: a PING every {@link #HEARTBEAT_MS}; when nothing at all (answer or message) has
 * come for {@link #SILENCE_LIMIT_MS}, the connection is dropped and the feed reports itself down
 * (so the node turns not ready) and reconnects. A connection attempt has the same deadline.
 */
final class RedisSubscriber implements Feed {
  private static final Logger LOG = LoggerFactory.getLogger(RedisSubscriber.class);
  private static final long BACKOFF_MIN_MS = 100;
  private static final long BACKOFF_MAX_MS = 5_000;
  static final long HEARTBEAT_MS = 1_000;
  static final long SILENCE_LIMIT_MS = 3_000;

  private static final class ChannelState {
    final OrderId orderId;
    boolean wanted;
    long sent;
    long confirmed;
    int unsubscribesPending;
    boolean resyncOnConfirm;
    final List<Waiter> waiters = new ArrayList<>(1);

    ChannelState(OrderId orderId) {
      this.orderId = orderId;
    }

    boolean idle() {
      return !wanted && sent == confirmed && unsubscribesPending == 0 && waiters.isEmpty();
    }
  }

  private record Waiter(long ticket, Promise<Void> promise) {}

  private final Vertx vertx;
  private final Redis client;
  private final FrameListener sink;
  private final PubSubCommands commands;
  private final Metrics metrics;
  /** Keyed by the channel name's bytes, so a message is matched without decoding its channel. */
  private final Map<Buffer, ChannelState> channels = new HashMap<>();
  private RedisConnection connection;
  private volatile boolean up;
  private int attempts;
  private boolean closed;
  private long heartbeatTimer = -1;
  private long lastHeardMillis;
  private long lastPingMillis;
  private boolean silenceSeen;
  /** Numbers connection attempts, so that one that answers after its deadline is recognised. */
  private long attemptId;

  RedisSubscriber(Vertx vertx, Redis client, PubSubCommands commands, FrameListener sink, Metrics metrics) {
    this.vertx = vertx;
    this.client = client;
    this.commands = commands;
    this.sink = sink;
    this.metrics = metrics;
  }

  /** Whether the connection is up; safe to read from any thread. */
  boolean connected() {
    return up;
  }

  /** First connection attempt; later ones happen by themselves. Call on the feed's context. */
  Future<Void> start() {
    return connect();
  }

  private Future<Void> connect() {
    long id = ++attemptId;
    // A frozen Redis accepts the TCP connection and never answers the handshake: give up in time.
    long deadline = vertx.setTimer(SILENCE_LIMIT_MS, t -> {
      if (attemptId == id && connection == null && !closed) {
        attemptId++;
        LOG.warn("Redis subscriber connect timed out after {} ms", SILENCE_LIMIT_MS);
        scheduleReconnect();
      }
    });
    return client
        .connect()
        .onSuccess(conn -> {
          vertx.cancelTimer(deadline);
          if (attemptId != id) {
            conn.close(); // answered after its deadline; another attempt is under way
          } else {
            onConnected(conn);
          }
        })
        .onFailure(
            err -> {
              vertx.cancelTimer(deadline);
              if (attemptId == id) {
                LOG.warn("Redis subscriber connect failed: {}", err.getMessage());
                scheduleReconnect();
              }
            })
        .mapEmpty();
  }

  private void onConnected(RedisConnection conn) {
    if (closed) {
      conn.close();
      return;
    }
    lastHeardMillis = now();
    lastPingMillis = lastHeardMillis;
    if (heartbeatTimer < 0) {
      heartbeatTimer = vertx.setPeriodic(HEARTBEAT_MS / 2, t -> heartbeat());
    }
    boolean reconnect = attempts > 0;
    attempts = 0;
    connection = conn;
    conn.handler(this::onPush);
    conn.exceptionHandler(err -> onLost(conn, err.getMessage()));
    conn.endHandler(v -> onLost(conn, "connection closed"));
    if (reconnect) {
      LOG.info("Redis subscriber reconnected; resubscribing {} channels", channels.size());
      metrics.engineReconnect();
    }
    // A fresh connection has no subscriptions: renumber and send one SUBSCRIBE per wanted channel.
    Iterator<Map.Entry<Buffer, ChannelState>> it = channels.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Buffer, ChannelState> e = it.next();
      ChannelState st = e.getValue();
      st.sent = 0;
      st.confirmed = 0;
      st.unsubscribesPending = 0;
      if (!st.wanted) {
        st.waiters.forEach(w -> w.promise().tryFail("unsubscribed"));
        it.remove();
        continue;
      }
      st.resyncOnConfirm = reconnect;
      send(e.getKey(), commands.subscribe());
      long ticket = ++st.sent;
      st.waiters.replaceAll(w -> new Waiter(ticket, w.promise()));
    }
    up = true;
  }

  private void heartbeat() {
    RedisConnection conn = connection;
    if (conn == null) {
      return;
    }
    long now = now();
    if (now - lastHeardMillis > SILENCE_LIMIT_MS) {
      if (!silenceSeen) {
        // Look again next tick, after this loop has read what its socket holds: a loop that was
        // itself stalled has answers waiting unread, which is not a hung Redis.
        silenceSeen = true;
        return;
      }
      silenceSeen = false;
      onLost(conn, "no answer to PING within " + SILENCE_LIMIT_MS + " ms");
      conn.close();
      return;
    }
    silenceSeen = false;
    if (now - lastPingMillis >= HEARTBEAT_MS) {
      lastPingMillis = now;
      conn.send(Request.cmd(Command.PING)).onSuccess(r -> {
        if (connection == conn) {
          lastHeardMillis = now();
        }
      });
    }
  }

  private static long now() {
    return System.nanoTime() / 1_000_000;
  }

  private void onLost(RedisConnection conn, String why) {
    if (conn != connection) {
      return;
    }
    connection = null;
    if (closed) {
      return;
    }
    LOG.warn("Redis subscriber lost ({}); reconnecting", why);
    up = false;
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed) {
      return;
    }
    long cap = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS << Math.min(attempts, 10));
    long delay = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    attempts++;
    vertx.setTimer(delay, id -> connect());
  }

  /** Completes once Redis has confirmed the subscription to the order's channel. */
  @Override
  public Future<Void> subscribe(OrderId orderId) {
    Buffer channel = Buffer.buffer(RedisKeys.eventsChannel(orderId));
    ChannelState st = channels.computeIfAbsent(channel, c -> new ChannelState(orderId));
    if (st.wanted && st.confirmed >= st.sent && st.sent > 0) {
      return Future.succeededFuture();
    }
    if (!st.wanted) {
      st.wanted = true;
      if (connection != null) {
        send(channel, commands.subscribe());
        st.sent++;
      }
    }
    Promise<Void> p = Promise.promise();
    st.waiters.add(new Waiter(connection != null ? st.sent : 1, p));
    return p.future();
  }

  @Override
  public void unsubscribe(OrderId orderId) {
    Buffer channel = Buffer.buffer(RedisKeys.eventsChannel(orderId));
    ChannelState st = channels.get(channel);
    if (st == null || !st.wanted) {
      return;
    }
    st.wanted = false;
    if (connection != null) {
      send(channel, commands.unsubscribe());
      st.unsubscribesPending++;
    } else if (st.idle()) {
      channels.remove(channel);
    }
  }

  /** Sends a (un)subscribe; a failed write means the connection is gone. */
  private void send(Buffer channel, Command cmd) {
    RedisConnection conn = connection;
    conn.send(Request.cmd(cmd).arg(channel))
        .onFailure(err -> onLost(conn, "send failed: " + err.getMessage()));
  }

  /** Every push of the connection; a message costs no allocation of ours but its Frame. */
  private void onPush(Response push) {
    lastHeardMillis = now();
    if (push == null) {
      return;
    }
    ResponseType type = push.type();
    // In subscribed mode the heartbeat's PONG comes here too, as a plain reply: heard, nothing more.
    if ((type != ResponseType.PUSH && type != ResponseType.MULTI) || push.size() < 3) {
      return;
    }
    Buffer kind = push.get(0).toBuffer();
    Buffer channel = push.get(1).toBuffer();
    if (is(kind, "message") || is(kind, "smessage")) {
      onMessage(channel, push.get(2).toBuffer());
    } else if (is(kind, "subscribe") || is(kind, "ssubscribe")) {
      onConfirmed(channel);
    } else if (is(kind, "unsubscribe") || is(kind, "sunsubscribe")) {
      onUnsubscribed(channel);
    }
  }

  private static boolean is(Buffer kind, String word) {
    if (kind.length() != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (kind.getByte(i) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void onMessage(Buffer channel, Buffer payload) {
    ChannelState st = channels.get(channel);
    Frame frame = st == null ? null : FrameScanner.scan(st.orderId, payload);
    if (frame == null) {
      LOG.debug("Ignoring a message on {} that is not a tracking frame", channel);
      return;
    }
    sink.onFrame(frame);
  }

  private void onConfirmed(Buffer channel) {
    ChannelState st = channels.get(channel);
    if (st == null) {
      return;
    }
    st.confirmed++;
    st.waiters.removeIf(
        w -> {
          if (w.ticket() <= st.confirmed) {
            w.promise().tryComplete();
            return true;
          }
          return false;
        });
    if (st.resyncOnConfirm && st.wanted && st.confirmed >= st.sent) {
      st.resyncOnConfirm = false;
      sink.onResync(st.orderId);
    }
    if (st.idle()) {
      channels.remove(channel);
    }
  }

  private void onUnsubscribed(Buffer channel) {
    ChannelState st = channels.get(channel);
    if (st == null) {
      return;
    }
    if (st.unsubscribesPending > 0) {
      st.unsubscribesPending--;
    }
    if (st.idle()) {
      channels.remove(channel);
    }
  }

  Future<Void> close() {
    closed = true;
    up = false;
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
    RedisConnection conn = connection;
    connection = null;
    channels.values().forEach(st -> st.waiters.forEach(w -> w.promise().tryFail("engine closed")));
    channels.clear();
    Future<Void> disconnected = conn == null ? Future.succeededFuture() : conn.close();
    return disconnected.eventually(client::close);
  }
}
