package org.ordertracking.engine;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

class MemoryEngineContractTest extends EngineContract {
  @Override
  protected TrackingEngine createEngine(Vertx vertx, Clock clock) {
    return EngineFactory.memory(vertx, Duration.ofHours(24), clock);
  }
}
