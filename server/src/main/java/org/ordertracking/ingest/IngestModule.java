package org.ordertracking.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ordertracking.auth.ApiKeys;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.http.HttpErrors;
import org.ordertracking.json.JsonText;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.ops.metrics.IngestResult;
import org.ordertracking.ops.metrics.Metrics;
import org.ordertracking.protocol.Frames;
import org.ordertracking.server.ServerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ingest API of courier adapters and order backends: single events, batches, order reads. */
public final class IngestModule implements ServerModule {
  private static final Logger LOG = LoggerFactory.getLogger(IngestModule.class);
  static final int SINGLE_BODY_LIMIT = 64 * 1024;
  static final int BATCH_BODY_LIMIT = 1024 * 1024;
  static final int MAX_BATCH = 1000;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Seconds a client is asked to wait before retrying a 503 (busy node, engine unavailable). */
  static final String RETRY_AFTER_SECONDS = "1";

  private final TrackingEngine engine;
  private final IngestAuth auth;
  private final EventParser parser;
  private final BatchReader reader;
  private final InFlight inFlight;
  private final Metrics metrics;

  public IngestModule(TrackingEngine engine, ApiKeys keys, Clock clock, IngestLimits limits) {
    this(engine, keys, clock, limits, Metrics.NONE);
  }

  /** @param metrics counts every event by provider and result */
  public IngestModule(TrackingEngine engine, ApiKeys keys, Clock clock, IngestLimits limits, Metrics metrics) {
    this.metrics = metrics;
    this.engine = engine;
    this.auth = new IngestAuth(keys);
    this.parser = new EventParser(clock);
    this.reader = new BatchReader(JSON, parser);
    this.inFlight = new InFlight(limits.maxInFlight());
  }

  @Override
  public void mount(Router router) {
    post(router, "/api/v1/orders/:orderId/location", SINGLE_BODY_LIMIT, this::location);
    post(router, "/api/v1/orders/:orderId/status", SINGLE_BODY_LIMIT, this::status);
    post(router, "/api/v1/events", BATCH_BODY_LIMIT, this::batch);
    router.get("/api/v1/orders/:orderId").handler(auth.apiKeyOrAdmin()).handler(this::order);
  }

  private void post(Router router, String path, int limit, Handler handler) {
    // Guards first, on a route of their own: Vert.x Web wants a body handler first on its route,
    // and no body should be read for a caller without a key or with the wrong content type.
    router.post(path).handler(auth.apiKey()).handler(IngestAuth.json(false));
    Route route = router.post(path);
    route
        .handler(BodyHandler.create(false).setBodyLimit(limit))
        .handler(ctx -> {
          String provider = ctx.get(IngestAuth.PROVIDER);
          try {
            handler.handle(ctx, provider);
          } catch (InvalidInput e) {
            metrics.ingestEvent(provider, IngestResult.REJECTED);
            HttpErrors.send(ctx, 400, e.getMessage());
          }
        });
    route.failureHandler(ctx -> HttpErrors.failure(ctx, limit));
  }

  @FunctionalInterface
  private interface Handler {
    void handle(RoutingContext ctx, String provider) throws InvalidInput;
  }

  private void location(RoutingContext ctx, String provider) throws InvalidInput {
    OrderId id = EventParser.orderId(ctx.pathParam("orderId"), "orderId");
    JsonNode body = parse(ctx);
    publishOne(ctx, parser.location(id, body, body, "", provider));
  }

  private void status(RoutingContext ctx, String provider) throws InvalidInput {
    OrderId id = EventParser.orderId(ctx.pathParam("orderId"), "orderId");
    publishOne(ctx, parser.status(id, parse(ctx), provider));
  }

  private void publishOne(RoutingContext ctx, TrackingEvent event) {
    if (!inFlight.tryAcquire(1)) {
      busy(ctx, 1);
      return;
    }
    engine
        .publish(event)
        .onComplete(ar -> inFlight.release())
        .onComplete(ar -> record(event, ar.succeeded() ? ar.result() : null))
        .onSuccess(
            r -> {
              if (r.outcome() == PublishResult.Outcome.REFUSED_TERMINAL) {
                HttpErrors.send(ctx, 409, refusal(event));
              } else {
                HttpErrors.sendJson(ctx, 202, new JsonObject()
                    .put("orderId", event.orderId().value())
                    .put("seq", r.seq())
                    .put("applied", r.applied()));
              }
            })
        .onFailure(err -> unavailable(ctx, err));
  }

  /**
   * Counts what became of {@code event} ({@code result} null: the engine failed) and, at debug
   * level only, logs it with the order id and the publisher's ref as key-value context (never at
   * info: that would be a line per event).
   */
  private void record(TrackingEvent event, PublishResult result) {
    IngestResult outcome = result == null ? IngestResult.FAILED : IngestResult.of(result.outcome());
    metrics.ingestEvent(event.provider(), outcome);
    if (LOG.isDebugEnabled()) {
      LOG.atDebug()
          .addKeyValue("orderId", event.orderId().value())
          .addKeyValue("ref", event instanceof LocationUpdate l ? l.ref() : null)
          .addKeyValue("provider", event.provider())
          .addKeyValue("result", outcome.label())
          .addKeyValue("seq", result == null ? null : result.seq())
          .log("Ingest event {}", outcome.label());
    }
  }

  /** 503: this node has too many events in flight to take {@code events} more; nothing was published. */
  private void busy(RoutingContext ctx, int events) {
    ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
    HttpErrors.send(ctx, 503, "ingest is busy: " + inFlight.current() + " events in flight, at most "
        + inFlight.max() + " (this request brings " + events + "); retry later");
  }

