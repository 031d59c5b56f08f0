package org.ordertracking.engine.redis.cluster;

import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who owns which slot, as one node answered {@code CLUSTER SLOTS}: immutable, replaced whole on
 * every refresh. Nodes are named {@code host:port}.
 */
final class Topology {
  private final String[] masterBySlot;
  private final List<String> masters;
  private final List<String> nodes;

  private Topology(String[] masterBySlot, List<String> masters, List<String> nodes) {
    this.masterBySlot = masterBySlot;
    this.masters = masters;
    this.nodes = nodes;
  }

  /**
   * @param reply the answer to {@code CLUSTER SLOTS}
   * @param askedHost the host of the node asked: Redis 7 leaves a node's host empty to mean "the
   *     host you reached me at"
   */
  static Topology parse(Response reply, String askedHost) {
    String[] bySlot = new String[HashSlot.SLOTS];
    Set<String> masters = new LinkedHashSet<>();
    Set<String> nodes = new LinkedHashSet<>();
    for (Response range : reply) {
      int start = range.get(0).toInteger();
      int end = range.get(1).toInteger();
      for (int i = 2; i < range.size(); i++) {
        Response node = range.get(i);
        Response hostField = node.get(0);
        String host = hostField == null || hostField.toString().isEmpty() ? askedHost : hostField.toString();
        String name = (host.contains(":") ? "[" + host + "]" : host) + ":" + node.get(1).toInteger();
        nodes.add(name);
        if (i == 2) {
          masters.add(name);
          Arrays.fill(bySlot, start, end + 1, name);
        }
      }
    }
    return new Topology(bySlot, List.copyOf(masters), List.copyOf(nodes));
  }

  /** The master owning {@code slot}, or null while no master serves it. */
  String masterOf(int slot) {
    return masterBySlot[slot];
  }

  /** Whether every slot has a master. */
  boolean complete() {
    for (String m : masterBySlot) {
      if (m == null) {
        return false;
      }
    }
    return true;
  }

  List<String> masters() {
    return masters;
  }

  /** Every node listed, masters first: where to ask next time. */
  List<String> nodes() {
    List<String> all = new ArrayList<>(masters);
    nodes.stream().filter(n -> !masters.contains(n)).forEach(all::add);
    return all;
  }
}
