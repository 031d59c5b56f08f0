package org.ordertracking.bench.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which order each published event goes to: round-robin over the orders, so event {@code g} goes
 * to order {@code g % n} and is that order's {@code g / n + 1}-th event. Publishers record the last
 * seq they know each order reached; the load clients compare their sockets against it.
 */
public final class EventPlan {
  private final String[] orderIds;
  private final long[] lastSeq;
  private long next;

  public EventPlan(String[] orderIds) {
    if (orderIds.length == 0) {
      throw new IllegalArgumentException("no orders");
    }
    this.orderIds = orderIds.clone();
    this.lastSeq = new long[orderIds.length];
  }

  public int orders() {
    return orderIds.length;
  }

  public String orderId(int order) {
    return orderIds[order];
  }

  /** Takes the next event: returns its order index. */
  public int nextOrder() {
    return (int) (next++ % orderIds.length);
  }

  /** The seq a publisher that numbers events itself gives the event just taken for {@code order}. */
  public long nextSeq(int order) {
    return ++lastSeq[order];
  }

  /** Records a seq the server assigned (the batch API answers it). */
  public void seen(int order, long seq) {
    if (seq > lastSeq[order]) {
      lastSeq[order] = seq;
    }
  }

  public long lastSeq(int order) {
    return lastSeq[order];
  }

  public long taken() {
    return next;
  }

  /** Writes the last seq of every order, one per line, for the load clients' tail check. */
  public void writeLastSeqs(Path file) throws IOException {
    Files.writeString(file, Arrays.stream(lastSeq).mapToObj(Long::toString).collect(Collectors.joining("\n", "", "\n")));
  }
}
