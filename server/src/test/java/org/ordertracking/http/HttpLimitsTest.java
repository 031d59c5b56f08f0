package org.ordertracking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

class HttpLimitsTest {
  private static HttpLimits limits(Map<String, String> vars) {
    return HttpLimits.fromEnv(new Env(vars));
  }

  @Test
  void defaultsBoundEveryRequestAndConnection() {
    HttpLimits d = limits(Map.of());
    assertEquals(Duration.ofSeconds(10), d.headerTimeout());
    assertEquals(Duration.ofSeconds(30), d.bodyTimeout());
    assertEquals(Duration.ofSeconds(75), d.keepAliveTimeout());
    assertEquals(10_000, d.maxConnections());
    assertEquals(0, d.maxConnectionsPerClient());
    assertTrue(d.trustedProxies().isEmpty());
  }

  @Test
  void badValuesNameTheVariable() {
    var e = assertThrows(ConfigException.class, () -> limits(Map.of("TRACKING_HTTP_HEADER_TIMEOUT", "soon")));
    assertTrue(e.getMessage().contains("TRACKING_HTTP_HEADER_TIMEOUT"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> limits(Map.of("TRACKING_HTTP_MAX_CONNECTIONS", "0")));
    assertTrue(e.getMessage().contains("TRACKING_HTTP_MAX_CONNECTIONS"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> limits(Map.of("TRACKING_TRUSTED_PROXIES", "10.0.0.0/33")));
    assertTrue(e.getMessage().contains("TRACKING_TRUSTED_PROXIES"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> limits(Map.of("TRACKING_TRUSTED_PROXIES", "lb.internal")));
    assertTrue(e.getMessage().contains("not an IP address"), e.getMessage());
  }

  @Test
  void trustedProxiesMatchAddressesAndRanges() {
    TrustedProxies p = TrustedProxies.parse("X", "10.0.0.0/8, 192.168.1.7, fd00::/8");
    assertTrue(p.trusts("10.200.3.4"));
    assertTrue(p.trusts("192.168.1.7"));
    assertFalse(p.trusts("192.168.1.8"));
    assertTrue(p.trusts("fd12::1"));
    assertFalse(p.trusts("fe80::1"));
    assertFalse(p.trusts("not-an-address"));
  }

  @Test
  void theClientIsTheRightMostForwardedAddressThatIsNotATrustedProxy() {
    TrustedProxies p = TrustedProxies.parse("X", "10.0.0.0/8");
    assertEquals("203.0.113.9", p.client("10.0.0.1", "1.1.1.1, 203.0.113.9"), "left entries are the client's own");
    assertEquals("203.0.113.9", p.client("10.0.0.1", "203.0.113.9, 10.0.0.2"), "proxy chain skipped");
    assertEquals("203.0.113.9", p.client("10.0.0.1", "203.0.113.9:4711"), "port dropped");
    assertEquals("2001:db8::1", p.client("10.0.0.1", "[2001:db8::1]:4711"));
    assertEquals("10.0.0.1", p.client("10.0.0.1", "garbage"), "nothing believable: the proxy itself");
    assertEquals("198.51.100.1", p.client("198.51.100.1", "203.0.113.9"), "untrusted peer: header ignored");
    assertEquals("10.0.0.1", p.client("10.0.0.1", null));
  }

  @Test
  void theConnectionBudgetCapsTotalAndPerClientAndForgetsIdleClients() {
    ConnectionBudget b = new ConnectionBudget(3, 2);
    assertTrue(b.tryAcquire());
    assertTrue(b.tryAcquire());
    assertTrue(b.tryAcquire());
    assertFalse(b.tryAcquire());
    b.release();
    assertEquals(2, b.open());
    assertTrue(b.tryAcquire("a"));
    assertTrue(b.tryAcquire("a"));
    assertFalse(b.tryAcquire("a"));
    assertTrue(b.tryAcquire("b"));
    b.release("a");
    b.release("a");
    b.release("b");
    assertEquals(0, b.clients());
  }
}
