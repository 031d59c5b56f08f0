package org.ordertracking.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The HTTP connections of one event loop, each with a slot in the node's {@link ConnectionBudget}
 * and at most one deadline at a time:
 *
 * <ul>
 *   <li>from accept, and from the end of each response, until the next request's headers have
 *       arrived ({@code headerTimeout} for a new connection, {@code keepAliveTimeout} for an idle
 *       one): on expiry the connection is closed, there is no request to answer;
 *   <li>from the headers until the body has arrived ({@code bodyTimeout}): on expiry 408.
 * </ul>
 *
 * A WebSocket upgrade request gives up its slot and its deadlines once its headers are in: a
 * tracking socket is long-lived, kept alive by the gateway's pings and capped by the gateway. If
 * the upgrade is refused with an HTTP answer, the connection is taken back. Confined to its loop.
 */
final class LoopConnections {
  private final Vertx vertx;
  private final HttpGuard guard;
  private final HttpLimits limits;
  private final ConnectionBudget budget;
  private final Map<HttpConnection, Tracked> open = new IdentityHashMap<>();

  LoopConnections(Vertx vertx, HttpGuard guard) {
    this.vertx = vertx;
    this.guard = guard;
    this.limits = guard.limits();
    this.budget = guard.budget();
  }

  void opened(HttpConnection conn) {
    String peer = conn.remoteAddress() == null ? "" : conn.remoteAddress().hostAddress();
    Tracked t = new Tracked(conn, peer, limits.trustedProxies().trusts(peer));
    // Behind a trusted proxy the client is only known from the request: counted per client then.
    if (!t.take(t.proxied ? null : peer)) {
      guard.refused();
      conn.close();
      return;
    }
    open.put(conn, t);
    conn.closeHandler(v -> t.release());
    t.deadline(limits.headerTimeout(), t::idleExpired);
  }

  /** First route of the router: every request passes here before the modules' routes. */
  void request(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    Tracked t = open.get(req.connection());
    if (t == null) {
      ctx.next(); // handed over to a WebSocket that was then refused, and over the limit again
      return;
    }
    t.cancelDeadline();
    if (t.proxied && budget.limitsClients()) {
      String client = limits.trustedProxies().client(t.peer, req.getHeader("X-Forwarded-For"));
      if (!client.equals(t.client) && !t.moveTo(client)) {
        guard.refused();
        HttpErrors.sendAndClose(ctx, 429, "too many connections from " + client);
        return;
      }
    }
    Exchange exchange = new Exchange(t, ctx);
    if (req.canUpgradeToWebSocket()) {
      t.handOver(); // from here the gateway owns the connection (or refuses it, see below)
    }
    ctx.addEndHandler(ar -> exchange.responseEnded(ar.succeeded()));
    if (req.isEnded()) {
      exchange.requestEnded();
    } else {
      t.deadline(limits.bodyTimeout(), exchange::bodyExpired);
      req.end().onComplete(ar -> exchange.requestEnded());
    }
    ctx.next();
  }

  /** One request and its response on a tracked connection. */
  private final class Exchange {
    private final Tracked t;
    private final RoutingContext ctx;
    private boolean requestEnded;
    private boolean responseEnded;

    Exchange(Tracked t, RoutingContext ctx) {
      this.t = t;
      this.ctx = ctx;
    }

    void requestEnded() {
      requestEnded = true;
      t.cancelDeadline();
      if (responseEnded) {
        t.awaitNext();
      }
    }

    void responseEnded(boolean normally) {
      responseEnded = true;
      if (!normally) {
        return; // the connection closed under the response
      }
      if (t.handedOver && !t.takeBack()) {
        t.conn.close(); // refused upgrade, and no room for another HTTP connection
        return;
      }
      if (requestEnded) {
        t.awaitNext();
      }
    }

    void bodyExpired() {
      guard.timedOut();
      HttpErrors.sendAndClose(ctx, 408, "request body did not arrive within " + seconds(limits.bodyTimeout()));
    }
  }

  /** A connection with its slot, its client and its one deadline. */
  private final class Tracked {
    final HttpConnection conn;
    final String peer;
    final boolean proxied;
    String client;
    boolean holds;
    boolean handedOver;
    long timer = -1;

    Tracked(HttpConnection conn, String peer, boolean proxied) {
      this.conn = conn;
      this.peer = peer;
      this.proxied = proxied;
    }

    /** Takes a node slot, and a client slot when {@code client} is known and clients are capped. */
    boolean take(String client) {
      if (!budget.tryAcquire()) {
        return false;
      }
      if (client != null && budget.limitsClients() && !budget.tryAcquire(client)) {
        budget.release();
        return false;
      }
      this.client = client;
      holds = true;
      return true;
    }

    boolean moveTo(String newClient) {
      if (client != null && budget.limitsClients()) {
        budget.release(client);
      }
      client = null;
      if (budget.limitsClients() && !budget.tryAcquire(newClient)) {
        return false;
      }
      client = newClient;
      return true;
    }

    void release() {
      cancelDeadline();
      open.remove(conn);
      if (holds) {
        holds = false;
        budget.release();
        if (client != null && budget.limitsClients()) {
          budget.release(client);
        }
      }
    }

    void handOver() {
      String c = client;
      release();
      client = c;
      handedOver = true;
    }

    boolean takeBack() {
      handedOver = false;
      if (!take(client)) {
        guard.refused();
        return false;
      }
      open.put(conn, this);
      return true;
    }

    void awaitNext() {
      if (holds) {
        deadline(limits.keepAliveTimeout(), this::idleExpired);
      }
    }

    void idleExpired() {
      guard.timedOut();
      conn.close();
    }

    void deadline(Duration after, Runnable onExpiry) {
      cancelDeadline();
      timer = vertx.setTimer(after.toMillis(), id -> {
        timer = -1;
        onExpiry.run();
      });
    }

    void cancelDeadline() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
