package org.ordertracking.bench.target;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {
  @Test
  void aFreePortIsBelowTheEphemeralRangeAndBindable() throws Exception {
    int port = Ports.free();
    assertTrue(port >= Ports.LOW && port < Ports.HIGH, "port " + port);
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertTrue(s.isBound());
    }
  }
}
