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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one pub/sub connection, separate from the command connections. Confined to the
 * engine loop.
 *
 * <p>Redis confirms a SUBSCRIBE with a push message, not a reply, and the client library completes
 * the command's future as soon as it is written. A watcher must not read its snapshot before Redis
 * has really registered the subscription (or it could miss an event published in between), so
 * every SUBSCRIBE sent takes a ticket and {@link #subscribe} completes only when the push
 * confirming that ticket arrives. Confirmations arrive in the order the commands were sent.
 *
 * <p>When the connection drops it reconnects with capped, jittered backoff, subscribes again to
 * every channel still wanted, and reports each re-confirmed channel through {@link
 * Listener#onResubscribed} so its watchers can resynchronise from a fresh snapshot.
 */
final class RedisSubscriber {
  private static final Logger LOG = LoggerFactory.getLogger(RedisSubscriber.class);
  private static final long BACKOFF_MIN_MS = 100;
  private static final long BACKOFF_MAX_MS = 5_000;

  interface Listener {
    void onMessage(String channel, Buffer payload);

    void onResubscribed(String channel);

    void onConnectionChange(boolean connected);
  }

  private static final class ChannelState {
    boolean wanted;
    long sent;
    long confirmed;
    int unsubscribesPending;
    boolean resyncOnConfirm;
    final List<Waiter> waiters = new ArrayList<>(1);

    boolean idle() {
      return !wanted && sent == confirmed && unsubscribesPending == 0 && waiters.isEmpty();
    }
  }

  private record Waiter(long ticket, Promise<Void> promise) {}

  private final Vertx vertx;
  private final Redis client;
  private final Listener listener;
  private final boolean sharded;
  private final Map<String, ChannelState> channels = new HashMap<>();
  private RedisConnection connection;
  private int attempts;
  private boolean closed;

  RedisSubscriber(Vertx vertx, Redis client, boolean sharded, Listener listener) {
    this.vertx = vertx;
    this.client = client;
    this.sharded = sharded;
    this.listener = listener;
  }

  boolean connected() {
    return connection != null;
  }

  int channelCount() {
    return channels.size();
  }

  /** First connection attempt; later ones happen by themselves. Call on the engine loop. */
  Future<Void> start() {
    return connect();
  }

  private Future<Void> connect() {
    return client
        .connect()
        .onSuccess(this::onConnected)
        .onFailure(
            err -> {
              LOG.warn("Redis subscriber connect failed: {}", err.getMessage());
              scheduleReconnect();
            })
        .mapEmpty();
  }

  private void onConnected(RedisConnection conn) {
    if (closed) {
      conn.close();
      return;
    }
    boolean reconnect = attempts > 0;
    attempts = 0;
    connection = conn;
    conn.handler(this::onPush);
    conn.exceptionHandler(err -> onLost(conn, err.getMessage()));
    conn.endHandler(v -> onLost(conn, "connection closed"));
    if (reconnect) {
      LOG.info("Redis subscriber reconnected; resubscribing {} channels", channels.size());
    }
    // A fresh connection has no subscriptions: renumber and send one SUBSCRIBE per wanted channel.
    Iterator<Map.Entry<String, ChannelState>> it = channels.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, ChannelState> e = it.next();
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
      send(e.getKey(), subscribeCommand());
      long ticket = ++st.sent;
      st.waiters.replaceAll(w -> new Waiter(ticket, w.promise()));
    }
    listener.onConnectionChange(true);
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
    listener.onConnectionChange(false);
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

  /** Completes once Redis has confirmed a subscription to {@code channel}. */
  Future<Void> subscribe(String channel) {
    ChannelState st = channels.computeIfAbsent(channel, c -> new ChannelState());
    if (st.wanted && st.confirmed >= st.sent && st.sent > 0) {
      return Future.succeededFuture();
    }
    if (!st.wanted) {
      st.wanted = true;
      if (connection != null) {
        send(channel, subscribeCommand());
        st.sent++;
      }
    }
    Promise<Void> p = Promise.promise();
    st.waiters.add(new Waiter(connection != null ? st.sent : 1, p));
    return p.future();
  }

  void unsubscribe(String channel) {
    ChannelState st = channels.get(channel);
    if (st == null || !st.wanted) {
      return;
    }
    st.wanted = false;
    if (connection != null) {
      send(channel, sharded ? Command.SUNSUBSCRIBE : Command.UNSUBSCRIBE);
      st.unsubscribesPending++;
    } else if (st.idle()) {
      channels.remove(channel);
    }
  }

  private Command subscribeCommand() {
    return sharded ? Command.SSUBSCRIBE : Command.SUBSCRIBE;
  }

  /** Sends a (un)subscribe; a failed write means the connection is gone. */
  private void send(String channel, Command cmd) {
    RedisConnection conn = connection;
    conn.send(Request.cmd(cmd).arg(channel))
        .onFailure(err -> onLost(conn, "send failed: " + err.getMessage()));
  }

  private void onPush(Response push) {
    if (push == null || push.size() < 3) {
      return;
    }
    String kind = push.get(0).toString();
    String channel = push.get(1).toString();
    switch (kind) {
      case "message", "smessage" -> listener.onMessage(channel, push.get(2).toBuffer());
      case "subscribe", "ssubscribe" -> onConfirmed(channel);
      case "unsubscribe", "sunsubscribe" -> onUnsubscribed(channel);
      default -> {}
    }
  }

  private void onConfirmed(String channel) {
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
      listener.onResubscribed(channel);
    }
    if (st.idle()) {
      channels.remove(channel);
    }
  }

  private void onUnsubscribed(String channel) {
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
    RedisConnection conn = connection;
    connection = null;
    channels.values().forEach(st -> st.waiters.forEach(w -> w.promise().tryFail("engine closed")));
    channels.clear();
    return conn == null ? Future.succeededFuture() : conn.close();
  }
}
