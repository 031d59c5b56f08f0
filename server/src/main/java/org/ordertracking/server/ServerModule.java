package org.ordertracking.server;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.time.Duration;

/**
 * A feature that plugs into the server: HTTP routes on the single listener, and optionally
 * background work (pollers, deployed as verticles of their own). Created once per node by {@link
 * Modules}, from the node's roles; {@link #mount} is called
 * once per HTTP verticle instance (one per event loop), on that instance's loop, so handlers it
 * installs must be safe to share between loops or be created inside {@code mount}.
 */
public interface ServerModule {

  void mount(Router router);

  /** Starts background work once the engine is up. */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** Lets go of its long-lived connections (sockets) spread over {@code window}; on SIGTERM. */
  default Future<Void> drain(Duration window) {
    return Future.succeededFuture();
  }

  /** Stops background work on shutdown. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
