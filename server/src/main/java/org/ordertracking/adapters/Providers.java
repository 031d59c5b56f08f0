package org.ordertracking.adapters;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ordertracking.adapters.deliveroo.DeliverooAdapter;
import org.ordertracking.adapters.doordash.DoorDashAdapter;
import org.ordertracking.adapters.onfleet.OnfleetAdapter;
import org.ordertracking.adapters.uber.UberAdapter;

/** Every provider the server knows. Adding one: its adapter here, nothing else. */
public final class Providers {
  private static final List<CourierAdapter> ALL =
      List.of(new UberAdapter(), new DoorDashAdapter(), new DeliverooAdapter(), new OnfleetAdapter());

  private Providers() {}

  /** The adapters (stateless, shared). */
  public static List<CourierAdapter> all() {
    return ALL;
  }

  public static Set<String> names() {
    return ALL.stream().map(CourierAdapter::name).collect(Collectors.toUnmodifiableSet());
  }

  public static Optional<CourierAdapter> named(String name) {
    return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
