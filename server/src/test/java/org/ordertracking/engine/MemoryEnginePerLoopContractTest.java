package org.ordertracking.engine;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/** The contract with the hub's other scope: one memory subscription per event loop. */
class MemoryEnginePerLoopContractTest extends EngineContract {
  @Override
  protected TrackingEngine createEngine(Vertx vertx, Clock clock) {
    return EngineFactory.memory(vertx, EngineConfig.defaults(Duration.ofHours(24)), clock, Hub.Scope.LOOP);
  }
}
