package org.ordertracking.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ordertracking.testing.Await.next;
import static org.ordertracking.testing.Await.result;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.ordertracking.protocol.Frames;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.ManualClock;

/**
 * The guarantees of {@link TrackingEngine}, checked the same way against every engine. Subclasses
 * only say how to build one.
 */
public abstract class EngineContract {
  /** The engine's clock: frames carry its time, so the pinned bytes below are exact. */
  protected static final Instant T0 = Instant.parse("2026-11-21T10:15:30.123Z");

  protected Vertx vertx;
  protected TrackingEngine engine;
  protected final ManualClock clock = new ManualClock(T0);

  protected abstract TrackingEngine createEngine(Vertx vertx, Clock clock);

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    engine = createEngine(vertx, clock);
  }

  @AfterEach
  void tearDown() {
    result(engine.close());
    result(vertx.close());
  }

  protected static LocationUpdate location(OrderId id, double lat, Instant recordedAt) {
    return new LocationUpdate(id, new Location(lat, 13.4, 90.0, 4.2, 8.0, recordedAt), "test", "r-" + lat);
  }

  protected static StatusChange status(OrderId id, OrderStatus status) {
    return new StatusChange(id, status, null, null, null, null, "test");
  }

  /** Subscribes and returns the queue the frames land in. */
  protected BlockingQueue<Frame> watch(OrderId id) {
    BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    result(engine.subscribe(id, frames::add).ready());
    return frames;
  }

  @Test
  void seqStartsAtOneAndIncreasesStrictly() {
    OrderId id = Ids.order();
    Instant t = Instant.now();
    for (int i = 1; i <= 5; i++) {
      PublishResult r = result(engine.publish(location(id, 52 + i * 0.001, t.plusSeconds(i))));
      assertEquals(new PublishResult(Outcome.APPLIED, i), r);
    }
    assertEquals(6, result(engine.publish(status(id, OrderStatus.PICKED_UP))).seq());
  }

  /**
   * A batch longer than the Redis engine's events per script call, with one order's events spread
   * from its start to its end: each event's outcome is what publishing them one by one in batch
   * order would give, and the order's frames come in seq order.
   */
  @Test
  void publishAllGivesEveryEventTheOutcomeOfPublishingThemOneByOneInBatchOrder() {
    OrderId a = Ids.order();
    OrderId b = Ids.order();
    BlockingQueue<Frame> framesOfA = watch(a);
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<TrackingEvent> events = new ArrayList<>();
    List<PublishResult> expected = new ArrayList<>();
    events.add(location(a, 52.1, t));
    expected.add(new PublishResult(Outcome.APPLIED, 1));
    List<OrderId> others = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      OrderId other = Ids.order();
      others.add(other);
      events.add(location(other, 52.0, t));
      expected.add(new PublishResult(Outcome.APPLIED, 1));
    }
    events.add(location(a, 52.2, t.minusSeconds(1)));
    expected.add(new PublishResult(Outcome.IGNORED, 1));
    events.add(status(a, OrderStatus.PICKED_UP));
    expected.add(new PublishResult(Outcome.APPLIED, 2));
    for (OrderId other : others.subList(0, 60)) {
      events.add(location(other, 52.3, t.plusSeconds(1)));
      expected.add(new PublishResult(Outcome.APPLIED, 2));
    }
    events.add(status(a, OrderStatus.DELIVERED));
    expected.add(new PublishResult(Outcome.APPLIED, 3));
    events.add(location(a, 52.4, t.plusSeconds(2)));
    expected.add(new PublishResult(Outcome.REFUSED_TERMINAL, 3));
    events.add(status(b, OrderStatus.CANCELLED));
    expected.add(new PublishResult(Outcome.APPLIED, 1));
    events.add(status(b, OrderStatus.CANCELLED));
    expected.add(new PublishResult(Outcome.IGNORED, 1));

    var outcomes = result(engine.publishAll(events));
    assertEquals(events.size(), outcomes.size());
    for (int i = 0; i < events.size(); i++) {
      assertTrue(outcomes.get(i).succeeded(), "event " + i + ": " + outcomes.get(i).cause());
      assertEquals(expected.get(i), outcomes.get(i).result(), "event " + i);
    }
    Frame first = next(framesOfA);
    assertEquals(1, first.seq());
    assertEquals(Frames.location((LocationUpdate) events.get(0), T0.toEpochMilli()).glue(1, "", ""),
        first.bytes().toString());
    assertEquals(2, next(framesOfA).seq());
    Frame last = next(framesOfA);
    assertEquals(3, last.seq());
    assertTrue(last.bytes().toString().contains("\"status\":\"DELIVERED\""));
    assertEquals(OrderStatus.DELIVERED, result(engine.snapshot(a)).status());
    assertEquals(2, result(engine.snapshot(others.get(0))).seq());
    assertEquals(1, result(engine.snapshot(others.get(149))).seq());
    assertTrue(result(engine.publishAll(List.of())).isEmpty());
  }

  @Test
  void unknownOrderHasAnEmptySnapshot() {
    Snapshot s = result(engine.snapshot(Ids.order()));
    assertEquals(0, s.seq());
    assertNull(s.status());
    assertTrue(s.isUnknown());
    assertEquals("{\"type\":\"snapshot\",\"orderId\":\"" + s.orderId() + "\",\"seq\":0,\"status\":null,"
        + "\"location\":null,\"eta\":null,\"courier\":null,\"dropoff\":null,\"reason\":null,\"updatedAt\":null}",
        Frames.snapshot(s));
  }

  @Test
  void staleLocationIsAcknowledgedButNotPublished() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = watch(id);
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    result(engine.publish(location(id, 52.1, t)));
    PublishResult stale = result(engine.publish(location(id, 52.2, t.minusSeconds(1))));
    assertEquals(new PublishResult(Outcome.IGNORED, 1), stale);
    result(engine.publish(location(id, 52.3, t.plusSeconds(1))));

    assertEquals(1, next(frames).seq());
    Frame second = next(frames);
    assertEquals(2, second.seq(), "the stale location must not have been published");
    assertTrue(second.bytes().toString().contains("52.3"));
    assertEquals(52.3, new JsonObject(result(engine.snapshot(id)).locationJson()).getDouble("lat"));
  }

  @Test
  void locationWithTheSameRecordedAtIsApplied() {
    OrderId id = Ids.order();
    Instant t = Instant.now();
    result(engine.publish(location(id, 52.1, t)));
    assertTrue(result(engine.publish(location(id, 52.2, t))).applied());
  }

  @Test
  void afterATerminalStatusLocationsAndOtherStatusesAreRefused() {
    OrderId id = Ids.order();
    result(engine.publish(status(id, OrderStatus.PICKED_UP)));
    assertEquals(2, result(engine.publish(status(id, OrderStatus.DELIVERED))).seq());

    assertEquals(new PublishResult(Outcome.REFUSED_TERMINAL, 2),
        result(engine.publish(location(id, 52.1, Instant.now()))));
    assertEquals(new PublishResult(Outcome.REFUSED_TERMINAL, 2),
        result(engine.publish(status(id, OrderStatus.PICKED_UP))));
    assertEquals(new PublishResult(Outcome.IGNORED, 2),
        result(engine.publish(status(id, OrderStatus.DELIVERED))), "a repeated terminal status is idempotent");
    assertTrue(result(engine.snapshot(id)).isTerminal());
  }

  @Test
  void courierAndDropoffAreKeptUntilReplacedWhileEtaIsPerStatus() {
    OrderId id = Ids.order();
    Instant eta = Instant.parse("2030-01-01T10:00:00Z");
    result(engine.publish(new StatusChange(id, OrderStatus.COURIER_ASSIGNED, eta,
        new Courier("Ana", "bike"), new LatLng(52.5, 13.4), null, "test")));
    BlockingQueue<Frame> frames = watch(id);
    result(engine.publish(status(id, OrderStatus.PICKED_UP)));

    JsonObject frame = new JsonObject(next(frames).bytes());
    assertEquals("status", frame.getString("type"));
    assertEquals("PICKED_UP", frame.getString("status"));
    assertEquals("Ana", frame.getJsonObject("courier").getString("name"));
    assertEquals(52.5, frame.getJsonObject("dropoff").getDouble("lat"));
    assertNull(frame.getValue("eta"));
    assertTrue(frame.containsKey("at"));

    JsonObject snap = new JsonObject(Frames.snapshot(result(engine.snapshot(id))));
    assertEquals("PICKED_UP", snap.getString("status"));
    assertEquals("bike", snap.getJsonObject("courier").getString("vehicle"));
    assertEquals(2, snap.getLong("seq"));
  }

  @Test
  void framesCarryTheContractFieldsAndArriveInSeqOrder() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = watch(id);
    Instant t = Instant.parse("2026-11-21T10:15:30.123Z");
    io.vertx.core.Future<?> chain = io.vertx.core.Future.succeededFuture();
    for (int i = 0; i < 50; i++) {
      LocationUpdate event = location(id, 52 + i * 0.0001, t.plusMillis(i));
      chain = chain.compose(x -> engine.publish(event));
    }
    result(chain);
    for (int i = 1; i <= 50; i++) {
      Frame f = next(frames);
      assertEquals(i, f.seq());
      assertEquals(Frame.Kind.LOCATION, f.kind());
    }
    JsonObject last = new JsonObject(Frames.snapshot(result(engine.snapshot(id))));
    assertEquals(50, last.getLong("seq"));
    assertEquals("snapshot", last.getString("type"));
  }

  @Test
  void locationFrameIsExactlyTheContractJson() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = watch(id);
    clock.advance(Duration.ofSeconds(1));
    result(engine.publish(location(id, 52.52, T0)));
    Frame frame = next(frames);
    assertEquals(
        "{\"type\":\"location\",\"orderId\":\"" + id + "\",\"seq\":1,\"ts\":1795256131123,\"location\":{\"lat\":52.52,"
            + "\"lng\":13.4,\"heading\":90.0,\"speed\":4.2,\"accuracy\":8.0,"
            + "\"recordedAt\":\"2026-11-21T10:15:30.123Z\"},\"provider\":\"test\",\"ref\":\"r-52.52\"}",
        frame.bytes().toString());
    assertEquals(1795256131123L, frame.ts(), "the frame carries the time the engine accepted it");
  }

  @Test
  void statusFramesAndTheSnapshotAreExactlyTheContractJson() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = watch(id);
    result(engine.publish(new StatusChange(id, OrderStatus.COURIER_ASSIGNED, Instant.parse("2026-11-21T10:45:00Z"),
        new Courier("Ana \"A\"", "bike"), new LatLng(52.5, 13.4), null, "test")));
    clock.advance(Duration.ofSeconds(2));
    result(engine.publish(location(id, 52.52, T0)));
    clock.advance(Duration.ofSeconds(3));
    result(engine.publish(new StatusChange(id, OrderStatus.DELIVERED, null, null, null, "delivered", "test")));

    String head = "{\"type\":\"status\",\"orderId\":\"" + id + "\",\"seq\":";
    assertEquals(head + "1,\"ts\":1795256130123,\"status\":\"COURIER_ASSIGNED\",\"eta\":\"2026-11-21T10:45:00.000Z\","
            + "\"courier\":{\"name\":\"Ana \\\"A\\\"\",\"vehicle\":\"bike\"},\"dropoff\":{\"lat\":52.5,\"lng\":13.4},"
            + "\"reason\":null,\"at\":\"2026-11-21T10:15:30.123Z\"}",
        next(frames).bytes().toString());
    assertEquals(2, next(frames).seq());
    Frame delivered = next(frames);
    assertEquals(head + "3,\"ts\":1795256135123,\"status\":\"DELIVERED\",\"eta\":null,"
            + "\"courier\":{\"name\":\"Ana \\\"A\\\"\",\"vehicle\":\"bike\"},\"dropoff\":{\"lat\":52.5,\"lng\":13.4},"
            + "\"reason\":\"delivered\",\"at\":\"2026-11-21T10:15:35.123Z\"}",
        delivered.bytes().toString());
    assertEquals(Frame.Kind.TERMINAL_STATUS, delivered.kind());
    assertEquals("{\"type\":\"snapshot\",\"orderId\":\"" + id + "\",\"seq\":3,\"status\":\"DELIVERED\","
            + "\"location\":null,\"eta\":null,"
            + "\"courier\":{\"name\":\"Ana \\\"A\\\"\",\"vehicle\":\"bike\"},\"dropoff\":{\"lat\":52.5,\"lng\":13.4},"
            + "\"reason\":\"delivered\",\"updatedAt\":\"2026-11-21T10:15:35.123Z\"}",
        Frames.snapshot(result(engine.snapshot(id))));
  }

  @Test
  void terminalStatusFrameIsMarkedTerminal() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = watch(id);
    result(engine.publish(status(id, OrderStatus.CANCELLED)));
    assertTrue(next(frames).terminal());
  }

  @Test
  void cancelledSubscriptionReceivesNothingMore() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> kept = watch(id);
    BlockingQueue<Frame> dropped = new LinkedBlockingQueue<>();
    Subscription sub = engine.subscribe(id, dropped::add);
    result(sub.ready());
    sub.cancel();
    // the engine applies the cancel before later publishes on its own loop; an order's frames
    // reach the remaining watcher, and the cancelled one gets none of them
    result(engine.publish(status(id, OrderStatus.PLACED)));
    assertEquals(1, next(kept).seq());
    result(engine.publish(status(id, OrderStatus.COURIER_ASSIGNED)));
    assertEquals(2, next(kept).seq());
    assertFalse(dropped.stream().anyMatch(f -> f.seq() == 2));
  }

  // --- publish options: rules inside the one atomic publish --------------------------------

  private PublishResult publish(TrackingEvent event, PublishOptions options) {
    return result(engine.publish(event, options));
  }

  @Test
  void aRepeatedIdempotencyKeyIsADuplicateThatChangesNothing() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = watch(id);
    PublishOptions evt1 = PublishOptions.providerEvent("uber:evt-1#0");
    assertEquals(new PublishResult(Outcome.APPLIED, 1), publish(location(id, 52.1, T0), evt1));
    assertEquals(new PublishResult(Outcome.DUPLICATE, 1), publish(location(id, 52.2, T0.plusSeconds(1)), evt1),
        "the key makes the repeat, whatever the event says");
    assertEquals(new PublishResult(Outcome.APPLIED, 2),
        publish(location(id, 52.3, T0.plusSeconds(2)), PublishOptions.providerEvent("uber:evt-2#0")));

    assertEquals(1, next(frames).seq());
    Frame second = next(frames);
    assertEquals(2, second.seq(), "the duplicate was not published");
    assertTrue(second.bytes().toString().contains("52.3"));
    assertEquals(2, result(engine.snapshot(id)).seq());
  }

  @Test
  void idempotencyKeysAreRememberedPerOrder() {
    PublishOptions same = PublishOptions.providerEvent("uber:evt-1#0");
    assertTrue(publish(status(Ids.order(), OrderStatus.PLACED), same).applied());
    assertTrue(publish(status(Ids.order(), OrderStatus.PLACED), same).applied());
  }

  @Test
  void aKeyIsRememberedWhenItsEventWasIgnoredToo() {
    OrderId id = Ids.order();
    publish(location(id, 52.1, T0), PublishOptions.NONE);
    PublishOptions late = PublishOptions.providerEvent("uber:late#0");
    assertEquals(Outcome.IGNORED, publish(location(id, 52.0, T0.minusSeconds(5)), late).outcome());
    assertEquals(Outcome.DUPLICATE, publish(location(id, 52.0, T0.minusSeconds(5)), late).outcome());
  }

  @Test
  void aForwardOnlyStatusBehindTheCurrentOneIsIgnoredAndNotPublished() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = watch(id);
    PublishOptions forward = new PublishOptions(null, true);
    assertEquals(new PublishResult(Outcome.APPLIED, 1), publish(status(id, OrderStatus.PICKED_UP), forward));
    assertEquals(new PublishResult(Outcome.IGNORED, 1), publish(status(id, OrderStatus.COURIER_ASSIGNED), forward));
    assertEquals(new PublishResult(Outcome.APPLIED, 2), publish(status(id, OrderStatus.PICKED_UP), forward),
        "the same status again may bring a new ETA");
    assertEquals(new PublishResult(Outcome.APPLIED, 3), publish(status(id, OrderStatus.NEARBY), forward));
    assertEquals(new PublishResult(Outcome.APPLIED, 4), publish(status(id, OrderStatus.COURIER_ASSIGNED), PublishOptions.NONE),
        "without the option a status may go back (an explicit unassignment)");

    for (String expected : new String[] {"PICKED_UP", "PICKED_UP", "NEARBY", "COURIER_ASSIGNED"}) {
      assertEquals(expected, new JsonObject(next(frames).bytes()).getString("status"));
    }
  }

  @Test
  void forwardOnlyLeavesTheTerminalRuleAsItIs() {
    OrderId id = Ids.order();
    PublishOptions forward = new PublishOptions(null, true);
    publish(status(id, OrderStatus.NEARBY), forward);
    assertEquals(Outcome.APPLIED, publish(status(id, OrderStatus.DELIVERED), forward).outcome());
    assertEquals(Outcome.REFUSED_TERMINAL, publish(status(id, OrderStatus.COURIER_ASSIGNED), forward).outcome());
    assertEquals(Outcome.IGNORED, publish(status(id, OrderStatus.DELIVERED), forward).outcome());
  }

  @Test
  void concurrentForwardOnlyStatusesNeverLeaveAnOrderBehindTheFurthestOne() {
    PublishOptions forward = new PublishOptions(null, true);
    List<OrderId> orders = new ArrayList<>();
    List<Future<PublishResult>> inFlight = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      OrderId id = Ids.order();
      orders.add(id);
      publish(status(id, OrderStatus.PLACED), forward);
      inFlight.add(engine.publish(status(id, OrderStatus.PICKED_UP), forward));
      inFlight.add(engine.publish(status(id, OrderStatus.COURIER_ASSIGNED), forward));
    }
    result(Future.all(inFlight));
    for (OrderId id : orders) {
      assertEquals(OrderStatus.PICKED_UP, result(engine.snapshot(id)).status(), "order " + id);
    }
  }
  // --- courier changes: reassignment and unassignment --------------------------------------

  private static StatusChange assigned(OrderId id, OrderStatus status, String name) {
    return new StatusChange(id, status, null, new Courier(name, "bike"), null, null, "test");
  }

  private static String courierName(Frame frame) {
    JsonObject courier = new JsonObject(frame.bytes()).getJsonObject("courier");
    return courier == null ? null : courier.getString("name");
  }

  @Test
  void aReassignmentToAnotherCourierMayStepBackAndASameCourierRetryMayNot() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = watch(id);
    PublishOptions forward = new PublishOptions(null, true);
    publish(assigned(id, OrderStatus.COURIER_ASSIGNED, "Ana"), forward.naming("dasher-1"));
    publish(status(id, OrderStatus.PICKED_UP), forward);
    assertEquals(Outcome.IGNORED,
        publish(assigned(id, OrderStatus.COURIER_ASSIGNED, "Ana"), forward.naming("dasher-1")).outcome(),
        "a late retry naming the same courier is behind: ignored");
    assertEquals(new PublishResult(Outcome.APPLIED, 3),
        publish(assigned(id, OrderStatus.COURIER_ASSIGNED, "Ben"), forward.naming("dasher-2")),
        "another courier: the timeline steps back to the new courier's stage");

    next(frames);
    next(frames);
    Frame reassigned = next(frames);
    assertEquals("COURIER_ASSIGNED", new JsonObject(reassigned.bytes()).getString("status"));
    assertEquals("Ben", courierName(reassigned));
  }

  @Test
  void anUnassignmentStepsBackAndClearsTheCourierAndItsPosition() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = watch(id);
    PublishOptions forward = new PublishOptions(null, true);
    publish(assigned(id, OrderStatus.PICKED_UP, "Ana"), forward.naming("rider-1"));
    publish(location(id, 52.1, T0), PublishOptions.NONE);
    assertEquals(new PublishResult(Outcome.APPLIED, 3),
        publish(status(id, OrderStatus.PLACED), forward.clearingCourier()));

    next(frames);
    next(frames);
    Frame unassigned = next(frames);
    assertEquals("PLACED", new JsonObject(unassigned.bytes()).getString("status"));
    assertTrue(new JsonObject(unassigned.bytes()).containsKey("courier"));
    assertNull(courierName(unassigned), "the courier is cleared on the wire");
    Snapshot snap = result(engine.snapshot(id));
    assertNull(snap.courierJson(), "and in the snapshot");
    assertNull(snap.locationJson(), "the old courier's position is no longer served");

    assertEquals(new PublishResult(Outcome.APPLIED, 4),
        publish(assigned(id, OrderStatus.COURIER_ASSIGNED, "Ben"), forward.naming("rider-2")),
        "the next courier is assigned as usual");
    assertEquals(new PublishResult(Outcome.APPLIED, 5), publish(location(id, 52.0, T0.minusSeconds(60)), PublishOptions.NONE),
        "the new courier's positions are not judged stale against the old courier's");
  }

  @Test
  void aCourierChangeOlderThanTheNewestStatusIsALateRetry() {
    OrderId id = Ids.order();
    PublishOptions forward = new PublishOptions(null, true);
    publish(assigned(id, OrderStatus.COURIER_ASSIGNED, "Ana"), forward.naming("dasher-1").at(T0));
    publish(assigned(id, OrderStatus.COURIER_ASSIGNED, "Ben"), forward.naming("dasher-2").at(T0.plusSeconds(60)));
    assertEquals(Outcome.IGNORED,
        publish(assigned(id, OrderStatus.COURIER_ASSIGNED, "Ana"), forward.naming("dasher-1").at(T0.plusSeconds(1)))
            .outcome(),
        "the retried first assignment must not undo the reassignment");
    assertEquals(Outcome.IGNORED,
        publish(status(id, OrderStatus.PLACED), forward.clearingCourier().at(T0.plusSeconds(30))).outcome(),
        "nor an unassignment from before it");
    assertTrue(result(engine.snapshot(id)).courierJson().contains("Ben"));
    assertEquals(Outcome.APPLIED,
        publish(status(id, OrderStatus.PLACED), forward.clearingCourier().at(T0.plusSeconds(61))).outcome());
  }

  @Test
  void aTerminalStatusStopsServingTheCouriersPosition() {
    OrderId id = Ids.order();
    publish(location(id, 52.1, T0), PublishOptions.NONE);
    publish(status(id, OrderStatus.DELIVERED), PublishOptions.NONE);
    Snapshot snap = result(engine.snapshot(id));
    assertEquals(OrderStatus.DELIVERED, snap.status());
    assertNull(snap.locationJson(), "the courier is a person: where they went next is not ours to show");
  }
}
