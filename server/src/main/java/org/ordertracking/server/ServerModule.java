package org.ordertracking.server;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;

/**
 * A feature that plugs into the server: HTTP routes on the single listener, and optionally
 * background work (pollers). Created once per node by {@link Modules}; {@link #mount} is called
 * once per HTTP verticle instance (one per event loop), on that instance's loop, so handlers it
 * installs must be safe to share between loops or be created inside {@code mount}.
 */
public interface ServerModule {

  void mount(Router router);

  /** Starts background work once the engine is up. */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** Stops background work on shutdown. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
