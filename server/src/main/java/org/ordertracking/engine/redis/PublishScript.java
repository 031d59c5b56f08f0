package org.ordertracking.engine.redis;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.ordertracking.engine.PublishOptions;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.PublishResult.Outcome;
import org.ordertracking.model.Times;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;
import org.ordertracking.protocol.FrameParts;
import org.ordertracking.protocol.Frames;

/**
 * The Lua publish script ({@code redis/publish.lua}) and its argument layout, in one place. Run by
 * SHA, and sent whole only when Redis answers NOSCRIPT (first use, or after a Redis restart flushed
 * its script cache). Every key it touches carries the order's {@code {orderId}} hash tag, so on a
 * Cluster the whole publish runs on the shard that owns the order.
 */
final class PublishScript {
  private static final Outcome[] OUTCOMES = {
    Outcome.APPLIED, Outcome.IGNORED, Outcome.REFUSED_TERMINAL, Outcome.DUPLICATE
  };

  private final String source;
  private final String sha;
  private final String stateTtlSeconds;
  private final String eventIdTtlSeconds;
  private final String publishCommand;
  private final int waitReplicas;
  private final Vertx vertx;
  private final String waitTimeoutMs;

  PublishScript(long stateTtlSeconds, long eventIdTtlSeconds, String publishCommand) {
    this(stateTtlSeconds, eventIdTtlSeconds, publishCommand, 0, 0, null);
  }

