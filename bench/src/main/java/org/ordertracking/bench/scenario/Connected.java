package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.ordertracking.bench.target.Running;
import org.ordertracking.bench.target.Target;

/**
 * A server with its load clients, sockets connected: the set-up of every scenario, and its
 * teardown (clients, then server) in {@link #close}.
 */
final class Connected implements AutoCloseable {
  Running server;
  final ClientFleet fleet;
  final String[] orders;
  /** The merged answer to the connect command. */
  JsonObject connect;

  private Connected(Running server, ClientFleet fleet, String[] orders) {
    this.server = server;
    this.fleet = fleet;
    this.orders = orders;
  }

  /**
   * Starts {@code target} (ready), {@code clients} load clients at least, and opens {@code
   * perOrder} sockets for each of {@code orderCount} fresh orders at {@code ratePerClient} per
   * second per client, retrying those refused or closed early.
   */
  static Connected open(Harness h, Target target, String label, int orderCount, int perOrder, int clients,
      double ratePerClient) throws Exception {
    Running server = h.startReady(target, label);
    try {
      Connected c = prepare(h, server, target, label, orderCount, perOrder, clients);
      c.connect(ratePerClient, true);
      return c;
    } catch (Exception | Error e) {
      server.stop();
      throw e;
    }
  }

  /** Clients started and primed around a running server; nothing connected yet. */
  static Connected prepare(Harness h, Running server, Target target, String label, int orderCount, int perOrder,
      int clients) throws Exception {
    Connected c = clientsFirst(h, server.port(), target, label, orderCount, perOrder, clients);
    c.server = server;
    return c;
  }

  /**
   * Clients started and primed for a server yet to start on {@code port}: the caller starts it and
   * sets {@link #server} (a cold server is measured without waiting for the clients' JVMs).
   */
  static Connected clientsFirst(Harness h, int port, Target target, String label, int orderCount, int perOrder,
      int clients) throws Exception {
    String[] orders = Harness.orderIds(label + "-" + Long.toString(System.nanoTime(), 36), orderCount);
    List<ClientFleet.SocketSpec> sockets = Harness.sockets(target, orders, perOrder);
    return new Connected(null, h.fleet(port, sockets, clients), orders);
  }

  /**
   * Opens every socket, open loop; returns once all attempts settled (for a server that sends a
   * snapshot: once each upgraded socket has it, or closed, or a minute passed).
   */
  JsonObject connect(double ratePerClient) throws InterruptedException {
    return connect(ratePerClient, false);
  }

  /**
   * {@link #connect(double)}; with {@code retry} (setting up sockets to publish to or to weigh,
   * not measuring connects) refused and early-closed sockets are tried again, a few times.
   */
  JsonObject connect(double ratePerClient, boolean retry) throws InterruptedException {
    fleet.merged(Steps.cmd("reset"), Harness.COMMAND_TIMEOUT);
    connect = fleet.merged(Steps.cmd("connect").put("rate", ratePerClient).put("retry", retry)
        .put("firstFrame", server.target().sendsSnapshot()), Harness.COMMAND_TIMEOUT);
    return connect;
  }

  JsonObject report() throws InterruptedException {
    return fleet.merged(Steps.cmd("report"), Harness.COMMAND_TIMEOUT);
  }

  /** Server first: its sockets' TIME_WAIT stays on its side, not on the clients' source ports. */
  @Override
  public void close() {
    if (server != null) {
      server.stop();
    }
    fleet.close();
  }
}
