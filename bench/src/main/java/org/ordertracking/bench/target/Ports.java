package org.ordertracking.bench.target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for the processes the bench starts, chosen below the kernel's ephemeral range
 * (32768 and up here): the load clients open thousands of connections from ephemeral ports, and
 * one of them could take a port chosen there before the server binds it.
 */
public final class Ports {
  static final int LOW = 20_000;
  static final int HIGH = 32_000;

  private Ports() {}

  /** A port in [{@link #LOW}, {@link #HIGH}) that was free a moment ago. */
  public static int free() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException e) {
        // taken: try another
      }
    }
    throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
  }
}
