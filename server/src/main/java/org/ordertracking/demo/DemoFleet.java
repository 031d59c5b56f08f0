package org.ordertracking.demo;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ordertracking.auth.TokenService;
import org.ordertracking.demo.CourierDrive.Milestone;
import org.ordertracking.demo.CourierDrive.Phase;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

/**
 * Simulated couriers for the demo: each drives a Berlin route, publishing its position every
 * couple of seconds and its status as the delivery progresses (courier assigned, picked up,
 * nearby, delivered). A finished order is replaced by a new one, whose link is announced.
 */
public final class DemoFleet {
  private static final String PROVIDER = "demo";
  private static final long TICK_MS = 1_000;
  private static final int LOCATION_EVERY_TICKS = 2;
  private static final String[] NAMES = {"Alex", "Sam", "Mira", "Jonas", "Lea", "Kemal", "Nina", "Tom"};
  private static final String[] VEHICLES = {"bicycle", "e-scooter", "car", "cargo bike"};

  private final Vertx vertx;
  private final TrackingEngine engine;
  private final TokenService tokens;
  private final String publicUrl;
  private final Clock clock;
  private final Consumer<String> announce;
  private final List<CityRoute> routes = BerlinRoutes.all();
  private final List<Delivery> deliveries = new ArrayList<>();
  private int nextOrder = 1;
  private long ticks;

  private final class Delivery {
    final OrderId orderId;
    final CourierDrive drive;
    final Courier courier;
    Milestone announced = Milestone.ASSIGNED;

    Delivery(OrderId orderId, CourierDrive drive, Courier courier) {
      this.orderId = orderId;
      this.drive = drive;
      this.courier = courier;
    }
  }

  public DemoFleet(Vertx vertx, TrackingEngine engine, TokenService tokens, String publicUrl,
      Clock clock, Consumer<String> announce) {
    this.vertx = vertx;
    this.engine = engine;
    this.tokens = tokens;
    this.publicUrl = publicUrl;
    this.clock = clock;
    this.announce = announce;
  }

  /** Starts {@code couriers} deliveries and keeps that many running. */
  public void start(int couriers) {
    for (int i = 0; i < couriers; i++) {
      startDelivery();
    }
    vertx.setPeriodic(TICK_MS, id -> tick());
  }

  private void startDelivery() {
    int n = nextOrder++;
    OrderId orderId = new OrderId("demo-" + n);
    CityRoute route = routes.get((n - 1) % routes.size());
    Courier courier = new Courier(NAMES[n % NAMES.length], VEHICLES[n % VEHICLES.length]);
    Delivery d = new Delivery(orderId, new CourierDrive(route, 7 + (n % 4), n), courier);
    deliveries.add(d);
    setStatus(d, Milestone.ASSIGNED);
    publishLocation(d);
    String link = publicUrl + "/track/" + tokens.mint(orderId, Duration.ofHours(6));
    announce.accept("Demo order " + orderId + " (" + route.name() + "): " + link);
  }

  private void tick() {
    ticks++;
    for (Delivery d : new ArrayList<>(deliveries)) {
      d.drive.advance(TICK_MS / 1000.0);
      if (ticks % LOCATION_EVERY_TICKS == 0 || d.drive.phase() == Phase.ARRIVED) {
        publishLocation(d);
      }
      for (Milestone m : d.drive.milestonesReachedAfter(d.announced)) {
        setStatus(d, m);
      }
      if (d.announced == Milestone.DELIVERED) {
        deliveries.remove(d);
        vertx.setTimer(5_000, id -> startDelivery());
      }
    }
  }

  private void publishLocation(Delivery d) {
    LatLng p = d.drive.position();
    double speed = Math.round(d.drive.speedMps() * 10) / 10.0;
    double heading = Math.round(d.drive.headingDegrees() * 10) / 10.0 % 360;
    Location loc = new Location(round6(p.lat()), round6(p.lng()), heading, speed, 5.0, clock.instant());
    publish(new LocationUpdate(d.orderId, loc, PROVIDER, null));
  }

  /** Six decimals are about 10 cm: all a courier's position can honestly claim. */
  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private void setStatus(Delivery d, Milestone milestone) {
    d.announced = milestone;
    OrderStatus status = status(milestone);
    Instant eta = status.isTerminal() ? null : clock.instant().plusSeconds((long) d.drive.etaSeconds());
    String reason = status == OrderStatus.DELIVERED ? "delivered" : null;
    publish(new StatusChange(d.orderId, status, eta, d.courier, d.drive.route().dropoff(), reason, PROVIDER));
  }

  private static OrderStatus status(Milestone milestone) {
    return switch (milestone) {
      case ASSIGNED -> OrderStatus.COURIER_ASSIGNED;
      case PICKED_UP -> OrderStatus.PICKED_UP;
      case NEARBY -> OrderStatus.NEARBY;
      case DELIVERED -> OrderStatus.DELIVERED;
    };
  }

  private void publish(TrackingEvent event) {
    engine.publish(event);
  }
}