  private static void unavailable(RoutingContext ctx, Throwable err) {
    ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
    HttpErrors.send(ctx, 503, "engine unavailable: " + err.getMessage());
  }

  private static String refusal(TrackingEvent event) {
    return event instanceof LocationUpdate
        ? "order " + event.orderId() + " is finished: its courier location is no longer shared"
        : "order " + event.orderId() + " is finished: its status can no longer change";
  }

  private void batch(RoutingContext ctx, String provider) throws InvalidInput {
    var body = body(ctx);
    if (body == null) {
      throw new InvalidInput("body is empty; expected a JSON object");
    }
    List<Object> parsed = items(body.getBytes(), provider);
    int valid = 0;
    for (Object p : parsed) {
      if (p instanceof TrackingEvent) {
        valid++;
      } else {
        metrics.ingestEvent(provider, IngestResult.REJECTED);
      }
    }
    if (!inFlight.tryAcquire(valid)) {
      busy(ctx, valid);
      return;
    }
    List<TrackingEvent> toPublish = new ArrayList<>(valid);
    for (Object p : parsed) {
      if (p instanceof TrackingEvent event) {
        toPublish.add(event);
      }
    }
    // One hand-over for the whole batch: the engine applies each order's events in batch order.
    Future<List<AsyncResult<PublishResult>>> published;
    try {
      published = toPublish.isEmpty() ? Future.succeededFuture(List.of()) : engine.publishAll(toPublish);
    } catch (RuntimeException e) {
      published = Future.failedFuture(e);
    }
    int publishing = valid;
    published.onComplete(ar -> {
      inFlight.release(publishing);
      int accepted = 0;
      int e = 0;
      StringBuilder items = new StringBuilder(parsed.size() * 32);
      for (Object p : parsed) {
        if (items.length() > 0) {
          items.append(',');
        }
        if (!(p instanceof TrackingEvent event)) {
          items.append("{\"error\":").append(JsonText.quote(((InvalidInput) p).getMessage())).append('}');
          continue;
        }
        AsyncResult<PublishResult> r = ar.succeeded() ? ar.result().get(e) : null;
        e++;
        PublishResult result = r != null && r.succeeded() ? r.result() : null;
        record(event, result);
        if (result == null) {
          Throwable err = r == null ? ar.cause() : r.cause();
          items.append("{\"error\":").append(JsonText.quote("engine unavailable: " + err.getMessage())).append('}');
        } else if (result.outcome() == PublishResult.Outcome.REFUSED_TERMINAL) {
          items.append("{\"error\":").append(JsonText.quote(refusal(event))).append('}');
        } else {
          accepted++;
          items.append("{\"seq\":").append(result.seq()).append(",\"applied\":").append(result.applied()).append('}');
        }
      }
      // The answer's JSON, written directly: {"accepted":n,"rejected":m,"results":[...]}.
      StringBuilder out = new StringBuilder(items.length() + 48).append("{\"accepted\":").append(accepted)
          .append(",\"rejected\":").append(parsed.size() - accepted)
          .append(",\"results\":[").append(items).append("]}");
      ctx.response()
          .setStatusCode(200)
          .putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store")
          .end(out.toString());
    });
  }

  /**
   * The batch's items, each an event or the InvalidInput of a bad item: in one pass when the body
   * allows ({@link BatchReader}), else (and for every answer about the body as a whole) from the
   * JSON tree.
   */
  private List<Object> items(byte[] body, String provider) throws InvalidInput {
    List<Object> parsed = reader.read(body, MAX_BATCH, provider, item -> treeItem(item, provider));
    if (parsed != null) {
      return parsed;
    }
    JsonNode root = parse(body);
    JsonNode events = root.isObject() ? root.get("events") : null;
    if (events == null || !events.isArray()) {
      throw new InvalidInput("events must be an array");
    }
    if (events.size() > MAX_BATCH) {
      throw new InvalidInput("events holds " + events.size() + " events; at most " + MAX_BATCH);
    }
    parsed = new ArrayList<>(events.size());
    for (JsonNode item : events) {
      parsed.add(treeItem(item, provider));
    }
    return parsed;
  }

  /** A batch item read as a tree: its event, or the InvalidInput refusing it. */
  private Object treeItem(JsonNode item, String provider) {
    try {
      return parser.item(item, provider);
    } catch (InvalidInput e) {
      return e;
    }
  }

  private void order(RoutingContext ctx) {
    OrderId id;
    try {
      id = EventParser.orderId(ctx.pathParam("orderId"), "orderId");
    } catch (InvalidInput e) {
      HttpErrors.send(ctx, 400, e.getMessage());
      return;
    }
    engine
        .snapshot(id)
        .onSuccess(
            s -> {
              if (s.isUnknown()) {
                HttpErrors.send(ctx, 404, "order " + id + " not found");
              } else {
                ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(Frames.snapshot(s));
              }
            })
        .onFailure(err -> unavailable(ctx, err));
  }

  /** The request body; null when there is none. */
  static io.vertx.core.buffer.Buffer body(RoutingContext ctx) {
    var body = ctx.body() == null ? null : ctx.body().buffer();
    return body == null || body.length() == 0 ? null : body;
  }

  static JsonNode parse(RoutingContext ctx) throws InvalidInput {
    var body = body(ctx);
    if (body == null) {
      throw new InvalidInput("body is empty; expected a JSON object");
    }
    return parse(body.getBytes());
  }

  private static JsonNode parse(byte[] body) throws InvalidInput {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new InvalidInput("body is not valid JSON");
    }
  }
}
