package org.ordertracking.engine.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ordertracking.engine.EngineContext;
import org.ordertracking.engine.EngineHealth;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.ListenerRegistry;
import org.ordertracking.engine.Subscription;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.PublishResult.Outcome;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.Times;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.protocol.Frame;
import org.ordertracking.protocol.FrameScanner;
import org.ordertracking.protocol.Frames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multi-node engine: state in one Redis hash per order, frames over one channel per order,
 * both named by {@link RedisKeys}. Publishing is one Lua script (rules, seq, state, expiry,
 * publish); watching is one subscription per order per node on a dedicated connection, whose
 * frames are handed to local listeners as the bytes Redis delivered.
 */
public final class RedisEngine implements TrackingEngine, EngineHealth {
  private static final Logger LOG = LoggerFactory.getLogger(RedisEngine.class);
  private static final long HEALTH_PING_MS = 2_000;
  private static final String[] STATE_FIELDS = {
    "seq", "status", "location", "eta", "courier", "dropoff", "updatedAt"
  };

  private final Vertx vertx;
  private final EngineContext loop;
  private final Clock clock;
  private final String ttlSeconds;
  private final Redis commands;
  private final RedisSubscriber subscriber;
  private final PublishScript script = new PublishScript();
  private final ListenerRegistry listeners = new ListenerRegistry();
  private volatile boolean subscriberUp;
  private volatile boolean commandsUp;
  private volatile String lastCommandError = "not connected yet";
  private long healthTimer = -1;

  public RedisEngine(Vertx vertx, RedisOptions options, Duration stateTtl, Clock clock) {
    this.vertx = vertx;
    this.loop = new EngineContext(vertx);
    this.clock = clock;
    this.ttlSeconds = Long.toString(Math.max(1, stateTtl.toSeconds()));
    this.commands = Redis.createClient(vertx, options);
    this.subscriber =
        new RedisSubscriber(vertx, Redis.createClient(vertx, options), false, new FeedListener());
  }

  @Override
  public String name() {
    return "redis";
  }

  /**
   * Connects both sides. Completes once the first attempts are made, whatever they gave: a node
   * whose Redis is down or refuses it (wrong password) stays up, reports not ready with the reason,
   * and keeps retrying, so that a Redis outage does not turn into a crash loop.
   */
  public Future<Void> start() {
    return loop.call(
        () -> {
          healthTimer = vertx.setPeriodic(HEALTH_PING_MS, id -> pingCommands());
          Future<Void> ping = pingCommands();
          Future<Void> sub = subscriber.start();
          return Future.join(ping, sub)
              .otherwise(err -> {
                LOG.warn("Redis not usable yet ({}); retrying, /health/ready answers 503 meanwhile",
                    err.getMessage());
                return null;
              })
              .mapEmpty();
        });
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
    if (!subscriberUp) {
      return Optional.of("redis subscriber disconnected");
    }
    if (!commandsUp) {
      return Optional.of("redis commands failing: " + lastCommandError);
    }
    return Optional.empty();
  }

  @Override
  public Future<PublishResult> publish(TrackingEvent event) {
    OrderId id = event.orderId();
    String at = Times.format(clock.instant());
    List<String> args;
    if (event instanceof LocationUpdate loc) {
      args =
          List.of(
              "location",
              ttlSeconds,
              RedisKeys.eventsChannel(id),
              "PUBLISH",
              Frames.head("location", id),
              at,
              Long.toString(loc.location().recordedAt().toEpochMilli()),
              Frames.location(loc.location()),
              Frames.locationTail(loc));
    } else {
      StatusChange st = (StatusChange) event;
      args =
          List.of(
              "status",
              ttlSeconds,
              RedisKeys.eventsChannel(id),
              "PUBLISH",
              Frames.head("status", id),
              at,
              st.status().name(),
              Frames.eta(st.eta()),
              st.courier() == null ? "" : st.courier().toJson(),
              st.dropoff() == null ? "" : Frames.latLng(st.dropoff()),
              st.status().isTerminal() ? "1" : "0");
    }
    return onCaller(script.run(commands, RedisKeys.stateKey(id), args).map(RedisEngine::result));
  }

  private static PublishResult result(Response r) {
    int code = r.get(0).toInteger();
    long seq = r.get(1).toLong();
    Outcome outcome =
        switch (code) {
          case 0 -> Outcome.APPLIED;
          case 1 -> Outcome.IGNORED;
          default -> Outcome.REFUSED_TERMINAL;
        };
    return new PublishResult(outcome, seq);
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
        str(r, 6));
  }

  private static String str(Response r, int i) {
    Response v = r.get(i);
    return v == null ? null : v.toString();
  }

  private static String nullIfJsonNull(String json) {
    return json == null || json.equals("null") ? null : json;
  }

  @Override
  public Future<Subscription> subscribe(OrderId orderId, FrameListener listener) {
    ListenerRegistry.Entry entry = new ListenerRegistry.Entry(loop.callerContext(), listener);
    return loop.call(
        () -> {
          // Only the order's first local watcher sends a SUBSCRIBE; later ones wait for the same
          // confirmation, or pass straight through once it has arrived.
          listeners.add(orderId, entry);
          return subscriber
              .subscribe(RedisKeys.eventsChannel(orderId))
              .map(v -> release(orderId, entry))
              .onFailure(err -> unwatch(orderId, entry));
        });
  }

  private Subscription release(OrderId orderId, ListenerRegistry.Entry entry) {
    return () -> loop.run(() -> unwatch(orderId, entry));
  }

  private void unwatch(OrderId orderId, ListenerRegistry.Entry entry) {
    if (listeners.remove(orderId, entry)) {
      subscriber.unsubscribe(RedisKeys.eventsChannel(orderId));
    }
  }

  /** Number of orders this node is subscribed to. */
  public Future<Integer> subscriptions() {
    return loop.call(() -> Future.succeededFuture(listeners.size()));
  }

  private <T> Future<T> onCaller(Future<T> f) {
    ContextInternal caller = loop.callerContext();
    PromiseInternal<T> p = caller.promise();
    f.onComplete(p);
    return p.future();
  }

  @Override
  public Future<Void> close() {
    return loop.call(
        () -> {
          if (healthTimer >= 0) {
            vertx.cancelTimer(healthTimer);
          }
          return Future.join(subscriber.close(), commands.close()).mapEmpty();
        });
  }

  /** Feed events from the subscriber, on the engine loop. */
  private final class FeedListener implements RedisSubscriber.Listener {
    @Override
    public void onMessage(String channel, Buffer payload) {
      OrderId orderId = RedisKeys.orderOfChannel(channel);
      Frame frame = orderId == null ? null : FrameScanner.scan(payload);
      if (frame == null) {
        LOG.debug("Ignoring a message on {} that is not a tracking frame", channel);
        return;
      }
      listeners.deliver(orderId, frame);
    }

    @Override
    public void onResubscribed(String channel) {
      OrderId orderId = RedisKeys.orderOfChannel(channel);
      if (orderId != null) {
        listeners.resync(orderId);
      }
    }

    @Override
    public void onConnectionChange(boolean connected) {
      subscriberUp = connected;
    }
  }
}
