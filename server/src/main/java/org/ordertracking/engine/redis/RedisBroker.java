package org.ordertracking.engine.redis;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.ordertracking.ops.metrics.Metrics;
import org.ordertracking.ops.metrics.RedisCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multi-node broker: state in one Redis hash per order, frames over one channel per order,
 * both named by {@link RedisKeys}. Publishing is one Lua script (rules, seq, state, expiry,
 * publish); each feed is a {@link RedisSubscriber} on a dedicated connection, whose frames are
 * handed on as the bytes Redis delivered.
 *
 * <p>Commands (snapshot reads, publishes) go over one pipelined {@link CommandLane} per calling
 * event loop, not through the node's shared pool: a connect storm's snapshot reads cannot overflow
 * a pool wait queue, and cannot delay the health check, which has a lane of its own on the engine
 * loop. Every command has a deadline: a frozen Redis turns the node not ready within about
 * {@link #HEALTH_PING_MS} + {@link #HEALTH_DEADLINE_MS} (plus one check), and the commands waiting
 * behind it fail then; a lane that hears nothing for {@link #COMMAND_DEADLINE_MS} gives up by
 * itself. Publishes carry their deadline into Redis (see {@link CommandLane}).
 */
public final class RedisBroker implements Broker, EngineHealth {
  private static final Logger LOG = LoggerFactory.getLogger(RedisBroker.class);
  static final long HEALTH_PING_MS = 1_000;
  /**
   * How long the health check's PING may go unanswered before Redis is taken as hung: the node
   * turns not ready, and commands waiting that long on any lane fail at once.
   */
  static final long HEALTH_DEADLINE_MS = 2_000;
  /**
   * How long a command lane may hear nothing before it gives up on its connection by itself. Longer
   * than the health deadline: a lane under a connect storm on a starved machine is slow, not hung,
   * and the health check (on its own, idle connection) is the one that tells a hung Redis.
   */
  static final long COMMAND_DEADLINE_MS = 8_000;
  /** Unanswered commands per lane; more fail at once instead of queueing. */
  private static final int MAX_PENDING_PER_LANE = 16_384;
  /**
   * Most events per publish-script call of a batch: the script runs atomically, so one call holds
   * Redis for all its events (about 7 µs each); a batch's calls go pipelined on the caller's lane.
   */
  static final int EVENTS_PER_CALL = 100;
  private static final String[] STATE_FIELDS = {
    "seq", "status", "location", "eta", "courier", "dropoff", "reason", "updatedAt"
  };

  private final Vertx vertx;
  private final EngineContext loop;
  private final RedisSetup redis;
  private final Clock clock;
  private final Metrics metrics;
  private final PublishScript script;
  private final List<RedisSubscriber> feeds = new CopyOnWriteArrayList<>();
  private final List<CommandLane> lanes = new CopyOnWriteArrayList<>();
  private final Object laneKey = new Object();
  private final CommandLane homeLane;
  private final CommandLane healthLane;
  private volatile boolean commandsUp;
  private volatile String lastCommandError = "not connected yet";
  private volatile boolean closed;
  private long healthTimer = -1;

  /**
   * @param loop the engine loop its health checks run on
   * @param redis the node's Redis setup; its shared command client is used, not owned
   */
  public RedisBroker(Vertx vertx, EngineContext loop, RedisSetup redis, EngineConfig config, Clock clock) {
    this(vertx, loop, redis, config, clock, Metrics.NONE);
  }

  /** The same, recording command times and subscriber reconnects through {@code metrics}. */
  public RedisBroker(Vertx vertx, EngineContext loop, RedisSetup redis, EngineConfig config, Clock clock,
      Metrics metrics) {
    this.vertx = vertx;
    this.loop = loop;
    this.redis = redis;
    this.clock = clock;
    this.metrics = metrics;
    this.homeLane = newLane(loop.context(), "commands");
    this.healthLane = new CommandLane(vertx, loop.context(), redis::newClient, HEALTH_DEADLINE_MS, 64, "health check");
    lanes.add(healthLane);
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
    RedisSubscriber feed = new RedisSubscriber(vertx, redis.newClient(), redis.pubSub(), sink, metrics);
    feeds.add(feed);
    if (closed) {
      feed.close();
    } else {
      feed.start();
    }
    return feed;
  }

  private CommandLane newLane(ContextInternal context, String name) {
    CommandLane lane = new CommandLane(vertx, context, redis::newClient, COMMAND_DEADLINE_MS, HEALTH_DEADLINE_MS,
        MAX_PENDING_PER_LANE, name);
    lanes.add(lane);
    return lane;
  }

  /**
   * The caller's event loop's lane (made on first use); the engine loop's for callers that are not
   * on an event loop (tests, worker threads).
   */
  private CommandLane lane() {
    ContextInternal current = ContextInternal.current();
    if (current == null || !current.isEventLoopContext() || closed) {
      return null;
    }
    ContextInternal root = current.unwrap();
    if (root == loop.context()) {
      return homeLane;
    }
    return (CommandLane) root.contextData().computeIfAbsent(laneKey, k -> newLane(root, "commands"));
  }

  /** Sends {@code req} on the caller's lane; the future completes on the caller's context. */
  private Future<Response> send(Request req) {
    CommandLane lane = lane();
    if (lane != null) {
      return lane.send(req);
    }
    return loop.call(() -> homeLane.send(req));
  }

  /** The same with the command's deadline appended (the publish script refuses late publishes). */
  private Future<Response> sendFenced(Request req) {
    CommandLane lane = lane();
    if (lane != null) {
      return lane.sendFenced(req);
    }
    return loop.call(() -> homeLane.sendFenced(req));
  }

  /** The lanes seen as a {@link Redis} client, for the publish script (its {@code send} only). */
  private final Redis laneClient = new Redis() {
    @Override
    public Future<RedisConnection> connect() {
      return Future.failedFuture("not a pool");
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }

    @Override
    public Future<Response> send(Request command) {
      return RedisBroker.this.sendFenced(command);
    }

    /**
     * Only with {@code TRACKING_REDIS_WAIT_REPLICAS}: {@code WAIT} counts the replicas that hold what
     * its own connection wrote, so the script and {@code WAIT} go as one batch on one pooled
     * connection of the shared client (which, on a Cluster, sends both to the script's shard).
     */
    @Override
    public Future<List<Response>> batch(List<Request> commands) {
      return redis.commands().batch(commands);
    }
  };

  private Future<Void> pingCommands() {
    long start = System.nanoTime();
    return healthLane
        .send(Request.cmd(Command.PING))
        .onComplete(ar -> metrics.redisCommand(RedisCommand.OTHER, System.nanoTime() - start))
        .onSuccess(r -> commandsUp = true)
        .onFailure(
            err -> {
              if (commandsUp) {
                LOG.warn("Redis commands failing: {}", err.getMessage());
              }
              lastCommandError = err.getMessage();
              commandsUp = false;
              if (!healthLane.up()) { // no answer in time (not a refusal such as NOAUTH): hung
                for (CommandLane lane : lanes) {
                  if (lane != healthLane) {
                    lane.redisHung(HEALTH_DEADLINE_MS, err.getMessage());
                  }
                }
              }
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
    long start = System.nanoTime();
    return onCaller(script.publish(laneClient, event, options, clock.instant()), RedisCommand.PUBLISH, start);
  }

  /**
   * The batch in script calls of at most {@link #EVENTS_PER_CALL} events, pipelined on the
   * caller's lane, instead of a call per event. All events of one order go in the same call (the
   * call of the order's first event, which may then hold more than the limit), so they are applied
   * in list order without waiting for each other's answers. One acceptance time for the batch.
   */
  @Override
  public Future<List<AsyncResult<PublishResult>>> publishAll(List<TrackingEvent> events) {
    if (redis.mode() == RedisMode.CLUSTER) {
      // Keys of many orders in one script call would span slots: one call per event there.
      return Broker.super.publishAll(events);
    }
    long start = System.nanoTime();
    Instant now = clock.instant();
    List<List<Integer>> calls = new ArrayList<>();
    Map<OrderId, List<Integer>> callOfOrder = new HashMap<>();
    List<Integer> open = null;
    for (int i = 0; i < events.size(); i++) {
      OrderId order = events.get(i).orderId();
      List<Integer> call = callOfOrder.get(order);
      if (call == null) {
        if (open == null || open.size() >= EVENTS_PER_CALL) {
          open = new ArrayList<>(Math.min(EVENTS_PER_CALL, events.size() - i));
          calls.add(open);
        }
        call = open;
        callOfOrder.put(order, call);
      }
      call.add(i);
    }
    @SuppressWarnings("unchecked")
    AsyncResult<PublishResult>[] out = new AsyncResult[events.size()];
    PromiseInternal<List<AsyncResult<PublishResult>>> done = loop.callerContext().promise();
    AtomicInteger left = new AtomicInteger(calls.size());
    for (List<Integer> call : calls) {
      List<TrackingEvent> batch = new ArrayList<>(call.size());
      call.forEach(i -> batch.add(events.get(i)));
      script.publishAll(laneClient, batch, now).onComplete(ar -> {
        for (int j = 0; j < call.size(); j++) {
          out[call.get(j)] = ar.succeeded() ? ar.result().get(j) : Future.failedFuture(ar.cause());
        }
        metrics.redisCommand(RedisCommand.PUBLISH, System.nanoTime() - start);
        if (left.decrementAndGet() == 0) {
          done.complete(List.of(out));
        }
      });
    }
    if (calls.isEmpty()) {
      done.complete(List.of());
    }
    return done.future();
  }

  @Override
  public Future<Snapshot> snapshot(OrderId orderId) {
    Request req = Request.cmd(Command.HMGET).arg(RedisKeys.stateKey(orderId));
    for (String f : STATE_FIELDS) {
      req.arg(f);
    }
    long start = System.nanoTime();
    return onCaller(send(req).map(r -> toSnapshot(orderId, r)), RedisCommand.SNAPSHOT, start);
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

  /**
   * {@code f}'s outcome on the caller's context, its time since {@code start} recorded as {@code
   * command}: the completion handler the hop needs anyway does the recording (metrics off: the
   * promise itself is the handler, as before).
   */
  private <T> Future<T> onCaller(Future<T> f, RedisCommand command, long start) {
    ContextInternal caller = loop.callerContext();
    PromiseInternal<T> p = caller.promise();
    if (metrics == Metrics.NONE) {
      f.onComplete(p);
    } else {
      f.onComplete(ar -> {
        metrics.redisCommand(command, System.nanoTime() - start);
        p.handle(ar);
      });
    }
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
          lanes.forEach(lane -> closing.add(lane.close()));
          return Future.join(closing).mapEmpty();
        });
  }
}
