package org.ordertracking.demo;

import java.util.List;
import org.ordertracking.model.LatLng;

/**
 * A courier's way through the city: from where the courier starts, past the restaurant
 * ({@code points[pickupIndex]}), to the customer (the last point). Points follow real streets.
 */
public record CityRoute(String name, List<LatLng> points, int pickupIndex) {
  public CityRoute {
    if (points.size() < 3 || pickupIndex <= 0 || pickupIndex >= points.size() - 1) {
      throw new IllegalArgumentException("a route needs a start, a pickup inside it, and a drop-off");
    }
    points = List.copyOf(points);
  }

  public LatLng pickup() {
    return points.get(pickupIndex);
  }

  public LatLng dropoff() {
    return points.get(points.size() - 1);
  }
}
