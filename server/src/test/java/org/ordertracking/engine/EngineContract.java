package org.ordertracking.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ordertracking.testing.Await.next;
import static org.ordertracking.testing.Await.result;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;
import org.ordertracking.testing.Ids;

/**
 * The guarantees of {@link TrackingEngine}, checked the same way against every engine. Subclasses
 * only say how to build one.
 */
public abstract class EngineContract {
  protected Vertx vertx;
  protected TrackingEngine engine;

  protected abstract TrackingEngine createEngine(Vertx vertx);

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    engine = createEngine(vertx);
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
    result(engine.subscribe(id, frames::add));
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

  @Test
  void unknownOrderHasAnEmptySnapshot() {
    Snapshot s = result(engine.snapshot(Ids.order()));
    assertEquals(0, s.seq());
    assertNull(s.status());
    assertTrue(s.isUnknown());
    assertTrue(new JsonObject(s.toJson()).getValue("location") == null);
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

    JsonObject snap = new JsonObject(result(engine.snapshot(id)).toJson());
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
    JsonObject last = new JsonObject(result(engine.snapshot(id)).toJson());
    assertEquals(50, last.getLong("seq"));
    assertEquals("snapshot", last.getString("type"));
  }

  @Test
  void locationFrameIsExactlyTheContractJson() {
    OrderId id = Ids.order();
    BlockingQueue<Frame> frames = watch(id);
    Instant t = Instant.parse("2026-11-21T10:15:30.123Z");
    result(engine.publish(location(id, 52.52, t)));
    assertEquals(
        "{\"type\":\"location\",\"orderId\":\"" + id + "\",\"seq\":1,\"location\":{\"lat\":52.52,"
            + "\"lng\":13.4,\"heading\":90.0,\"speed\":4.2,\"accuracy\":8.0,"
            + "\"recordedAt\":\"2026-11-21T10:15:30.123Z\"},\"provider\":\"test\",\"ref\":\"r-52.52\"}",
        next(frames).bytes().toString());
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
    Subscription sub = result(engine.subscribe(id, dropped::add));
    sub.cancel();
    // the engine applies the cancel before later publishes on its own loop; an order's frames
    // reach the remaining watcher, and the cancelled one gets none of them
    result(engine.publish(status(id, OrderStatus.PLACED)));
    assertEquals(1, next(kept).seq());
    result(engine.publish(status(id, OrderStatus.COURIER_ASSIGNED)));
    assertEquals(2, next(kept).seq());
    assertFalse(dropped.stream().anyMatch(f -> f.seq() == 2));
  }
}
