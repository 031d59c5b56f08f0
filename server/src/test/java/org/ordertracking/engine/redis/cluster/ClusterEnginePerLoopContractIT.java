package org.ordertracking.engine.redis.cluster;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.ordertracking.engine.EngineContract;
import org.ordertracking.engine.Hub;
import org.ordertracking.engine.TrackingEngine;

/** The contract on a Cluster with the hub's other scope: one cluster feed per event loop. */
class ClusterEnginePerLoopContractIT extends EngineContract {
  @Override
  protected TrackingEngine createEngine(Vertx vertx, Clock clock) {
    return ClusterEngineContractIT.start(vertx, clock, Hub.Scope.LOOP);
  }
}
