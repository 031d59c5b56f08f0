package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.JarProcess;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.Scrape;
import org.ordertracking.testing.WsClient;

/**
 * Every metric the Grafana dashboard and the alert rules of {@code k8s/monitoring/} use exists in a
 * real scrape: the jar on Redis (as in production: metrics on a management port), after a little
 * traffic (Vert.x registers its HTTP and Redis series on first use; the server's own are there
 * from the start). A renamed metric breaks this test, not a dashboard nobody looks at.
 */
class MonitoringMetricsIT {
  private static final Path MONITORING = Path.of("..", "k8s", "monitoring");
  /** Metric names in PromQL: the families this server exposes. */
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:tracking|vertx|jvm|process|system|netty)_[a-z0-9_]+)\\b");
  private static final String ADMIN = "monitoring-admin-key";
  private static final String API = "monitoring-api-key";

  @Test
  void everyMetricOfTheDashboardAndTheAlertRulesIsInARealScrape() throws IOException {
    Set<String> used = new TreeSet<>();
    used.addAll(metrics(Files.readString(MONITORING.resolve("prometheus/tracking-alerts.rules.yml"))));
    for (var panel : new JsonObject(Files.readString(MONITORING.resolve("grafana/tracking-dashboard.json")))
        .getJsonArray("panels")) {
      var targets = ((JsonObject) panel).getJsonArray("targets");
      if (targets != null) {
        targets.forEach(t -> used.addAll(metrics(((JsonObject) t).getString("expr"))));
      }
    }
    assertTrue(used.size() > 20, "the files name metrics: " + used);

    int metricsPort = org.ordertracking.testing.Ports.free();
    Vertx vertx = Vertx.vertx();
    try (JarProcess server = JarProcess.start("monitoring-metrics", Map.of(
        "TRACKING_HOST", "127.0.0.1",
        "TRACKING_TOKEN_SECRET", "monitoring-test-secret-that-is-long-enough",
        "TRACKING_ADMIN_KEY", ADMIN,
        "TRACKING_API_KEYS", "backend=" + API,
        "TRACKING_REDIS_URL", RedisFixture.shared().url(),
        "TRACKING_METRICS_PORT", Integer.toString(metricsPort),
        "TRACKING_METRICS_HOST", "127.0.0.1")).awaitReady()) {
      WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(server.port()));
      String order = Ids.order().value();
      String token = Await.result(http.post("/api/v1/orders/" + order + "/tracking-links")
          .putHeader("Authorization", "Bearer " + ADMIN).send()).bodyAsJsonObject().getString("token");
      try (WsClient ws = WsClient.connect(vertx, server.port(), token)) {
        ws.next();
        assertEquals(202, Await.result(http.post("/api/v1/orders/" + order + "/location")
            .putHeader("Authorization", "Bearer " + API).putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer("{\"lat\":52.5,\"lng\":13.4}"))).statusCode());
        ws.next();
        Scrape scrape = Scrape.of(metricsPort);
        assertEquals(200, scrape.status());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(scrape.names());
        assertEquals(Set.of(), missing, "metrics the dashboard or the alert rules use but no scrape has");
        assertEquals(404, server.get("/metrics"), "with a management port, not on the main port");
      }
    } finally {
      Await.result(vertx.close());
    }
  }

  private static Set<String> metrics(String promql) {
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(promql);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
