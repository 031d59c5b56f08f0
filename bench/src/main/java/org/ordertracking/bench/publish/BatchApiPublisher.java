package org.ordertracking.bench.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Publishes through the server's ingest path: {@code POST /api/v1/events} batches (what came due
 * in the last {@link #TICK_MS} ms, at most 1000 events each, as an order backend flushing its
 * buffer), so the server validates, runs its Redis
 * publish script, assigns the seq and fans out. The seqs it answers are recorded per order for the
 * clients' tail check; events answered {@code applied:false} or with an error are counted.
 */
public final class BatchApiPublisher extends PacedPublisher {
  static final long TICK_MS = 10;
  private static final int MAX_BATCH = 1000;
  private static final int CONNECTIONS = 16;

  private final HttpClient http;
  private final int port;
  private final String authorization;
  private long inFlight;

  public BatchApiPublisher(Vertx vertx, int port, String apiKey, EventPlan plan) {
    super(vertx, plan, TICK_MS);
    this.port = port;
    this.authorization = "Bearer " + apiKey;
    this.http = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(CONNECTIONS));
  }

  @Override
  protected void emit(int count, long refMicros) {
    String recordedAt = Instant.ofEpochMilli(refMicros / 1000).toString();
    while (count > 0) {
      int n = Math.min(count, MAX_BATCH);
      count -= n;
      int[] orders = new int[n];
      StringBuilder body = new StringBuilder(64 + n * 160).append("{\"events\":[");
      for (int i = 0; i < n; i++) {
        orders[i] = plan.nextOrder();
        if (i > 0) {
          body.append(',');
        }
        appendEvent(body, plan.orderId(orders[i]), recordedAt, refMicros);
      }
      send(body.append("]}").toString(), orders);
    }
  }

  static void appendEvent(StringBuilder sb, String orderId, String recordedAt, long refMicros) {
    sb.append("{\"type\":\"location\",\"orderId\":\"").append(orderId)
        .append("\",\"location\":{\"lat\":52.52,\"lng\":13.405,\"heading\":90.0,\"speed\":4.2,\"accuracy\":8.0,")
        .append("\"recordedAt\":\"").append(recordedAt).append("\"},\"ref\":\"").append(refMicros).append("\"}");
  }

  private void send(String body, int[] orders) {
    inFlight++;
    http.request(new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/api/v1/events")
            .putHeader("Content-Type", "application/json")
            .putHeader("Authorization", authorization))
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + resp.statusCode() + ": " + b);
          }
          return b;
        }))
        .onComplete(ar -> {
          inFlight--;
          if (ar.failed()) {
            failed += orders.length;
            return;
          }
          count(new JsonObject(ar.result()).getJsonArray("results"), orders);
        });
  }

  private void count(JsonArray results, int[] orders) {
    for (int i = 0; i < orders.length; i++) {
      JsonObject r = results.getJsonObject(i);
      if (r.containsKey("error")) {
        failed++;
      } else {
        acknowledged++;
        plan.seen(orders[i], r.getLong("seq"));
        if (!r.getBoolean("applied", false)) {
          notApplied++;
        }
      }
    }
  }

  @Override
  protected long outstanding() {
    return inFlight;
  }

  @Override
  public Future<Void> close() {
    return http.close();
  }
}
