package org.ordertracking.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordertracking.engine.EngineConfig;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.Hub;
import org.ordertracking.engine.PublishOptions;
import org.ordertracking.engine.Subscription;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.PublishResult.Outcome;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;
import org.ordertracking.protocol.Frame;
import org.ordertracking.protocol.FrameScanner;
import org.ordertracking.protocol.Frames;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.ManualClock;

/** The engine rules of PROTOCOL §3/§4 (seq, stale, terminal, sticky state, TTL) on the memory engine. */
@ExtendWith(VertxExtension.class)
class MemoryEngineTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:15:30.123Z");
  private static final Duration TTL = Duration.ofHours(24);
  private static final OrderId O1 = new OrderId("o1");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManualClock clock = new ManualClock(T0);
  private Hub engine;

  @BeforeEach
  void start(Vertx vertx) {
    engine = EngineFactory.memory(vertx, TTL, clock);
  }

  @AfterEach
  void stop() {
    await(engine.close());
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private PublishResult publish(TrackingEvent e) {
    return await(engine.publish(e));
  }

  private Snapshot snapshot(OrderId id) {
    return await(engine.snapshot(id));
  }

  private static LocationUpdate loc(OrderId id, double lat, double lng, Instant recordedAt) {
    return new LocationUpdate(id, new Location(lat, lng, null, null, null, recordedAt), "p", null);
  }

  private static LocationUpdate loc(Instant recordedAt) {
    return loc(O1, 52.5, 13.4, recordedAt);
  }

  private static StatusChange status(OrderStatus s) {
    return new StatusChange(O1, s, null, null, null, null, "p");
  }

  private static void assertResult(Outcome outcome, long seq, PublishResult r) {
    assertEquals(new PublishResult(outcome, seq), r);
  }

  /** Collects frames; the checkpoint flags each arrival. */
  private static FrameListener collector(List<Frame> into, Checkpoint arrived) {
    return frame -> {
      into.add(frame);
      arrived.flag();
    };
  }

  // --- seq ---------------------------------------------------------------------------------

  @Test
  void seqStartsAtOneAndIncreasesByOnePerAcceptedEvent() {
    assertResult(Outcome.APPLIED, 1, publish(status(OrderStatus.PLACED)));
    assertResult(Outcome.APPLIED, 2, publish(loc(T0)));
    assertResult(Outcome.APPLIED, 3, publish(loc(T0.plusSeconds(1))));
    assertResult(Outcome.APPLIED, 4, publish(status(OrderStatus.PICKED_UP)));
    assertEquals(4, snapshot(O1).seq());
  }

  @Test
  void seqIsPerOrder() {
    OrderId o2 = new OrderId("o2");
    assertEquals(1, publish(loc(T0)).seq());
    assertEquals(2, publish(loc(T0)).seq());
    assertEquals(1, publish(loc(o2, 1, 2, T0)).seq());
    assertEquals(3, publish(loc(T0)).seq());
    assertEquals(1, snapshot(o2).seq());
  }

  @Test
  void snapshotOfAnUnknownOrderIsEmpty() {
    Snapshot s = snapshot(new OrderId("never-seen"));
    assertEquals(0, s.seq());
    assertNull(s.status());
    assertTrue(s.isUnknown());
    assertEquals(
        "{\"type\":\"snapshot\",\"orderId\":\"never-seen\",\"seq\":0,\"status\":null,\"location\":null,"
            + "\"eta\":null,\"courier\":null,\"dropoff\":null,\"reason\":null,\"updatedAt\":null}",
        Frames.snapshot(s));
  }

  // --- stale locations ---------------------------------------------------------------------

  @Test
  void olderLocationIsIgnoredAndLeavesSeqAndStateUnchanged() {
    publish(loc(O1, 52.5, 13.4, T0));
    PublishResult r = publish(loc(O1, 10, 10, T0.minusMillis(1)));
    assertResult(Outcome.IGNORED, 1, r);
    Snapshot s = snapshot(O1);
    assertEquals(1, s.seq());
    assertTrue(s.locationJson().startsWith("{\"lat\":52.5,\"lng\":13.4,"), s.locationJson());
  }

  @Test
  void locationWithTheSameRecordedAtIsApplied() {
    publish(loc(O1, 52.5, 13.4, T0));
    assertResult(Outcome.APPLIED, 2, publish(loc(O1, 52.6, 13.5, T0)));
    assertTrue(snapshot(O1).locationJson().startsWith("{\"lat\":52.6,\"lng\":13.5,"));
  }

  @Test
  void staleRuleComparesWithTheLatestAppliedLocationNotTheLastReceived() {
    publish(loc(T0.plusSeconds(10)));
    assertEquals(Outcome.IGNORED, publish(loc(T0.plusSeconds(5))).outcome());
    assertEquals(Outcome.IGNORED, publish(loc(T0.plusSeconds(9))).outcome());
    assertResult(Outcome.APPLIED, 2, publish(loc(T0.plusSeconds(11))));
  }

  @Test
  void ignoredLocationIsNotPublished(VertxTestContext ctx) {
    List<Frame> frames = new CopyOnWriteArrayList<>();
    Checkpoint arrived = ctx.checkpoint(2);
    await(engine.subscribe(O1, collector(frames, arrived)).ready());
    publish(loc(T0.plusSeconds(10)));
    assertEquals(Outcome.IGNORED, publish(loc(T0)).outcome());
    publish(loc(T0.plusSeconds(20)));
    // Frames arrive in order: had the stale one been published, it would be the second frame.
    waitFor(ctx);
    assertEquals(List.of(1L, 2L), frames.stream().map(Frame::seq).toList());
    assertTrue(frames.get(1).bytes().toString().contains("\"recordedAt\":\"2026-11-21T10:15:50.123Z\""));
  }

  // --- terminal statuses -------------------------------------------------------------------

  @Test
  void locationAfterDeliveredIsRefusedAndNotApplied() {
    publish(loc(T0));
    publish(status(OrderStatus.DELIVERED));
    assertResult(Outcome.REFUSED_TERMINAL, 2, publish(loc(T0.plusSeconds(60))));
    Snapshot s = snapshot(O1);
    assertEquals(2, s.seq());
    assertNull(s.locationJson(), "neither the refused position nor the last one is served");
  }

  @Test
  void locationAfterCancelledIsRefused() {
    publish(status(OrderStatus.CANCELLED));
    assertResult(Outcome.REFUSED_TERMINAL, 1, publish(loc(T0)));
  }

  @Test
  void sameTerminalStatusAgainIsIgnored() {
    publish(status(OrderStatus.PICKED_UP));
    publish(status(OrderStatus.DELIVERED));
    assertResult(Outcome.IGNORED, 2, publish(status(OrderStatus.DELIVERED)));
    assertEquals(2, snapshot(O1).seq());
  }

  @Test
  void differentStatusAfterTerminalIsRefused() {
    publish(status(OrderStatus.DELIVERED));
    assertResult(Outcome.REFUSED_TERMINAL, 1, publish(status(OrderStatus.CANCELLED)));
    assertResult(Outcome.REFUSED_TERMINAL, 1, publish(status(OrderStatus.PICKED_UP)));
    assertEquals(OrderStatus.DELIVERED, snapshot(O1).status());
  }

  @Test
  void nonTerminalStatusMayRepeatAndIsApplied() {
    publish(status(OrderStatus.NEARBY));
    assertResult(Outcome.APPLIED, 2, publish(status(OrderStatus.NEARBY)));
  }

  @Test
  void refusedAndIgnoredEventsAfterTerminalAreNotPublished(VertxTestContext ctx) {
    OrderId o2 = new OrderId("o2");
    List<Frame> frames = new CopyOnWriteArrayList<>();
    Checkpoint arrived = ctx.checkpoint(2);
    await(engine.subscribe(O1, collector(frames, arrived)).ready());
    publish(status(OrderStatus.DELIVERED));
    publish(loc(T0));
    publish(status(OrderStatus.DELIVERED));
    publish(status(OrderStatus.PICKED_UP));
    // Prove nothing else was published for o1: frames reach this listener in order, so a frame
    // published on another order afterwards must be the very next one it sees.
    await(engine.subscribe(o2, collector(frames, arrived)).ready());
    publish(loc(o2, 1, 1, T0));
    waitFor(ctx);
    assertEquals(2, frames.size());
    assertEquals(Frame.Kind.TERMINAL_STATUS, frames.get(0).kind());
    assertTrue(frames.get(1).bytes().toString().startsWith("{\"type\":\"location\",\"orderId\":\"o2\",\"seq\":1,"));
  }

  // --- merged state ------------------------------------------------------------------------

  @Test
  void courierAndDropoffAreStickyWhileEtaIsReplaced() {
    Instant eta = Instant.parse("2026-11-21T10:45:00Z");
    publish(new StatusChange(O1, OrderStatus.COURIER_ASSIGNED, eta,
        new Courier("Alex", "bicycle"), new LatLng(52.5, 13.4), null, "p"));
    publish(new StatusChange(O1, OrderStatus.PICKED_UP, null, null, null, null, "p"));
    Snapshot s = snapshot(O1);
    assertEquals(OrderStatus.PICKED_UP, s.status());
    assertNull(s.etaJson(), "an absent eta means no estimate: it replaces the old one");
    assertEquals("{\"name\":\"Alex\",\"vehicle\":\"bicycle\"}", s.courierJson());
    assertEquals("{\"lat\":52.5,\"lng\":13.4}", s.dropoffJson());

    publish(new StatusChange(O1, OrderStatus.NEARBY, eta.plusSeconds(60),
        new Courier("Sam", null), null, null, "p"));
    s = snapshot(O1);
    assertEquals("\"2026-11-21T10:46:00.000Z\"", s.etaJson());
    assertEquals("{\"name\":\"Sam\"}", s.courierJson(), "a new courier replaces the old one");
    assertEquals("{\"lat\":52.5,\"lng\":13.4}", s.dropoffJson());
  }

  @Test
  void statusFrameCarriesTheMergedCourierAndDropoff(VertxTestContext ctx) {
    List<Frame> frames = new CopyOnWriteArrayList<>();
    Checkpoint arrived = ctx.checkpoint(2);
    await(engine.subscribe(O1, collector(frames, arrived)).ready());
    publish(new StatusChange(O1, OrderStatus.COURIER_ASSIGNED, null,
        new Courier("Alex", "bicycle"), new LatLng(52.5, 13.4), null, "p"));
    clock.advance(Duration.ofSeconds(5));
    publish(status(OrderStatus.DELIVERED));
    waitFor(ctx);
    assertEquals(
        "{\"type\":\"status\",\"orderId\":\"o1\",\"seq\":2,\"ts\":1795256135123,\"status\":\"DELIVERED\",\"eta\":null,"
            + "\"courier\":{\"name\":\"Alex\",\"vehicle\":\"bicycle\"},\"dropoff\":{\"lat\":52.5,\"lng\":13.4},"
            + "\"reason\":null,\"at\":\"2026-11-21T10:15:35.123Z\"}",
        frames.get(1).bytes().toString());
  }

  @Test
  void locationAndStatusAreKeptSideBySideInTheSnapshot() {
    publish(new LocationUpdate(O1, new Location(52.52, 13.405, 90.0, 4.2, 8.0, T0), "uber", "r-1"));
    clock.advance(Duration.ofSeconds(2));
    publish(new StatusChange(O1, OrderStatus.PICKED_UP, Instant.parse("2026-11-21T10:30:00Z"),
        new Courier("Alex", "bicycle"), new LatLng(52.5, 13.4), null, "uber"));
    assertEquals(
        "{\"type\":\"snapshot\",\"orderId\":\"o1\",\"seq\":2,\"status\":\"PICKED_UP\","
            + "\"location\":{\"lat\":52.52,\"lng\":13.405,\"heading\":90.0,\"speed\":4.2,\"accuracy\":8.0,"
            + "\"recordedAt\":\"2026-11-21T10:15:30.123Z\"},"
            + "\"eta\":\"2026-11-21T10:30:00.000Z\",\"courier\":{\"name\":\"Alex\",\"vehicle\":\"bicycle\"},"
            + "\"dropoff\":{\"lat\":52.5,\"lng\":13.4},\"reason\":null,\"updatedAt\":\"2026-11-21T10:15:32.123Z\"}",
        Frames.snapshot(snapshot(O1)));
  }

  // --- live frames -------------------------------------------------------------------------

  @Test
  void listenerReceivesFramesInSeqOrderWithTheExactContractBytes(VertxTestContext ctx) throws Exception {
    List<Frame> frames = new CopyOnWriteArrayList<>();
    Checkpoint arrived = ctx.checkpoint(4);
    await(engine.subscribe(O1, collector(frames, arrived)).ready());

    publish(new LocationUpdate(O1, new Location(52.52, 13.405, 90.0, 4.2, 8.0, T0), "uber", "r-\"1\""));
    publish(new LocationUpdate(O1, new Location(52.53, 13.4, null, null, null, T0.plusSeconds(1)), "p", null));
    clock.advance(Duration.ofSeconds(3));
    publish(new StatusChange(O1, OrderStatus.PICKED_UP, Instant.parse("2026-11-21T10:30:00Z"),
        new Courier("Alex", "bicycle"), new LatLng(52.5, 13.4), null, "uber"));
    publish(new LocationUpdate(O1, new Location(52.54, 13.41, 0.0, 0.0, 0.0, T0.plusSeconds(2)), "p", "x"));
    waitFor(ctx);

    assertEquals(List.of(1L, 2L, 3L, 4L), frames.stream().map(Frame::seq).toList());
    assertEquals(
        "{\"type\":\"location\",\"orderId\":\"o1\",\"seq\":1,\"ts\":1795256130123,\"location\":{\"lat\":52.52,\"lng\":13.405,"
            + "\"heading\":90.0,\"speed\":4.2,\"accuracy\":8.0,\"recordedAt\":\"2026-11-21T10:15:30.123Z\"},"
            + "\"provider\":\"uber\",\"ref\":\"r-\\\"1\\\"\"}",
        frames.get(0).bytes().toString());
    assertEquals(
        "{\"type\":\"location\",\"orderId\":\"o1\",\"seq\":2,\"ts\":1795256130123,\"location\":{\"lat\":52.53,\"lng\":13.4,"
            + "\"recordedAt\":\"2026-11-21T10:15:31.123Z\"},\"provider\":\"p\"}",
        frames.get(1).bytes().toString());
    assertEquals(
        "{\"type\":\"status\",\"orderId\":\"o1\",\"seq\":3,\"ts\":1795256133123,\"status\":\"PICKED_UP\","
            + "\"eta\":\"2026-11-21T10:30:00.000Z\",\"courier\":{\"name\":\"Alex\",\"vehicle\":\"bicycle\"},"
            + "\"dropoff\":{\"lat\":52.5,\"lng\":13.4},\"reason\":null,\"at\":\"2026-11-21T10:15:33.123Z\"}",
        frames.get(2).bytes().toString());
    assertEquals(
        List.of(Frame.Kind.LOCATION, Frame.Kind.LOCATION, Frame.Kind.STATUS, Frame.Kind.LOCATION),
        frames.stream().map(Frame::kind).toList());

    for (Frame f : frames) {
      // Valid JSON, and what the engine says about each frame matches what the bytes say.
      JSON.readTree(f.bytes().getBytes());
      Frame scanned = FrameScanner.scan(O1, f.bytes());
      assertEquals(f.seq(), scanned.seq());
      assertEquals(f.ts(), scanned.ts());
      assertEquals(f.kind(), scanned.kind());
    }
  }

  @Test
  void terminalStatusFrameIsMarkedTerminal(VertxTestContext ctx) {
    List<Frame> frames = new CopyOnWriteArrayList<>();
    Checkpoint arrived = ctx.checkpoint(1);
    await(engine.subscribe(O1, collector(frames, arrived)).ready());
    publish(status(OrderStatus.CANCELLED));
    waitFor(ctx);
    assertTrue(frames.get(0).terminal());
    assertEquals(Frame.Kind.TERMINAL_STATUS, FrameScanner.scan(O1, frames.get(0).bytes()).kind());
  }

  @Test
  void listenerOfAnotherOrderReceivesNothing(VertxTestContext ctx) {
    List<Frame> other = new CopyOnWriteArrayList<>();
    List<Frame> mine = new CopyOnWriteArrayList<>();
    Checkpoint arrived = ctx.checkpoint(1);
    await(engine.subscribe(new OrderId("o2"), other::add).ready());
    await(engine.subscribe(O1, collector(mine, arrived)).ready());
    publish(loc(T0));
    waitFor(ctx);
    assertEquals(1, mine.size());
    assertTrue(other.isEmpty());
  }

  @Test
  void oneSubscriptionPerOrderIsCountedAndTheLastCancelReleasesIt() {
    FrameListener a = f -> {};
    FrameListener b = f -> {};
    Subscription sa = engine.subscribe(O1, a);
    Subscription sb = engine.subscribe(O1, b);
    await(sa.ready());
    await(sb.ready());
    assertEquals(1, engine.subscriptions());
    sa.cancel();
    assertEquals(1, engine.subscriptions());
    sb.cancel();
    Await.until("released", () -> engine.subscriptions() == 0);
  }

  // --- expiry ------------------------------------------------------------------------------

  @Test
  void stateExpiresAfterTheTtl() {
    publish(status(OrderStatus.PICKED_UP));
    clock.advance(TTL.minusMillis(1));
    assertEquals(1, snapshot(O1).seq(), "still there just before the TTL");
    clock.advance(Duration.ofMillis(2));
    Snapshot s = snapshot(O1);
    assertEquals(0, s.seq());
    assertNull(s.status());
  }

  @Test
  void ttlIsCountedFromTheLastAcceptedEvent() {
    publish(status(OrderStatus.PICKED_UP));
    clock.advance(Duration.ofHours(23));
    publish(loc(clock.instant()));
    clock.advance(Duration.ofHours(23));
    assertEquals(2, snapshot(O1).seq(), "the second event pushed the expiry back");
    clock.advance(Duration.ofHours(1).plusMillis(1));
    assertEquals(0, snapshot(O1).seq());
  }

  @Test
  void refusedEventsDoNotKeepAFinishedOrderAlive() {
    publish(status(OrderStatus.DELIVERED));
    clock.advance(Duration.ofHours(20));
    assertEquals(Outcome.REFUSED_TERMINAL, publish(loc(clock.instant())).outcome());
    assertEquals(Outcome.IGNORED, publish(status(OrderStatus.DELIVERED)).outcome());
    clock.advance(Duration.ofHours(4).plusMillis(1));
    assertEquals(0, snapshot(O1).seq());
  }

  // --- idempotency keys ----------------------------------------------------------------------

  @Test
  void anIdempotencyKeyIsForgottenAfterItsTtl(Vertx vertx) {
    Hub small = EngineFactory.memory(vertx, new EngineConfig(null, TTL, Duration.ofMinutes(1), 100), clock,
        Hub.DEFAULT_SCOPE);
    PublishOptions key = PublishOptions.providerEvent("uber:e1#0");
    assertEquals(Outcome.APPLIED, await(small.publish(status(OrderStatus.PLACED), key)).outcome());
    clock.advance(Duration.ofSeconds(59));
    assertEquals(Outcome.DUPLICATE, await(small.publish(status(OrderStatus.PLACED), key)).outcome());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(Outcome.APPLIED, await(small.publish(status(OrderStatus.PLACED), key)).outcome());
  }

  @Test
  void theMemoryOfKeysIsBoundedAndForgetsTheOldestFirst(Vertx vertx) {
    Hub small = EngineFactory.memory(vertx, new EngineConfig(null, TTL, Duration.ofHours(1), 100), clock,
        Hub.DEFAULT_SCOPE);
    for (int i = 0; i < 150; i++) {
      await(small.publish(loc(T0.plusMillis(i)), PublishOptions.providerEvent("e" + i)));
    }
    assertEquals(Outcome.DUPLICATE, await(small.publish(loc(T0.plusSeconds(9)), PublishOptions.providerEvent("e149"))).outcome());
    assertEquals(Outcome.APPLIED, await(small.publish(loc(T0.plusSeconds(9)), PublishOptions.providerEvent("e0"))).outcome(),
        "the oldest keys were forgotten to stay within the bound");
  }

  private static void waitFor(VertxTestContext ctx) {
    try {
      assertTrue(ctx.awaitCompletion(5, TimeUnit.SECONDS), "frames did not arrive in time");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    if (ctx.failed()) {
      throw new AssertionError(ctx.causeOfFailure());
    }
  }
}
