package org.ordertracking.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for processes that a test starts and that need their port up front. */
public final class Ports {
  private Ports() {}

  /**
   * A port that was free a moment ago (another process may still take it before it is used; the
   * kernel hands out ephemeral ports in rotation, so that is rare). Below 55536, so that a Redis
   * Cluster node's bus port (port + 10000) is valid too.
   */
  public static int free() {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (s.getLocalPort() <= 55_535) {
          return s.getLocalPort();
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no free loopback port at or below 55535 in 100 tries");
  }
}