  /**
   * @param waitReplicas 0, or how many replicas must have the publish before it is acknowledged:
   *     the script and {@code WAIT} go in one batch, on one connection (WAIT counts that
   *     connection's writes)
   * @param waitTimeoutMs how long WAIT blocks at most
   * @param vertx for pausing before a retry (needed only with {@code waitReplicas})
   */
  PublishScript(long stateTtlSeconds, long eventIdTtlSeconds, String publishCommand, int waitReplicas,
      long waitTimeoutMs, Vertx vertx) {
    this.vertx = vertx;
    this.waitReplicas = waitReplicas;
    this.waitTimeoutMs = Long.toString(Math.max(1, waitTimeoutMs));
    this.stateTtlSeconds = Long.toString(Math.max(1, stateTtlSeconds));
    this.eventIdTtlSeconds = Long.toString(Math.max(1, eventIdTtlSeconds));
    this.publishCommand = publishCommand;
    try (InputStream in = PublishScript.class.getResourceAsStream("/redis/publish.lua")) {
      if (in == null) {
        throw new IllegalStateException("redis/publish.lua missing from the classpath");
      }
      this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      this.sha =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-1")
                      .digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes one event accepted by the engine at {@code now}. */
  Future<PublishResult> publish(Redis redis, TrackingEvent event, PublishOptions options, Instant now) {
    String at = Times.format(now);
    OrderId id = event.orderId();
    List<String> keys = new ArrayList<>(2);
    keys.add(RedisKeys.stateKey(id));
    if (options.idempotencyKey() != null) {
      keys.add(RedisKeys.eventIdKey(id, options.idempotencyKey()));
    }
    List<String> args = new ArrayList<>(16);
    addEvent(args, event, options, now, at);
    return run(redis, keys, args).map(PublishScript::result);
  }

  /**
   * Publishes {@code events}, all accepted at {@code now}, with the engine's own rules only, in one
   * call of the script's batch form: applied one after the other in list order, each as {@link
   * #publish} would. The future fails only when the call as a whole did (nothing applied: the
   * deadline, the connection); otherwise it holds one outcome per event, a result or that
   * event's own failure.
   */
  Future<List<AsyncResult<PublishResult>>> publishAll(Redis redis, List<TrackingEvent> events, Instant now) {
    String at = Times.format(now);
    List<String> keys = new ArrayList<>(events.size());
    List<String> args = new ArrayList<>(3 + events.size() * 14);
    args.add("batch");
    args.add(Integer.toString(events.size()));
    args.add(null); // the index of the last event argument, once known
    for (TrackingEvent event : events) {
      keys.add(RedisKeys.stateKey(event.orderId()));
      int countAt = args.size();
      args.add(null);
      addEvent(args, event, PublishOptions.NONE, now, at);
      args.set(countAt, Integer.toString(args.size() - countAt - 1));
    }
    args.set(2, Integer.toString(args.size())); // ARGV is 1-based: the last argument is ARGV[size]
    return run(redis, keys, args).map(r -> results(r, events.size()));
  }

  /** One event's arguments, in the single form's ARGV layout (see the script). */
  private void addEvent(List<String> args, TrackingEvent event, PublishOptions options, Instant now, String at) {
    OrderId id = event.orderId();
    args.add(event instanceof LocationUpdate ? "location" : "status");
    args.add(stateTtlSeconds);
    args.add(RedisKeys.eventsChannel(id));
    args.add(publishCommand);
    args.add(eventIdTtlSeconds);
    args.add(at);
    if (event instanceof LocationUpdate loc) {
      addParts(args, Frames.location(loc, now.toEpochMilli()));
      args.add(Long.toString(loc.location().recordedAt().toEpochMilli()));
      args.add(Frames.location(loc.location()));
    } else {
      StatusChange st = (StatusChange) event;
      addParts(args, Frames.status(st, now.toEpochMilli(), at));
      args.add(st.status().name());
      args.add(Frames.eta(st.eta()));
      args.add(st.courier() == null ? "" : st.courier().toJson());
      args.add(st.dropoff() == null ? "" : Frames.latLng(st.dropoff()));
      args.add(st.status().isTerminal() ? "1" : "0");
      args.add(options.forwardOnly() ? statusesAhead(st.status()) : "");
      args.add(st.reason() == null ? "" : st.reason());
      args.add(options.courierKey() == null ? "" : options.courierKey());
      args.add(options.clearCourier() ? "1" : "0");
      args.add(options.occurredAt() == null ? "" : Long.toString(options.occurredAt().toEpochMilli()));
    }
  }

  /** The batch form's reply, {@code code, seq} per event (code 4: that event failed, with the error). */
  private static List<AsyncResult<PublishResult>> results(Response r, int events) {
    if (r == null || r.size() != 2 * events) {
      throw new IllegalStateException("publish script answered " + (r == null ? 0 : r.size()) + " values for "
          + events + " events");
    }
    List<AsyncResult<PublishResult>> out = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      int code = r.get(2 * i).toInteger();
      Response second = r.get(2 * i + 1);
      out.add(code < OUTCOMES.length
          ? Future.succeededFuture(new PublishResult(OUTCOMES[code], second.toLong()))
          : Future.failedFuture(String.valueOf(second)));
    }
    return out;
  }

  private static void addParts(List<String> args, FrameParts parts) {
    args.add(parts.beforeSeq());
    args.add(parts.afterSeq());
    args.add(parts.afterCourier());
    args.add(parts.afterDropoff());
  }

  /** The statuses {@code status} is behind, for the script's forward-only check. */
  private static String statusesAhead(OrderStatus status) {
    return Arrays.stream(OrderStatus.values())
        .filter(status::isBehind)
        .map(OrderStatus::name)
        .collect(Collectors.joining(","));
  }

  private static PublishResult result(Response r) {
    return new PublishResult(OUTCOMES[r.get(0).toInteger()], r.get(1).toLong());
  }

  private Future<Response> run(Redis redis, List<String> keys, List<String> args) {
    if (waitReplicas > 0) {
      return runAndWait(redis, keys, args, 0);
    }
    return redis
        .send(request(Command.EVALSHA, sha, keys, args))
        .recover(
            err -> {
              String msg = err.getMessage();
              if (msg != null && msg.startsWith("NOSCRIPT")) {
                return redis.send(request(Command.EVAL, source, keys, args));
              }
              return Future.failedFuture(err);
            });
  }

  /** Redirects and retry-laters the client passes on from a batch; the script did not run then. */
  private static final List<String> NOT_RUN = List.of("MOVED", "ASK", "TRYAGAIN", "CLUSTERDOWN");
  private static final int NOT_RUN_RETRIES = 10;
  private static final long NOT_RUN_DELAY_MS = 200;

  /**
   * The script, then {@code WAIT n timeout} on the same connection: acknowledged only once {@code
   * n} replicas have the write. Fewer in time fails the publish (applied on the primary, not yet
   * safe: the publisher retries). The client reports a batch's errors as {@code ERR [i] ...} and
   * does not follow a MOVED inside a batch, so those are retried here after a pause, while its slot
   * map catches up.
   */
  private Future<Response> runAndWait(Redis redis, List<String> keys, List<String> args, int attempt) {
    return scriptAndWait(redis, keys, args).recover(err -> {
      String msg = String.valueOf(err.getMessage());
      if (attempt < NOT_RUN_RETRIES && NOT_RUN.stream().anyMatch(msg::contains)) {
        return vertx.timer(NOT_RUN_DELAY_MS).compose(t -> runAndWait(redis, keys, args, attempt + 1));
      }
      return Future.failedFuture(err);
    });
  }

  private Future<Response> scriptAndWait(Redis redis, List<String> keys, List<String> args) {
    Request wait = Request.cmd(Command.WAIT).arg(waitReplicas).arg(waitTimeoutMs);
    return redis
        .batch(List.of(request(Command.EVALSHA, sha, keys, args), wait))
        .recover(err -> String.valueOf(err.getMessage()).contains("NOSCRIPT")
            ? redis.batch(List.of(request(Command.EVAL, source, keys, args), wait))
            : Future.failedFuture(err))
        .compose(replies -> {
          long acked = replies.get(1).toLong();
          if (acked < waitReplicas) {
            return Future.failedFuture("publish applied but acknowledged by " + acked + " of "
                + waitReplicas + " replicas within " + waitTimeoutMs + " ms (TRACKING_REDIS_WAIT_REPLICAS)");
          }
          return Future.succeededFuture(replies.get(0));
        });
  }

  private static Request request(Command cmd, String script, List<String> keys, List<String> args) {
    Request req = Request.cmd(cmd).arg(script).arg(keys.size());
    keys.forEach(req::arg);
    args.forEach(req::arg);
    return req;
  }
}
