package org.ordertracking.ops.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ordertracking.adapters.AdaptersModule;
import org.ordertracking.config.TrackingConfig;

/**
 * A node's metrics: one Prometheus registry holding the server's own series ({@link
 * MicrometerMetrics}), the JVM's (memory, GC, threads, class loading, CPU, open files, uptime) and,
 * when the node's Vert.x was built by {@link #newVertx}, Vert.x's own (HTTP server and WebSockets,
 * TCP, the Redis client, worker pools, Netty event loops). Built before Vert.x, from the validated
 * configuration, because Vert.x takes its metrics factory at creation.
 */
public final class Telemetry implements AutoCloseable {
  /** Vert.x keeps metrics registries by name, process-wide: each node's Vert.x gets its own. */
  private static final java.util.concurrent.atomic.AtomicInteger REGISTRY_NAMES =
      new java.util.concurrent.atomic.AtomicInteger();

  private final MetricsConfig config;
  private final PrometheusMeterRegistry registry;
  private final MicrometerMetrics metrics;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  private Telemetry(MetricsConfig config, PrometheusMeterRegistry registry, MicrometerMetrics metrics) {
    this.config = config;
    this.registry = registry;
    this.metrics = metrics;
  }

  /** Metrics as the configuration says: on (a registry with every series) or off (no-op, no route). */
  public static Telemetry create(TrackingConfig config) {
    MetricsConfig mc = config.metrics();
    if (!mc.enabled()) {
      return new Telemetry(mc, null, null);
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Set<String> adapters = AdaptersModule.providerNames();
    Set<String> ingest = new TreeSet<>(config.auth().apiKeys().keySet());
    ingest.addAll(adapters);
    Telemetry t = new Telemetry(mc, registry, new MicrometerMetrics(registry, ingest, adapters));
    t.bindJvm();
    return t;
  }

  private void bindJvm() {
    List<MeterBinder> binders = List.of(new ClassLoaderMetrics(), new JvmMemoryMetrics(), new JvmThreadMetrics(),
        new ProcessorMetrics(), new FileDescriptorMetrics(), new UptimeMetrics());
    binders.forEach(b -> b.bindTo(registry));
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    closeables.add(gc);
    JvmHeapPressureMetrics pressure = new JvmHeapPressureMetrics();
    pressure.bindTo(registry);
    closeables.add(pressure);
  }

  /**
   * A Vert.x whose own metrics go to this registry: HTTP server requests and WebSockets, TCP, the
   * Redis client, pools, event loops. Labels are bounded: method, status code and route pattern,
   * never the raw path (it holds tokens and order ids) or a client address.
   */
  public Vertx newVertx() {
    if (registry == null) {
      return Vertx.vertx();
    }
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName("tracking-" + REGISTRY_NAMES.incrementAndGet())
        .setJvmMetricsEnabled(false) // bound above, with GC and heap pressure
        .setNettyMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE,
            Label.POOL_NAME, Label.NAMESPACE))
        .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
        .addDisabledMetricsCategory(MetricsDomain.DATAGRAM_SOCKET);
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  public MetricsConfig config() {
    return config;
  }

  public boolean enabled() {
    return registry != null;
  }

  /** Where the server records: the real metrics, or the no-op twin when metrics are off. */
  public Metrics metrics() {
    return metrics == null ? Metrics.NONE : metrics;
  }

  /** The totals for the operator page; empty when metrics are off. */
  public Optional<MicrometerMetrics.Totals> totals() {
    return metrics == null ? Optional.empty() : Optional.of(metrics.totals());
  }

  /** The registry; null when metrics are off. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every series. */
  public String scrape() {
    return registry == null ? "" : registry.scrape();
  }

  @Override
  public void close() {
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        // a binder that fails to unregister its listener leaves nothing to clean up for us
      }
    }
    if (registry != null) {
      registry.close();
    }
  }
}
