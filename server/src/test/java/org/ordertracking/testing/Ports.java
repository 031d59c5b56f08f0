package org.ordertracking.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for processes that a test starts and that need their port up front.
 *
 * <p>Ports are drawn at random below the kernel's ephemeral range: a port handed out by the
 * kernel ({@code bind(0)}) can be taken by any outgoing connection between the check and the
 * process's own bind, and a machine running a load test has tens of thousands of those. Below the
 * range only another listener can take it. The range also keeps {@code port + 10000} (a Redis
 * Cluster node's bus port) below the ephemeral range and at most 65535.
 */
public final class Ports {
  private static final int LOWEST = 10_000;
  private static final int BUS_OFFSET = 10_000;

  private Ports() {}

  /** A port that was free a moment ago, with {@code port + 10000} free too. */
  public static int free() {
    int highest = Math.min(ephemeralLow(), 65_536) - BUS_OFFSET - 1;
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
      if (bindable(port) && bindable(port + BUS_OFFSET)) {
        return port;
      }
    }
    throw new IllegalStateException("no free loopback port in " + LOWEST + ".." + highest + " in 200 tries");
  }

  private static boolean bindable(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The first port of the kernel's ephemeral range (32768 when it cannot be read). */
  private static int ephemeralLow() {
    // Not Files.readString: procfs reports a size of 0, and the JDK then reads a single byte.
    try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
      int low = Integer.parseInt(in.readLine().trim().split("\\s+")[0]);
      return low > LOWEST + BUS_OFFSET + 1_000 ? low : 32_768;
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }
}
