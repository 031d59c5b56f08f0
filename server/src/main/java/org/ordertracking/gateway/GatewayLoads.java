package org.ordertracking.gateway;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ordertracking.ops.admin.BusiestOrders;

/**
 * The operator page's busiest orders, from the gateway: each event loop counts its own sockets per
 * order on its own context ({@link LoopGateway#loads}), nothing shared is kept; the answers are
 * merged (an order watched from several loops adds up) and sorted here. Frames are those written
 * to the sockets still open.
 */
final class GatewayLoads implements BusiestOrders {
  private static final Comparator<OrderLoad> BUSIEST_FIRST =
      Comparator.comparingInt(OrderLoad::sockets).reversed()
          .thenComparing(Comparator.comparingLong(OrderLoad::frames).reversed())
          .thenComparing(OrderLoad::orderId);

  private final Supplier<List<LoopGateway>> loops;

  GatewayLoads(Supplier<List<LoopGateway>> loops) {
    this.loops = loops;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Future<List<OrderLoad>> top(int n) {
    List<Future<List<OrderLoad>>> asked = new ArrayList<>();
    for (LoopGateway loop : loops.get()) {
      asked.add(loop.loads());
    }
    return Future.all(asked).map(done -> merge(asked, n));
  }

  private static List<OrderLoad> merge(List<Future<List<OrderLoad>>> answers, int n) {
    Map<String, OrderLoad> byOrder = new HashMap<>();
    for (Future<List<OrderLoad>> answer : answers) {
      for (OrderLoad load : answer.result()) {
        byOrder.merge(load.orderId(), load, (a, b) ->
            new OrderLoad(a.orderId(), a.sockets() + b.sockets(), a.frames() + b.frames()));
      }
    }
    return byOrder.values().stream().sorted(BUSIEST_FIRST).limit(Math.max(0, n)).toList();
  }
}
