package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.adapters.deliveroo.DeliverooLocationDecoder;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.ingest.DeliveryLinks;
import org.ordertracking.ingest.DeliveryLinks.Delivery;
import org.ordertracking.ingest.MemoryDeliveryLinks;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent.StatusChange;
import org.ordertracking.simulator.PollLog;
import org.ordertracking.simulator.ProviderSimulator;
import org.ordertracking.simulator.SimulatorConfig;
import org.ordertracking.simulator.Scenario;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.ManualClock;

/**
 * The poller against the simulator's Deliveroo API on loopback: the documented location resource
 * ({@code GET /signature/v1/orders/{id}/location}) behind OAuth2 client credentials.
 */
class LocationPollerTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);

  private Vertx vertx;
  private TrackingEngine engine;
  private ProviderSimulator sim;
  private ActiveOrders active;
  private ManualClock linkClock;
  private MemoryDeliveryLinks memoryLinks;
  private AtomicInteger renewals;
  private DeliveryLinks links;
  private AdapterMetrics metrics;
  private LocationPoller poller;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    engine = EngineFactory.memory(vertx, Duration.ofHours(1), Clock.systemUTC());
    sim =
        Await.result(
            ProviderSimulator.start(
                vertx,
                SimulatorConfig.of(
                    null, Map.of(), 0, List.of("deliveroo"), Duration.ofMillis(50), 1, "127.0.0.1", 0,
                    "poller-client", "poller-secret")));
    active = new MemoryActiveOrders(Clock.systemUTC(), Duration.ofHours(1), 1000);
    linkClock = new ManualClock(Instant.now());
    memoryLinks = new MemoryDeliveryLinks(linkClock, Duration.ofHours(1), 1000);
    renewals = new AtomicInteger();
    // The memory store, counting renewals so a test can wait for one.
    links = new DeliveryLinks() {
      @Override
      public Future<Void> link(OrderId order, Delivery delivery) {
        return memoryLinks.link(order, delivery);
      }

      @Override
      public Future<OrderId> orderOf(Delivery delivery) {
        return memoryLinks.orderOf(delivery);
      }

      @Override
      public Future<Delivery> currentOf(OrderId order) {
        return memoryLinks.currentOf(order);
      }

      @Override
      public Future<Void> renew(OrderId order, Delivery delivery) {
        return memoryLinks.renew(order, delivery).onSuccess(v -> renewals.incrementAndGet());
      }
    };
    metrics = new AdapterMetrics();
  }

  @AfterEach
  void stop() {
    if (poller != null) {
      Await.result(poller.stop());
    }
    Await.result(sim.close());
    Await.result(vertx.close());
  }

  private void startPoller(Duration interval, int maxInFlight, Duration timeout) {
    PollerSettings settings =
        new PollerSettings(
            sim.deliverooApiUrl(),
            new OAuthSettings(sim.deliverooTokenUrl(), "poller-client", "poller-secret"),
            interval, maxInFlight, timeout, Duration.ofSeconds(5), 1000);
    poller =
        new LocationPoller(
            vertx,
            LocationPoller.client(vertx, settings),
            new DeliverooLocationDecoder(),
            settings,
            active,
            new MemoryPollGate(Clock.systemUTC()),
            links,
            engine,
            metrics,
            Clock.systemUTC());
    Await.result(poller.start());
  }

  private void activeDelivery(String order) {
    Await.result(sim.startDelivery("deliveroo", order));
    Await.result(active.touch(new OrderId(order)));
  }

  private Future<Boolean> hasLocation(String order) {
    return engine.snapshot(new OrderId(order)).map(s -> s.locationJson() != null);
  }

  @Test
  void activeOrdersArePolledAndTheirCourierPublished() {
    activeDelivery("o-poll");
    startPoller(Duration.ofMillis(200), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "a polled location", () -> hasLocation("o-poll"));
    String loc = Await.result(engine.snapshot(new OrderId("o-poll"))).locationJson();
    assertTrue(loc.contains("\"lat\":52."), "a Berlin position: " + loc);
    assertTrue(loc.contains("\"accuracy\":8.0"), loc);
  }

  @Test
  void eachOrderIsPolledAtMostOncePerIntervalAndPollsAreSpread() {
    for (int i = 0; i < 6; i++) {
      activeDelivery("o-spread-" + i);
    }
    long interval = 300;
    startPoller(Duration.ofMillis(interval), 8, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "three rounds", () -> sim.pollLog().entries().size() >= 18);
    // Counted over the whole run rather than gap by gap: a request delayed on a loaded machine
    // arrives late and shortens one gap, but cannot add polls. Twice per interval would show as
    // about twice the count allowed here.
    List<PollLog.Entry> all = sim.pollLog().entries();
    long span = all.get(all.size() - 1).atMillis() - all.get(0).atMillis();
    long allowed = span / interval + 2;
    for (int i = 0; i < 6; i++) {
      List<PollLog.Entry> polls = sim.pollLog().forOrder("o-spread-" + i);
      assertTrue(polls.size() <= allowed,
          "order polled " + polls.size() + " times in " + span + " ms at one poll per " + interval + " ms");
    }
    List<Long> firstRound =
        sim.pollLog().entries().stream().limit(6).map(PollLog.Entry::atMillis).sorted().toList();
    assertTrue(
        firstRound.get(5) - firstRound.get(0) >= interval / 4,
        "the first round's polls were not spread over the interval: " + firstRound);
  }

  @Test
  void throttledProviderIsLeftAloneForItsRetryAfter() {
    activeDelivery("o-429");
    sim.faults().answer(1, 429, "1");
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "a poll after the 429", () -> sim.pollLog().entries().size() >= 2);
    List<PollLog.Entry> polls = sim.pollLog().entries();
    assertEquals(429, polls.get(0).status());
    long gap = polls.get(1).atMillis() - polls.get(0).atMillis();
    assertTrue(gap >= 950, "polled again " + gap + " ms after Retry-After: 1");
    Await.until(vertx, LIMIT, "a location after the pause", () -> hasLocation("o-429"));
    assertEquals(1, metrics.get("deliveroo", "poll_throttled"));
  }

  @Test
  void serverErrorsBackOffExponentiallyThenRecover() {
    activeDelivery("o-503");
    sim.faults().answer(3, 503, null);
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "a location after the errors", () -> hasLocation("o-503"));
    List<PollLog.Entry> polls = sim.pollLog().entries();
    assertEquals(503, polls.get(2).status());
    long firstGap = polls.get(1).atMillis() - polls.get(0).atMillis();
    long thirdGap = polls.get(3).atMillis() - polls.get(2).atMillis();
    assertTrue(thirdGap > firstGap, "back-off did not grow: " + firstGap + " then " + thirdGap);
    assertTrue(thirdGap >= 300, "third back-off too short: " + thirdGap);
    assertEquals(3, metrics.get("deliveroo", "poll_error"));
  }

  @Test
  void hangingProviderTimesOutWithinTheBoundOfRequestsInFlight() {
    for (int i = 0; i < 5; i++) {
      activeDelivery("o-slow-" + i);
    }
    sim.faults().delay(Duration.ofSeconds(2));
    startPoller(Duration.ofMillis(100), 2, Duration.ofMillis(150));
    Await.until(vertx, LIMIT, "timeouts", () -> metrics.get("deliveroo", "poll_timeout") >= 3);
    assertTrue(sim.pollLog().maxConcurrent() <= 2, "in flight: " + sim.pollLog().maxConcurrent());
    assertTrue(metrics.get("deliveroo", "poll_skipped") > 0, "polls beyond the bound were skipped");
    sim.faults().delay(Duration.ZERO);
    Await.until(vertx, LIMIT, "a location once the provider answers", () -> hasLocation("o-slow-0"));
  }

  @Test
  void orderAtATerminalStatusStopsBeingPolled() {
    activeDelivery("o-done");
    Await.result(
        engine.publish(new StatusChange(new OrderId("o-done"), OrderStatus.DELIVERED, null, null, null, null, "test")));
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "the order leaving the active orders", () -> active.list().map(List::isEmpty));
    assertEquals(1, sim.pollLog().forOrder("o-done").size());
    assertEquals(null, Await.result(engine.snapshot(new OrderId("o-done"))).locationJson());
  }

  @Test
  void orderTheProviderNoLongerKnowsStopsBeingPolled() {
    Await.result(active.touch(new OrderId("o-unknown")));
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "the order leaving the active orders", () -> active.list().map(List::isEmpty));
    assertEquals(1, metrics.get("deliveroo", "poll_gone"));
  }

  @Test
  void ordersAreReadFromTheRegistryEachRoundSoARestartedPollerResumes() {
    activeDelivery("o-restart");
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "a first poll", () -> !sim.pollLog().entries().isEmpty());
    Await.result(poller.stop());
    int before = sim.pollLog().entries().size();
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "polls by the new poller", () -> sim.pollLog().entries().size() > before + 1);
  }

  @Test
  void theDocumentedPathIsPolledWithABearerTokenFetchedOnceAndCached() {
    activeDelivery("o-path");
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "three polls", () -> sim.pollLog().forOrder("o-path").size() >= 3);
    assertTrue(sim.pollLog().forOrder("o-path").stream().allMatch(e -> e.status() == 200));
    assertEquals(1, poller.tokenFetches());
    assertEquals(1, Await.result(sim.tokensIssued()));
  }

  @Test
  void anEmptyObjectIsNoLocationYetSoNothingIsPublishedAndPollingGoesOn() {
    activeDelivery("o-empty");
    sim.faults().answer(2, 200, null); // {}: Deliveroo knows no location (yet)
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "a location after two empty answers", () -> hasLocation("o-empty"));
    assertTrue(sim.pollLog().forOrder("o-empty").size() >= 3);
    assertTrue(metrics.get("deliveroo", "poll_ok") >= 3);
    assertEquals(0, metrics.get("deliveroo", "poll_malformed"));
  }

  @Test
  void tokensAreRefreshedBeforeTheyExpireSoNoPollIsRefused() {
    Await.result(sim.close());
    sim = Await.result(ProviderSimulator.start(vertx,
        SimulatorConfig.of(null, Map.of(), 0, List.of("deliveroo"), Duration.ofMillis(50), 1, "127.0.0.1", 0,
            "poller-client", "poller-secret").withTokenTtl(Duration.ofSeconds(1))));
    activeDelivery("o-refresh");
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "a third token", () -> poller.tokenFetches() >= 3);
    assertTrue(sim.pollLog().forOrder("o-refresh").stream().allMatch(e -> e.status() == 200),
        "a poll went out with an expired token: " + sim.pollLog().forOrder("o-refresh"));
    assertEquals(0, metrics.get("deliveroo", "poll_unauthorized"));
  }

  @Test
  void a401RenewsTheTokenOnceAndTheRequestIsRetried() {
    activeDelivery("o-401");
    startPoller(Duration.ofMillis(200), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "a first location", () -> hasLocation("o-401"));
    long before = sim.pollLog().forOrder("o-401").size();
    sim.faults().revokeTokens();
    Await.until(vertx, LIMIT, "a 401 then a poll with a new token",
        () -> sim.pollLog().forOrder("o-401").stream().skip(before).anyMatch(e -> e.status() == 401)
            && sim.pollLog().forOrder("o-401").get(sim.pollLog().forOrder("o-401").size() - 1).status() == 200);
    assertEquals(2, poller.tokenFetches());
    assertEquals(1, metrics.get("deliveroo", "poll_unauthorized"));
  }

  @Test
  void aFailingTokenEndpointPausesPollingThenItResumes() {
    activeDelivery("o-auth");
    sim.faults().failTokenRequests(2);
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "a location once tokens are issued", () -> hasLocation("o-auth"));
    // Polls waiting on the same failed token request each count once.
    assertTrue(metrics.get("deliveroo", "poll_auth_error") >= 2);
    assertEquals(3, poller.tokenFetches(), "one token request per failure, then one that works");
    assertTrue(sim.pollLog().forOrder("o-auth").stream().allMatch(e -> e.status() == 200),
        "no request went out without a token");
  }

  @Test
  void aDeliveryKnownOnlyThroughItsLinkIsPolledByDeliveroosIdAndPublishedToOurOrder() {
    String deliverooId = "gb:roo 77"; // not an id of ours: found through the link only
    Delivery delivery = new Delivery("deliveroo", deliverooId);
    Await.result(sim.startUnreferencedDelivery("deliveroo", "o-linked", deliverooId, Scenario.DELIVERED));
    Await.result(links.link(new OrderId("o-linked"), delivery));
    Await.result(active.touch(new OrderId("o-linked")));
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "a polled location for our order", () -> hasLocation("o-linked"));
    assertTrue(sim.pollLog().forOrder("o-linked").isEmpty(), "Deliveroo was never asked for our id");
    assertTrue(sim.pollLog().forOrder(deliverooId).stream().allMatch(e -> e.status() == 200),
        sim.pollLog().entries().toString());

    // Each applied position renews the link: 50 minutes on, a new one starts its hour again.
    Await.until(vertx, LIMIT, "a renewal", () -> renewals.get() > 0);
    linkClock.advance(Duration.ofMinutes(50));
    int before = renewals.get();
    Await.until(vertx, LIMIT, "a renewal after 50 minutes", () -> renewals.get() > before);
    linkClock.advance(Duration.ofMinutes(20));
    assertEquals(new OrderId("o-linked"), Await.result(links.orderOf(delivery)),
        "the link outlived the hour from when it was made");
    assertEquals(delivery, Await.result(links.currentOf(new OrderId("o-linked"))));
  }

  @Test
  void anOrderLinkedToAnotherProvidersDeliveryIsNoLongerPolled() {
    activeDelivery("o-moved");
    Await.result(links.link(new OrderId("o-moved"), new Delivery("uber", "del_moved")));
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "the order leaving the active orders", () -> active.list().map(List::isEmpty));
    assertEquals(1, metrics.get("deliveroo", "poll_superseded"));
    assertTrue(sim.pollLog().entries().isEmpty(), "Deliveroo was asked: " + sim.pollLog().entries());
    assertEquals(null, Await.result(engine.snapshot(new OrderId("o-moved"))).locationJson());
  }

  @Test
  void anOrderWithoutALinkIsPolledByItsOwnIdAndNeverRenewsAnything() {
    activeDelivery("o-plain");
    startPoller(Duration.ofMillis(100), 4, Duration.ofSeconds(1));
    Await.until(vertx, LIMIT, "a location", () -> hasLocation("o-plain"));
    assertTrue(!sim.pollLog().forOrder("o-plain").isEmpty());
    assertEquals(0, renewals.get());
  }
}
