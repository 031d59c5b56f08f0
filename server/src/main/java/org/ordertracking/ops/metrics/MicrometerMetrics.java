package org.ordertracking.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * {@link Metrics} on a Micrometer registry. Every series is registered here, at start-up, with
 * value zero: a scrape shows them all before any traffic (dashboards and alerts can rely on them),
 * and recording is a lookup in a map or array built once plus an increment, with nothing allocated.
 * Labels are bounded: providers are the names configured at start-up (anything else counts as
 * {@code other}), results and codes come from fixed lists. Never an order id, token or path.
 */
public final class MicrometerMetrics implements Metrics {
  /** Close codes of the contract; anything else is counted as {@code other}. */
  static final int[] CLOSE_CODES = {1000, 1001, 1002, 1005, 1006, 1007, 1008, 1009, 1011, 1012, 1013, 4401, 4408};
  static final List<String> WEBHOOK_RESULTS =
      List.of(
          "accepted", "duplicate", "ignored", "unlinked", "superseded", "unauthorized", "malformed",
          "failed");
  static final List<String> POLL_OUTCOMES =
      List.of("ok", "throttled", "error", "timeout", "skipped", "unauthorized", "auth_error", "gone", "malformed",
          "superseded");
  static final String OTHER = "other";
  /** Buckets of the latency histograms: from a millisecond to ten seconds. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final Counter connects;
  private final Counter[] closes = new Counter[CLOSE_CODES.length + 1];
  private final Counter[] refusals = new Counter[Refusal.values().length];
  private final Counter delivered;
  private final Counter conflated;
  private final Timer deliveryLatency;
  private final Map<String, Counter[]> ingest = new HashMap<>();
  private final Map<String, Map<String, Counter>> webhooks = new HashMap<>();
  private final Map<String, Map<String, Counter>> polls = new HashMap<>();
  private final Counter engineReconnects;
  private final Timer[] redisCommands = new Timer[RedisCommand.values().length];

  /**
   * @param ingestProviders names events may be published under (API key names, adapters)
   * @param adapterProviders providers with webhooks or pollers
   */
  public MicrometerMetrics(MeterRegistry registry, Set<String> ingestProviders, Set<String> adapterProviders) {
    connects = Counter.builder("tracking.ws.connects")
        .description("WebSocket upgrades accepted on /ws/track").register(registry);
    for (int i = 0; i < CLOSE_CODES.length; i++) {
      closes[i] = closeCounter(registry, Integer.toString(CLOSE_CODES[i]));
    }
    closes[CLOSE_CODES.length] = closeCounter(registry, OTHER);
    for (Refusal r : Refusal.values()) {
      refusals[r.ordinal()] = Counter.builder("tracking.ws.refusals")
          .description("Upgrades to /ws/track refused before the socket opened, by HTTP status "
              + "(401 token, 429 node full, 503 draining or not ready)")
          .tag("code", Integer.toString(r.status())).register(registry);
    }
    delivered = Counter.builder("tracking.frames.delivered")
        .description("Live frames written to sockets").register(registry);
    conflated = Counter.builder("tracking.locations.conflated")
        .description("Queued locations of slow sockets replaced by a newer one").register(registry);
    deliveryLatency = Timer.builder("tracking.delivery.latency")
        .description("From the engine accepting an event (the frame's ts) to its frame being written to a socket")
        .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    Set<String> ingestNames = new TreeSet<>(ingestProviders);
    ingestNames.add(OTHER);
    for (String provider : ingestNames) {
      Counter[] byResult = new Counter[IngestResult.values().length];
      for (IngestResult r : IngestResult.values()) {
        byResult[r.ordinal()] = Counter.builder("tracking.ingest.events")
            .description("Events handed in for publishing (API, webhooks, pollers), by provider and result")
            .tag("provider", provider).tag("result", r.label()).register(registry);
      }
      ingest.put(provider, byResult);
    }
    Set<String> adapterNames = new TreeSet<>(adapterProviders);
    adapterNames.add(OTHER);
    for (String provider : adapterNames) {
      webhooks.put(provider, labelled(registry, "tracking.webhook.requests",
          "Provider webhook requests answered, by provider and result", provider, "result", WEBHOOK_RESULTS));
      polls.put(provider, labelled(registry, "tracking.poll.requests",
          "Polls of provider APIs, by provider and outcome", provider, "outcome", POLL_OUTCOMES));
    }
    engineReconnects = Counter.builder("tracking.engine.reconnects")
        .description("Times the engine's subscriber connection came back after a loss").register(registry);
    for (RedisCommand c : RedisCommand.values()) {
      redisCommands[c.ordinal()] = Timer.builder("tracking.redis.command.duration")
          .description("The engine's Redis commands, from send to reply")
          .tag("command", c.label()).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }
  }

