package org.ordertracking.engine.redis.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ordertracking.engine.EngineConfig;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.Hub;
import org.ordertracking.engine.redis.RedisConfig;
import org.ordertracking.engine.redis.RedisMode;
import org.ordertracking.engine.redis.RedisSetup;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.RedisClusterFixture;

/**
 * The measurement behind {@code TRACKING_REDIS_WAIT_REPLICAS} in docs/cluster.md: publish latency
 * (one publish at a time) and throughput (64 in flight) on a local 3-master, 3-replica cluster,
 * without WAIT and with WAIT for one replica. Not a test; run on demand:
 *
 * <pre>
 * ./mvnw -B -q -pl server -am package -DskipTests
 * CP="server/target/test-classes:server/target/tracking-server.jar:$(find ~/.m2/repository/org/testcontainers -name 'testcontainers-2*.jar' | head -1)"
 * java -cp "$CP" org.ordertracking.engine.redis.cluster.ClusterWaitCost 5000
 * </pre>
 */
public final class ClusterWaitCost {
  private ClusterWaitCost() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    try (RedisClusterFixture cluster = RedisClusterFixture.start()) {
      List<String> seeds = Arrays.stream(cluster.url().split(",")).toList();
      for (int round = 0; round < 2; round++) { // the first round warms the JVM up
        for (int wait : new int[] {0, 1}) {
          Vertx vertx = Vertx.vertx();
          try {
            RedisConfig config = new RedisConfig(RedisMode.CLUSTER, seeds, wait, Duration.ofSeconds(1));
            Hub engine = Await.result(EngineFactory.redis(vertx, RedisSetup.create(vertx, config),
                EngineConfig.defaults(Duration.ofMinutes(10)), Clock.systemUTC(), Hub.Scope.NODE));
            long[] lat = sequential(engine, n);
            double perSecond = concurrent(vertx, engine, n, 64);
            Arrays.sort(lat);
            System.out.printf("%s WAIT %d: one at a time p50 %d µs, p99 %d µs; 64 in flight %.0f publishes/s%n",
                round == 0 ? "warm-up" : "measured", wait, lat[n / 2] / 1000, lat[n * 99 / 100] / 1000, perSecond);
            Await.result(engine.close());
          } finally {
            Await.result(vertx.close());
          }
        }
      }
    }
  }

  private static LocationUpdate event(int i) {
    return new LocationUpdate(new OrderId("cost-" + (i % 300)),
        new Location(52.5, 13.4, null, null, null, Instant.now()), "bench", null);
  }

  private static long[] sequential(Hub engine, int n) {
    long[] lat = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      Await.result(engine.publish(event(i)));
      lat[i] = System.nanoTime() - t;
    }
    return lat;
  }

  private static double concurrent(Vertx vertx, Hub engine, int n, int inFlight) {
    Promise<Void> done = Promise.promise();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    long t = System.nanoTime();
    vertx.runOnContext(v -> {
      for (int k = 0; k < inFlight; k++) {
        pump(engine, n, next, finished, done);
      }
    });
    Await.result(done.future());
    return n / ((System.nanoTime() - t) / 1e9);
  }

  private static void pump(Hub engine, int n, AtomicInteger next, AtomicInteger finished, Promise<Void> done) {
    int i = next.getAndIncrement();
    if (i >= n) {
      return;
    }
    Future<?> f = engine.publish(event(i));
    f.onComplete(ar -> {
      if (finished.incrementAndGet() == n) {
        done.tryComplete();
      } else {
        pump(engine, n, next, finished, done);
      }
    });
  }
}
