package org.ordertracking.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's defences at the HTTP edge, shared by its HTTP verticles (one per event loop): the
 * connection caps and request deadlines of {@link HttpLimits}, and counted warnings for what
 * clients can cause at will. Each verticle {@link #install installs} it on its own server.
 */
public final class HttpGuard {
  private static final Logger LOG = LoggerFactory.getLogger(HttpGuard.class);
  private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

  private final HttpLimits limits;
  private final ConnectionBudget budget;
  private final CountedWarning aborted =
      new CountedWarning(LOG, "Requests aborted by their clients before the body arrived", REPORT_EVERY);
  private final CountedWarning refused =
      new CountedWarning(LOG, "HTTP connections refused over a connection limit", REPORT_EVERY);
  private final CountedWarning timedOut =
      new CountedWarning(LOG, "HTTP connections closed for not sending a request in time", REPORT_EVERY);

  public HttpGuard(HttpLimits limits) {
    this.limits = limits;
    this.budget = new ConnectionBudget(limits.maxConnections(), limits.maxConnectionsPerClient());
  }

  /**
   * Guards {@code server} (one event loop's): caps connections as they open, puts deadlines on
   * requests, refuses undecodable query strings and malformed WebSocket handshakes, and answers
   * malformed requests and unhandled router failures as JSON. Call on that loop, before the
   * modules mount their routes on {@code router}.
   */
  public void install(Vertx vertx, HttpServer server, Router router) {
    LoopConnections loop = new LoopConnections(vertx, this);
    server.connectionHandler(loop::opened).invalidRequestHandler(RouterErrors::invalidRequest);
    router.route().handler(loop::request);
    router.route().handler(QueryStrings::check);
    router.route().handler(WebSocketHandshakes::check);
    RouterErrors.install(router, this);
  }

  HttpLimits limits() {
    return limits;
  }

  ConnectionBudget budget() {
    return budget;
  }

  void aborted() {
    aborted.record();
  }

  void refused() {
    refused.record();
  }

  void timedOut() {
    timedOut.record();
  }

  /** Requests whose client went away before their body arrived, since start. */
  public long abortedRequests() {
    return aborted.total();
  }

  /** HTTP connections closed on accept over a connection cap (or refused 429 behind a proxy), since start. */
  public long refusedConnections() {
    return refused.total();
  }

  /** HTTP connections closed for not sending their request in time, since start. */
  public long timedOutConnections() {
    return timedOut.total();
  }

  /** HTTP connections open on this node (WebSockets excluded once upgraded). */
  public int openConnections() {
    return budget.open();
  }
}
