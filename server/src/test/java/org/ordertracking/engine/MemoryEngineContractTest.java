package org.ordertracking.engine;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.ordertracking.engine.memory.MemoryEngine;

class MemoryEngineContractTest extends EngineContract {
  @Override
  protected TrackingEngine createEngine(Vertx vertx, Clock clock) {
    return new MemoryEngine(vertx, Duration.ofHours(24), clock);
  }
}
