package org.ordertracking.engine.redis;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.ordertracking.engine.EngineContract;
import org.ordertracking.engine.Hub;
import org.ordertracking.engine.TrackingEngine;

/** The contract with the hub's other scope: one Redis subscriber connection per event loop. */
class RedisEnginePerLoopContractIT extends EngineContract {
  @Override
  protected TrackingEngine createEngine(Vertx vertx, Clock clock) {
    return RedisEngineContractIT.start(vertx, clock, Hub.Scope.LOOP);
  }
}