  private static Counter closeCounter(MeterRegistry registry, String code) {
    return Counter.builder("tracking.ws.closes")
        .description("Tracking sockets closed, by close code (1013: too slow even with conflation)")
        .tag("code", code).register(registry);
  }

  private static Map<String, Counter> labelled(MeterRegistry registry, String name, String description,
      String provider, String key, List<String> values) {
    Map<String, Counter> out = new HashMap<>();
    for (String v : values) {
      out.put(v, Counter.builder(name).description(description).tag("provider", provider).tag(key, v)
          .register(registry));
    }
    out.put(OTHER, Counter.builder(name).description(description).tag("provider", provider).tag(key, OTHER)
        .register(registry));
    return Map.copyOf(out);
  }

  @Override
  public void socketOpened() {
    connects.increment();
  }

  @Override
  public void socketClosed(int code) {
    closes[closeIndex(code)].increment();
  }

  private static int closeIndex(int code) {
    for (int i = 0; i < CLOSE_CODES.length; i++) {
      if (CLOSE_CODES[i] == code) {
        return i;
      }
    }
    return CLOSE_CODES.length;
  }

  @Override
  public void refused(Refusal reason) {
    refusals[reason.ordinal()].increment();
  }

  @Override
  public void framesDelivered(int n) {
    delivered.increment(n);
  }

  @Override
  public void conflated() {
    conflated.increment();
  }

  @Override
  public void publishToWriteLatency(long nanos) {
    deliveryLatency.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  @Override
  public void ingestEvent(String provider, IngestResult result) {
    Counter[] byResult = ingest.get(provider);
    (byResult == null ? ingest.get(OTHER) : byResult)[result.ordinal()].increment();
  }

  @Override
  public void webhook(String provider, String result) {
    count(webhooks, provider, result);
  }

  @Override
  public void poll(String provider, String outcome) {
    count(polls, provider, outcome);
  }

  private static void count(Map<String, Map<String, Counter>> byProvider, String provider, String value) {
    Map<String, Counter> m = byProvider.get(provider);
    if (m == null) {
      m = byProvider.get(OTHER);
    }
    Counter c = m.get(value);
    (c == null ? m.get(OTHER) : c).increment();
  }

  @Override
  public void engineReconnect() {
    engineReconnects.increment();
  }

  @Override
  public void redisCommand(RedisCommand command, long nanos) {
    redisCommands[command.ordinal()].record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  /** Totals since start, for the operator page. */
  public Totals totals() {
    double ingested = 0;
    for (Counter[] byResult : ingest.values()) {
      for (Counter c : byResult) {
        ingested += c.count();
      }
    }
    double webhookTotal = 0;
    double signatureFailures = 0;
    for (Map<String, Counter> m : webhooks.values()) {
      for (Map.Entry<String, Counter> e : m.entrySet()) {
        webhookTotal += e.getValue().count();
        if (e.getKey().equals("unauthorized")) {
          signatureFailures += e.getValue().count();
        }
      }
    }
    Map<String, Long> refusedByCode = new java.util.TreeMap<>();
    for (Refusal r : Refusal.values()) {
      refusedByCode.put(Integer.toString(r.status()), (long) refusals[r.ordinal()].count());
    }
    Map<String, Long> closesByCode = new java.util.TreeMap<>();
    for (int i = 0; i < closes.length; i++) {
      closesByCode.put(i < CLOSE_CODES.length ? Integer.toString(CLOSE_CODES[i]) : OTHER, (long) closes[i].count());
    }
    return new Totals((long) connects.count(), (long) delivered.count(), (long) conflated.count(),
        (long) ingested, (long) webhookTotal, (long) signatureFailures, (long) engineReconnects.count(),
        refusedByCode, closesByCode, deliveryLatency.count() == 0 ? 0 : deliveryLatency.mean(TimeUnit.MILLISECONDS));
  }

  /** What the operator page shows of the counters. */
  public record Totals(long connects, long framesDelivered, long conflated, long ingestEvents, long webhooks,
      long webhookSignatureFailures, long engineReconnects, Map<String, Long> refusals, Map<String, Long> closes,
      double meanDeliveryLatencyMillis) {}
}
