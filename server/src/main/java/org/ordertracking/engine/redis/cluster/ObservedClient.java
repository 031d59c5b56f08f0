package org.ordertracking.engine.redis.cluster;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.List;

/**
 * A one-node client whose connections let the Cluster feed watch what the shard's subscriber does
 * not act on: a {@code sunsubscribe} push the feed did not ask for (the shard lost the slot) or a
 * {@code MOVED} answer to an SSUBSCRIBE (our topology is stale), and the connection going away.
 * Everything else passes through unchanged to whoever set the handlers (the subscriber).
 */
final class ObservedClient implements Redis {
  /** What the feed hears of a shard connection; called on the connection's context. */
  interface Observer {
    /** A channel of this shard was unsubscribed by Redis ({@code push} is the sunsubscribe). */
    void onServerUnsubscribe(Response channel);

    /** Redis answered an (un)subscribe with an error such as MOVED. */
    void onError(Response error);

    /** The connection closed or failed. */
    void onLost();
  }

  private final Redis client;
  private final Observer observer;

  ObservedClient(Redis client, Observer observer) {
    this.client = client;
    this.observer = observer;
  }

  @Override
  public Future<RedisConnection> connect() {
    return client.connect().map(Connection::new);
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  @Override
  public Future<Response> send(Request command) {
    return client.send(command);
  }

  @Override
  public Future<List<Response>> batch(List<Request> commands) {
    return client.batch(commands);
  }

  private final class Connection implements RedisConnection {
    private final RedisConnection conn;

    Connection(RedisConnection conn) {
      this.conn = conn;
    }

    @Override
    public RedisConnection handler(Handler<Response> handler) {
      if (handler == null) {
        conn.handler(null);
        return this;
      }
      conn.handler(push -> {
        if (push != null && push.type() == ResponseType.ERROR) {
          // An error answering a pub/sub command (their replies are pushes, so the client hands
          // errors to the push handler): ours to act on; the subscriber expects pushes only.
          observer.onError(push);
          return;
        }
        if (push != null && push.size() >= 2 && isSunsubscribe(push.get(0))) {
          observer.onServerUnsubscribe(push.get(1));
        }
        handler.handle(push);
      });
      return this;
    }

    private static boolean isSunsubscribe(Response kind) {
      // Cheap first: most pushes are "smessage" (8 bytes).
      return kind != null && kind.toBuffer().length() == 12 && "sunsubscribe".equals(kind.toString());
    }

    @Override
    public RedisConnection exceptionHandler(Handler<Throwable> handler) {
      conn.exceptionHandler(err -> {
        observer.onLost();
        if (handler != null) {
          handler.handle(err);
        }
      });
      return this;
    }

    @Override
    public RedisConnection endHandler(Handler<Void> handler) {
      conn.endHandler(v -> {
        observer.onLost();
        if (handler != null) {
          handler.handle(v);
        }
      });
      return this;
    }

    @Override
    public RedisConnection pause() {
      conn.pause();
      return this;
    }

    @Override
    public RedisConnection resume() {
      conn.resume();
      return this;
    }

    @Override
    public RedisConnection fetch(long amount) {
      conn.fetch(amount);
      return this;
    }

    @Override
    public Future<Response> send(Request command) {
      return conn.send(command);
    }

    @Override
    public Future<List<Response>> batch(List<Request> commands) {
      return conn.batch(commands);
    }

    @Override
    public Future<Void> close() {
      return conn.close();
    }

    @Override
    public boolean pendingQueueFull() {
      return conn.pendingQueueFull();
    }
  }
}
