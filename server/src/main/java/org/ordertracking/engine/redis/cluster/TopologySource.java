package org.ordertracking.engine.redis.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
import org.ordertracking.engine.redis.RedisSetup;

/**
 * Asks cluster nodes for the slot map ({@code CLUSTER SLOTS}), one candidate after the other
 * until one answers: the node that hinted at a change first (it knows), then the nodes last
 * seen, then the configured seeds. Each question goes over a short-lived connection of its own
 * with a deadline, so a dead or hung node costs at most that.
 */
final class TopologySource {
  static final long ASK_TIMEOUT_MS = 2_000;

  private final Vertx vertx;
  private final RedisSetup setup;

  TopologySource(Vertx vertx, RedisSetup setup) {
    this.vertx = vertx;
    this.setup = setup;
  }

  /** The first answer of {@code candidates} ({@code host:port}), in order. */
  Future<Topology> fetch(List<String> candidates) {
    return fetch(candidates, 0, null);
  }

  private Future<Topology> fetch(List<String> candidates, int index, Throwable last) {
    if (index >= candidates.size()) {
      return Future.failedFuture("no cluster node answered CLUSTER SLOTS"
          + (last == null ? "" : " (last: " + firstLine(last.getMessage()) + ")"));
    }
    String node = candidates.get(index);
    return ask(node).recover(err -> fetch(candidates, index + 1, err));
  }

  private Future<Topology> ask(String node) {
    Redis client = setup.nodeClient(node);
    Promise<Topology> answer = Promise.promise();
    long timer = vertx.setTimer(ASK_TIMEOUT_MS, id -> answer.tryFail(node + " did not answer in time"));
    client.send(Request.cmd(Command.CLUSTER).arg("SLOTS"))
        .map(reply -> {
          if (reply == null || reply.size() == 0) {
            throw new IllegalStateException(node + " reports no slots");
          }
          return Topology.parse(reply, host(node));
        })
        .onComplete(ar -> {
          vertx.cancelTimer(timer);
          if (ar.succeeded()) {
            answer.tryComplete(ar.result());
          } else {
            answer.tryFail(ar.cause());
          }
        });
    return answer.future().eventually(client::close);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown error";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static String host(String hostPort) {
    String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }
}
