package org.ordertracking.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ordertracking.model.LatLng;

/**
 * A courier driving a {@link CityRoute}, advanced by simulated time: position, heading, speed and
 * where in the delivery it is. Pure and deterministic for a given seed (no clock, no I/O), so the
 * demo, the provider simulator and tests can all drive it.
 */
public final class CourierDrive {
  /** Where the delivery stands. */
  public enum Phase {
    TO_PICKUP,
    AT_PICKUP,
    TO_DROPOFF,
    ARRIVED
  }

  /** What the customer is told about the delivery, in order; derived from where the drive is. */
  public enum Milestone {
    ASSIGNED,
    PICKED_UP,
    NEARBY,
    DELIVERED
  }

  /** Closer than this to the drop-off, on the way there, the courier is "nearby". */
  public static final double NEARBY_METRES = 400;
  static final double EARTH_RADIUS_M = 6_371_000;
  private static final double PICKUP_WAIT_S = 8;

  private final CityRoute route;
  private final double[] cumulative;
  private final double cruiseMps;
  private final Random random;
  private double travelled;
  private double speed;
  private double waited;
  private Phase phase = Phase.TO_PICKUP;

  public CourierDrive(CityRoute route, double cruiseMps, long seed) {
    this.route = route;
    this.cruiseMps = cruiseMps;
    this.random = new Random(seed);
    this.cumulative = new double[route.points().size()];
    for (int i = 1; i < cumulative.length; i++) {
      cumulative[i] = cumulative[i - 1] + distance(route.points().get(i - 1), route.points().get(i));
    }
  }

  public CityRoute route() {
    return route;
  }

  /** Moves the courier on by {@code seconds} of simulated time. */
  public void advance(double seconds) {
    if (phase == Phase.AT_PICKUP) {
      waited += seconds;
      speed = 0;
      if (waited >= PICKUP_WAIT_S) {
        phase = Phase.TO_DROPOFF;
      }
      return;
    }
    if (phase == Phase.ARRIVED) {
      speed = 0;
      return;
    }
    // Traffic: speed wanders around the cruise speed, slower near corners.
    double target = cruiseMps * (0.7 + 0.6 * random.nextDouble());
    if (distanceToNextCorner() < 40) {
      target *= 0.5;
    }
    speed = speed + (target - speed) * 0.5;
    double next = travelled + speed * seconds;
    double pickupAt = cumulative[route.pickupIndex()];
    if (phase == Phase.TO_PICKUP && next >= pickupAt) {
      travelled = pickupAt;
      phase = Phase.AT_PICKUP;
      waited = 0;
    } else if (next >= total()) {
      travelled = total();
      phase = Phase.ARRIVED;
    } else {
      travelled = next;
    }
  }

  public Phase phase() {
    return phase;
  }

  public Milestone milestone() {
    return switch (phase) {
      case TO_PICKUP, AT_PICKUP -> Milestone.ASSIGNED;
      case TO_DROPOFF -> remainingMeters() < NEARBY_METRES ? Milestone.NEARBY : Milestone.PICKED_UP;
      case ARRIVED -> Milestone.DELIVERED;
    };
  }

  /**
   * Every milestone after {@code last} up to the current one, in order: a drive that passes two in
   * one step still has both announced (a status is never skipped).
   */
  public List<Milestone> milestonesReachedAfter(Milestone last) {
    List<Milestone> reached = new ArrayList<>(1);
    for (Milestone m : Milestone.values()) {
      if (m.ordinal() > last.ordinal() && m.ordinal() <= milestone().ordinal()) {
        reached.add(m);
      }
    }
    return reached;
  }

  public double speedMps() {
    return speed;
  }

  public double total() {
    return cumulative[cumulative.length - 1];
  }

  public double remainingMeters() {
    return total() - travelled;
  }

  /** Seconds until arrival at the cruise speed, counting the pickup wait still ahead. */
  public double etaSeconds() {
    double wait = phase == Phase.TO_PICKUP ? PICKUP_WAIT_S : phase == Phase.AT_PICKUP ? PICKUP_WAIT_S - waited : 0;
    return remainingMeters() / cruiseMps + Math.max(0, wait);
  }

  public LatLng position() {
    int seg = segment();
    LatLng a = route.points().get(seg);
    LatLng b = route.points().get(seg + 1);
    double len = cumulative[seg + 1] - cumulative[seg];
    double f = len == 0 ? 0 : (travelled - cumulative[seg]) / len;
    return new LatLng(a.lat() + (b.lat() - a.lat()) * f, a.lng() + (b.lng() - a.lng()) * f);
  }

  /** Compass bearing of the current street segment, in [0, 360). */
  public double headingDegrees() {
    int seg = segment();
    LatLng a = route.points().get(seg);
    LatLng b = route.points().get(seg + 1);
    double phi1 = Math.toRadians(a.lat());
    double phi2 = Math.toRadians(b.lat());
    double dl = Math.toRadians(b.lng() - a.lng());
    double y = Math.sin(dl) * Math.cos(phi2);
    double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dl);
    double deg = Math.toDegrees(Math.atan2(y, x));
    return (deg + 360) % 360;
  }

  private int segment() {
    for (int i = 0; i < cumulative.length - 2; i++) {
      if (travelled < cumulative[i + 1]) {
        return i;
      }
    }
    return cumulative.length - 2;
  }

  private double distanceToNextCorner() {
    return cumulative[segment() + 1] - travelled;
  }

  /** Great-circle distance in metres. */
  public static double distance(LatLng a, LatLng b) {
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLng = Math.toRadians(b.lng() - a.lng());
    double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat()))
            * Math.sin(dLng / 2) * Math.sin(dLng / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
  }
}
