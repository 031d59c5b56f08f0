package org.ordertracking.engine.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ordertracking.engine.Broker;
import org.ordertracking.engine.EngineConfig;
import org.ordertracking.engine.EngineContext;
import org.ordertracking.engine.EngineHealth;
import org.ordertracking.engine.Feed;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.PublishOptions;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.TrackingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multi-node broker: state in one Redis hash per order, frames over one channel per order,
 * both named by {@link RedisKeys}. Publishing is one Lua script (rules, seq, state, expiry,
 * publish); each feed is a {@link RedisSubscriber} on a dedicated connection, whose frames are
 * handed on as the bytes Redis delivered.
 */
public final class RedisBroker implements Broker, EngineHealth {
  private static final Logger LOG = LoggerFactory.getLogger(RedisBroker.class);
  private static final long HEALTH_PING_MS = 2_000;
  private static final String[] STATE_FIELDS = {
    "seq", "status", "location", "eta", "courier", "dropoff", "reason", "updatedAt"
  };

  private final Vertx vertx;
  private final EngineContext loop;
  private final RedisSetup redis;
  private final Clock clock;
  private final Redis commands;
  private final PublishScript script;
  private final List<RedisSubscriber> feeds = new CopyOnWriteArrayList<>();
  private volatile boolean commandsUp;
  private volatile String lastCommandError = "not connected yet";
  private volatile boolean closed;
  private long healthTimer = -1;

  /**
   * @param loop the engine loop its health checks run on
   * @param redis the node's Redis setup; its shared command client is used, not owned
   */
  public RedisBroker(Vertx vertx, EngineContext loop, RedisSetup redis, EngineConfig config, Clock clock) {
    this.vertx = vertx;
    this.loop = loop;
    this.redis = redis;
    this.clock = clock;
    this.commands = redis.commands();
    this.script = new PublishScript(
        config.stateTtl().toSeconds(), config.eventIdTtl().toSeconds(), redis.pubSub().publish(),
        redis.config().waitReplicas(), redis.config().waitTimeout().toMillis(), vertx);
  }

  @Override
  public String name() {
    return "redis";
  }

  /**
   * Checks the command side now and every few seconds. Completes once the first attempt is made,
   * whatever it gave: a node whose Redis is down or refuses it (wrong password) stays up, reports
   * not ready with the reason, and keeps retrying, so that a Redis outage does not turn into a
   * crash loop. Feeds connect (and retry) by themselves when opened.
   */
  @Override
  public Future<Void> start() {
    return loop.call(
        () -> {
          healthTimer = vertx.setPeriodic(HEALTH_PING_MS, id -> pingCommands());
          return pingCommands()
              .otherwise(err -> {
                LOG.warn("Redis not usable yet ({}); retrying, /health/ready answers 503 meanwhile",
                    err.getMessage());
                return null;
              });
        });
  }

  /** A new pub/sub connection, connecting now on the calling context. */
  @Override
  public Feed openFeed(FrameListener sink) {
    RedisSubscriber feed = new RedisSubscriber(vertx, redis.newClient(), redis.pubSub(), sink);
    feeds.add(feed);
    if (closed) {
      feed.close();
    } else {
      feed.start();
    }
    return feed;
  }

  private Future<Void> pingCommands() {
    return commands
        .send(Request.cmd(Command.PING))
        .onSuccess(r -> commandsUp = true)
        .onFailure(
            err -> {
              if (commandsUp) {
                LOG.warn("Redis commands failing: {}", err.getMessage());
              }
              lastCommandError = err.getMessage();
              commandsUp = false;
            })
        .mapEmpty();
  }

  @Override
  public Optional<String> notReadyReason() {
    for (RedisSubscriber feed : feeds) {
      if (!feed.connected()) {
        return Optional.of("redis subscriber disconnected");
      }
    }
    if (!commandsUp) {
      return Optional.of("redis commands failing: " + lastCommandError);
    }
    return Optional.empty();
  }

  @Override
  public Future<PublishResult> publish(TrackingEvent event, PublishOptions options) {
    return onCaller(script.publish(commands, event, options, clock.instant()));
  }

  @Override
  public Future<Snapshot> snapshot(OrderId orderId) {
    Request req = Request.cmd(Command.HMGET).arg(RedisKeys.stateKey(orderId));
    for (String f : STATE_FIELDS) {
      req.arg(f);
    }
    return onCaller(commands.send(req).map(r -> toSnapshot(orderId, r)));
  }

  private static Snapshot toSnapshot(OrderId orderId, Response r) {
    String seq = str(r, 0);
    if (seq == null) {
      return Snapshot.empty(orderId);
    }
    String status = str(r, 1);
    return new Snapshot(
        orderId,
        Long.parseLong(seq),
        status == null ? null : OrderStatus.parse(status).orElse(null),
        nullIfJsonNull(str(r, 2)),
        nullIfJsonNull(str(r, 3)),
        nullIfJsonNull(str(r, 4)),
        nullIfJsonNull(str(r, 5)),
        emptyAsNull(str(r, 6)),
        str(r, 7));
  }

  private static String str(Response r, int i) {
    Response v = r.get(i);
    return v == null ? null : v.toString();
  }

  private static String emptyAsNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static String nullIfJsonNull(String json) {
    return json == null || json.equals("null") ? null : json;
  }

  private <T> Future<T> onCaller(Future<T> f) {
    ContextInternal caller = loop.callerContext();
    PromiseInternal<T> p = caller.promise();
    f.onComplete(p);
    return p.future();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return loop.call(
        () -> {
          if (healthTimer >= 0) {
            vertx.cancelTimer(healthTimer);
          }
          List<Future<Void>> closing = new ArrayList<>();
          feeds.forEach(feed -> closing.add(feed.close()));
          return Future.join(closing).mapEmpty();
        });
  }
}
