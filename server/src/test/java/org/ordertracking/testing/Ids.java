package org.ordertracking.testing;

import java.util.UUID;
import org.ordertracking.model.OrderId;

/** Unique order ids per test, so tests sharing one Redis never see each other's state. */
public final class Ids {
  private Ids() {}

  public static OrderId order() {
    return new OrderId("t-" + UUID.randomUUID().toString().substring(0, 18));
  }
}
