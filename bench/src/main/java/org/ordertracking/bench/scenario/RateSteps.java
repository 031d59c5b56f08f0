package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.ordertracking.bench.publish.EventPlan;
import org.ordertracking.bench.publish.Publisher;
import org.ordertracking.bench.target.Target;

/**
 * The shape of the publishing scenarios: a fresh server, {@code orders x perOrder} sockets opened
 * at a gentle 2 x 250/s (these scenarios measure delivery, not the connect storm, which today's
 * server does not survive on a loaded machine), a warm-up at the first rate, then one measured
 * window per rate, stepping up. Every socket must be open before publishing starts.
 */
final class RateSteps {
  private static final double CONNECT_RATE_PER_CLIENT = 250;

  private RateSteps() {}

  /**
   * @param p99LimitMs a step above it (or losing anything) fails; with {@code stopAtFailure} no
   *     higher rate is tried after a failing step
   * @param seconds the measured window of each step
   */
  static JsonArray run(Harness h, Target target, String label, int orders, int perOrder, double[] rates,
      boolean viaApi, double p99LimitMs, boolean stopAtFailure, int seconds) throws Exception {
    JsonArray out = new JsonArray();
    try (Connected c = Connected.open(h, target, label, h.options.scaled(orders), perOrder, 2,
        h.options.scaled((int) CONNECT_RATE_PER_CLIENT))) {
      long expected = (long) c.orders.length * perOrder;
      long open = c.report().getLong("open");
      if (open < expected) {
        throw new IllegalStateException("only " + open + " of " + expected + " sockets open before publishing; connect: "
            + "refused " + c.connect.getJsonObject("refused").encode() + ", failed " + c.connect.getJsonObject("failed").encode()
            + ", closed " + c.connect.getJsonObject("closed").encode());
      }
      EventPlan plan = new EventPlan(c.orders);
      Publisher publisher = h.publisher(target, c.server, plan, viaApi);
      try {
        Steps steps = new Steps(h, c.server, c.fleet, publisher, plan);
        steps.warmUp(h.options.scaled((int) rates[0]));
        for (double rate : rates) {
          JsonObject step = steps.step(h.options.scaled((int) rate), seconds)
              .put("nominalRate", rate)
              .put("sockets", expected);
          boolean pass = Steps.passes(step, p99LimitMs);
          step.put("passes", pass);
          out.add(step);
          System.out.printf("  %s %s %.0f events/s: p99 %s ms, loss %d, %s%n", target.name(), label, rate,
              step.getJsonObject("latency").getValue("p99"), step.getLong("loss"), pass ? "pass" : "FAIL");
          if (!pass && stopAtFailure) {
            break;
          }
        }
      } finally {
        Harness.await(publisher.close());
      }
    }
    return out;
  }

  /** The highest nominal rate of a passing step at or under {@code p99Ms}, below the first failing one. */
  static double highestPassing(JsonArray steps, double p99Ms) {
    double best = 0;
    for (int i = 0; i < steps.size(); i++) {
      JsonObject s = steps.getJsonObject(i);
      if (!Steps.passes(s, p99Ms)) {
        break;
      }
      best = s.getDouble("nominalRate");
    }
    return best;
  }
}
