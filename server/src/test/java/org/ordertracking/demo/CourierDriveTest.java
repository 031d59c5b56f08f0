package org.ordertracking.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordertracking.demo.CourierDrive.Phase;
import org.ordertracking.model.LatLng;

/** The simulated courier of the demo: a plausible, bounded and reproducible drive. */
class CourierDriveTest {
  private static final double EPS = 1e-9;
  private static final int MAX_TICKS = 10_000;

  /** Every Berlin route, with a few seeds and cruise speeds. */
  static Stream<Arguments> drives() {
    List<Arguments> out = new ArrayList<>();
    List<CityRoute> routes = BerlinRoutes.all();
    for (int r = 0; r < routes.size(); r++) {
      for (long seed : new long[] {1, 42, 7_000_001}) {
        out.add(Arguments.of(routes.get(r), 7.0 + r % 4, seed));
      }
    }
    return out.stream();
  }

  /** One tick of a drive, as observed after {@code advance(1)}. */
  record Tick(Phase phase, LatLng position, double heading, double speed, double remaining) {}

  private static List<Tick> drive(CourierDrive d) {
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < MAX_TICKS && d.phase() != Phase.ARRIVED; i++) {
      d.advance(1);
      ticks.add(new Tick(d.phase(), d.position(), d.headingDegrees(), d.speedMps(), d.remainingMeters()));
    }
    return ticks;
  }

  private static void assertNear(LatLng expected, LatLng actual) {
    assertEquals(expected.lat(), actual.lat(), EPS, "lat");
    assertEquals(expected.lng(), actual.lng(), EPS, "lng");
  }

  @ParameterizedTest
  @MethodSource("drives")
  void driveReachesPickupWaitsThenArrivesAtTheDropoff(CityRoute route, double cruise, long seed) {
    CourierDrive d = new CourierDrive(route, cruise, seed);
    assertEquals(Phase.TO_PICKUP, d.phase());
    assertNear(route.points().get(0), d.position());

    List<Tick> ticks = drive(d);
    assertEquals(Phase.ARRIVED, d.phase(), "the courier arrives");

    // Phases only ever move forward, each one visited.
    List<Phase> order = ticks.stream().map(Tick::phase).distinct().toList();
    assertEquals(List.of(Phase.TO_PICKUP, Phase.AT_PICKUP, Phase.TO_DROPOFF, Phase.ARRIVED), order);
    for (int i = 1; i < ticks.size(); i++) {
      assertTrue(ticks.get(i).phase().compareTo(ticks.get(i - 1).phase()) >= 0, "phase went back at tick " + i);
    }

    // At the restaurant: exactly there, and for 8 seconds (the arriving tick plus 7 of waiting).
    List<Tick> atPickup = ticks.stream().filter(t -> t.phase() == Phase.AT_PICKUP).toList();
    assertEquals(8, atPickup.size());
    for (Tick t : atPickup) {
      assertNear(route.pickup(), t.position());
    }
    for (Tick t : atPickup.subList(1, atPickup.size())) {
      assertEquals(0.0, t.speed(), "standing still while waiting");
    }

    assertNear(route.dropoff(), d.position());
    assertEquals(0.0, d.remainingMeters(), EPS);
    assertEquals(0.0, d.etaSeconds(), EPS);

    // Arrival took a plausible time: no faster than the top traffic speed, no slower than a crawl.
    double driving = d.total() / cruise;
    assertTrue(ticks.size() >= driving / 1.3, "too fast: " + ticks.size() + " s for " + driving);
    assertTrue(ticks.size() <= driving * 3 + 8 + 10, "too slow: " + ticks.size() + " s for " + driving);
  }

  @ParameterizedTest
  @MethodSource("drives")
  void positionStaysInsideTheRoutesBoundingBox(CityRoute route, double cruise, long seed) {
    double minLat = route.points().stream().mapToDouble(LatLng::lat).min().orElseThrow();
    double maxLat = route.points().stream().mapToDouble(LatLng::lat).max().orElseThrow();
    double minLng = route.points().stream().mapToDouble(LatLng::lng).min().orElseThrow();
    double maxLng = route.points().stream().mapToDouble(LatLng::lng).max().orElseThrow();
    for (Tick t : drive(new CourierDrive(route, cruise, seed))) {
      LatLng p = t.position();
      assertTrue(p.lat() >= minLat - EPS && p.lat() <= maxLat + EPS, "lat out of the box: " + p);
      assertTrue(p.lng() >= minLng - EPS && p.lng() <= maxLng + EPS, "lng out of the box: " + p);
    }
  }

  @ParameterizedTest
  @MethodSource("drives")
  void headingIsAlwaysInZeroTo360(CityRoute route, double cruise, long seed) {
    CourierDrive d = new CourierDrive(route, cruise, seed);
    double start = d.headingDegrees();
    assertTrue(start >= 0 && start < 360, "start heading " + start);
    for (Tick t : drive(d)) {
      assertTrue(t.heading() >= 0 && t.heading() < 360, "heading " + t.heading());
    }
  }

  @ParameterizedTest
  @MethodSource("drives")
  void remainingDistanceDecreasesMonotonically(CityRoute route, double cruise, long seed) {
    CourierDrive d = new CourierDrive(route, cruise, seed);
    double previous = d.remainingMeters();
    Phase previousPhase = d.phase();
    assertEquals(d.total(), previous, EPS);
    for (Tick t : drive(d)) {
      // A tick that starts on the road moves on (the tick that ends the pickup wait does not).
      boolean wasDriving = previousPhase == Phase.TO_PICKUP || previousPhase == Phase.TO_DROPOFF;
      if (wasDriving) {
        assertTrue(t.remaining() < previous, "no progress while driving: " + t);
        assertTrue(t.speed() > 0, "driving at speed 0: " + t);
      } else {
        assertTrue(t.remaining() <= previous, "went backwards: " + t);
      }
      assertTrue(t.remaining() >= 0, "overshot: " + t);
      previous = t.remaining();
      previousPhase = t.phase();
    }
  }

  @Test
  void sameSeedGivesTheSameDrive() {
    CityRoute route = BerlinRoutes.all().get(0);
    assertEquals(drive(new CourierDrive(route, 8, 1234)), drive(new CourierDrive(route, 8, 1234)));
  }

  @Test
  void differentSeedsGiveDifferentTraffic() {
    CityRoute route = BerlinRoutes.all().get(0);
    assertNotEquals(drive(new CourierDrive(route, 8, 1)), drive(new CourierDrive(route, 8, 2)));
  }

  @Test
  void oneHugeStepStopsAtThePickupRatherThanSkippingIt() {
    CityRoute route = BerlinRoutes.all().get(2);
    CourierDrive d = new CourierDrive(route, 8, 3);
    d.advance(100_000);
    assertEquals(Phase.AT_PICKUP, d.phase());
    assertNear(route.pickup(), d.position());
    d.advance(100_000);
    assertEquals(Phase.TO_DROPOFF, d.phase(), "the wait is over");
    assertNear(route.pickup(), d.position());
    d.advance(100_000);
    assertEquals(Phase.ARRIVED, d.phase());
    assertNear(route.dropoff(), d.position());
  }

  @Test
  void afterArrivalTheCourierStaysPutAtSpeedZero() {
    CityRoute route = BerlinRoutes.all().get(1);
    CourierDrive d = new CourierDrive(route, 8, 5);
    drive(d);
    LatLng at = d.position();
    d.advance(30);
    assertEquals(Phase.ARRIVED, d.phase());
    assertEquals(at, d.position());
    assertEquals(0.0, d.speedMps());
  }

  @Test
  void etaAtTheStartIsTheRouteAtCruiseSpeedPlusThePickupWait() {
    CityRoute route = BerlinRoutes.all().get(3);
    CourierDrive d = new CourierDrive(route, 10, 1);
    assertEquals(d.total() / 10 + 8, d.etaSeconds(), EPS);
  }

  @Test
  void headingFollowsTheCompassOnAHandMadeRoute() {
    // north, then east, then south, then west
    CityRoute route = new CityRoute("square", List.of(
        new LatLng(52.00, 13.00), new LatLng(52.01, 13.00), new LatLng(52.01, 13.02),
        new LatLng(52.00, 13.02), new LatLng(52.00, 13.01)), 1);
    CourierDrive d = new CourierDrive(route, 8, 1);
    assertEquals(0.0, d.headingDegrees(), 1e-6, "north");
    List<Double> headings = new ArrayList<>();
    for (int i = 0; i < MAX_TICKS && d.phase() != Phase.ARRIVED; i++) {
      d.advance(1);
      headings.add(d.headingDegrees());
    }
    assertTrue(headings.stream().anyMatch(h -> Math.abs(h - 90) < 0.1), "east: " + headings);
    assertTrue(headings.stream().anyMatch(h -> Math.abs(h - 180) < 0.1), "south: " + headings);
    assertTrue(headings.stream().anyMatch(h -> Math.abs(h - 270) < 0.1), "west: " + headings);
  }

  @Test
  void distanceIsGreatCircleMetres() {
    assertEquals(111_195, CourierDrive.distance(new LatLng(0, 0), new LatLng(1, 0)), 1);
    assertEquals(0.0, CourierDrive.distance(BerlinRoutes.CENTER, BerlinRoutes.CENTER));
    LatLng a = new LatLng(52.5200, 13.4050);
    LatLng b = new LatLng(52.5163, 13.3777);
    assertEquals(CourierDrive.distance(a, b), CourierDrive.distance(b, a), EPS);
    assertEquals(1_890, CourierDrive.distance(a, b), 20);
  }

  @Test
  void routeNeedsAStartAPickupInsideAndADropoff() {
    LatLng p = new LatLng(52, 13);
    assertThrows(IllegalArgumentException.class, () -> new CityRoute("short", List.of(p, p), 1));
    assertThrows(IllegalArgumentException.class, () -> new CityRoute("first", List.of(p, p, p), 0));
    assertThrows(IllegalArgumentException.class, () -> new CityRoute("last", List.of(p, p, p), 2));
  }

  @Test
  void milestonesComeInOrderAndNoneIsSkippedEvenWhenOneStepPassesSeveral() {
    for (CityRoute route : BerlinRoutes.all()) {
      CourierDrive drive = new CourierDrive(route, 8, 1);
      assertEquals(CourierDrive.Milestone.ASSIGNED, drive.milestone());
      java.util.List<CourierDrive.Milestone> announced = new java.util.ArrayList<>();
      CourierDrive.Milestone last = CourierDrive.Milestone.ASSIGNED;
      for (int i = 0; i < 10_000 && last != CourierDrive.Milestone.DELIVERED; i++) {
        drive.advance(30); // big steps: several milestones may pass in one
        for (CourierDrive.Milestone m : drive.milestonesReachedAfter(last)) {
          announced.add(m);
          last = m;
        }
      }
      assertEquals(java.util.List.of(CourierDrive.Milestone.PICKED_UP, CourierDrive.Milestone.NEARBY,
          CourierDrive.Milestone.DELIVERED), announced, route.name());
    }
  }
}
