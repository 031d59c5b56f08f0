package org.ordertracking.topology;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An order backend publishing one order's courier through the load balancer: a location every
 * {@value #INTERVAL_MS} ms, one request at a time (so that the order of events is the order
 * sent), statuses in between when asked. It remembers which seq each accepted event got and every
 * request that failed (a request dropped by a node that is shutting down shows up here).
 */
final class Publisher {
  static final long INTERVAL_MS = 100;

  private final Vertx vertx;
  private final WebClient http;
  private final String apiKey;
  private final String orderId;
  private final Map<Long, String> kinds = new HashMap<>();
  private final List<String> failures = new ArrayList<>();
  private final ArrayDeque<Map.Entry<String, Promise<Long>>> statuses = new ArrayDeque<>();
  private boolean sendLocations = true;
  private long lastSeq;
  private int sent;

  Publisher(Vertx vertx, int port, String apiKey, String orderId) {
    this.vertx = vertx;
    this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    this.apiKey = apiKey;
    this.orderId = orderId;
  }

  void start() {
    vertx.runOnContext(v -> tick());
  }

  /** Publishes {@code status} next (retried until accepted); completes with its seq. */
  synchronized Future<Long> status(String status) {
    Promise<Long> p = Promise.promise();
    statuses.add(Map.entry(status, p));
    return p.future();
  }

  /** No more locations (statuses still go out). */
  synchronized void stopLocations() {
    sendLocations = false;
  }

  synchronized long lastSeq() {
    return lastSeq;
  }

  synchronized Map<Long, String> kinds() {
    return Map.copyOf(kinds);
  }

  synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  private void tick() {
    Map.Entry<String, Promise<Long>> status;
    boolean location;
    synchronized (this) {
      status = statuses.poll();
      location = status == null && sendLocations;
    }
    if (status != null) {
      post("status", new JsonObject().put("status", status.getKey())).onComplete(ar -> {
        if (ar.succeeded()) {
          status.getValue().complete(ar.result());
        } else {
          synchronized (this) {
            statuses.addFirst(status);
          }
        }
        next();
      });
    } else if (location) {
      int i;
      synchronized (this) {
        i = sent++;
      }
      JsonObject body = new JsonObject().put("lat", 52.50 + i * 0.0001).put("lng", 13.40 + i * 0.0001).put("heading", 45.0);
      post("location", body).onComplete(ar -> next());
    } else {
      next();
    }
  }

  private void next() {
    vertx.setTimer(INTERVAL_MS, id -> tick());
  }

  private Future<Long> post(String kind, JsonObject body) {
    return http.post("/api/v1/orders/" + orderId + "/" + kind)
        .putHeader("Authorization", "Bearer " + apiKey)
        .putHeader("Content-Type", "application/json")
        .timeout(5_000)
        .sendBuffer(Buffer.buffer(body.encode()))
        .transform(ar -> accepted(kind, ar.succeeded() ? ar.result() : null, ar.cause()));
  }

  private synchronized Future<Long> accepted(String kind, HttpResponse<Buffer> res, Throwable error) {
    if (res != null && res.statusCode() == 202) {
      // applied:false is a repeat the server already has (a retried request that did arrive).
      long seq = res.bodyAsJsonObject().getLong("seq");
      if (res.bodyAsJsonObject().getBoolean("applied")) {
        kinds.put(seq, kind);
        lastSeq = Math.max(lastSeq, seq);
      }
      return Future.succeededFuture(seq);
    }
    String why = res != null ? res.statusCode() + " " + res.bodyAsString() : String.valueOf(error);
    failures.add(kind + ": " + why);
    return Future.failedFuture(why);
  }

  void close() {
    http.close();
  }
}
