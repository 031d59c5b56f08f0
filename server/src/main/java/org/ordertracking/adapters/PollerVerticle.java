package org.ordertracking.adapters;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.client.WebClient;
import java.util.function.Function;

/**
 * One provider's poller as a verticle of its own: its own event-loop context, its own HTTP client,
 * deployed only on nodes with the adapters role and undeployed with them.
 */
final class PollerVerticle extends VerticleBase {
  private final PollerSettings settings;
  private final Function<WebClient, LocationPoller> poller;
  private WebClient client;
  private LocationPoller running;

  /** @param poller builds the poller around the verticle's client, on the verticle's context */
  PollerVerticle(PollerSettings settings, Function<WebClient, LocationPoller> poller) {
    this.settings = settings;
    this.poller = poller;
  }

  @Override
  public Future<?> start() {
    client = LocationPoller.client(vertx, settings);
    running = poller.apply(client);
    return running.start();
  }

  @Override
  public Future<?> stop() {
    return running.stop().eventually(() -> {
      client.close();
      return Future.succeededFuture();
    });
  }
}
