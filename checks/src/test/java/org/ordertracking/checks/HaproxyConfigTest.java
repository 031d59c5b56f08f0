package org.ordertracking.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/haproxy/haproxy.cfg: valid for haproxy itself, and its health checks, timeouts and retries
 * are the ones that let nodes drain (LoadBalancedRestartIT runs it for real).
 */
class HaproxyConfigTest {
  static final String INSTALL_HINT = "apt-get install -y haproxy (Debian/Ubuntu)";
  /** The directives, without comments. */
  private final String cfg = Repository.read("deploy/haproxy/haproxy.cfg").lines()
      .map(l -> l.replaceFirst("#.*$", "").strip()).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");

  @Test
  void haproxyAcceptsIt() {
    Processes.Result r = Processes.run(List.of("haproxy", "-c", "-f", "deploy/haproxy/haproxy.cfg"),
        Map.of("LB_NODE_1", "127.0.0.1:18081", "LB_NODE_2", "127.0.0.1:18082"), INSTALL_HINT);
    assertEquals(0, r.exit(), r.output());
    assertFalse(r.output().contains("[WARNING]"), "no warnings: " + r.output());
  }

  @Test
  void sendsTrafficOnlyToReadyNodesAndLetsThemCloseTheirOwnSockets() {
    Matcher check = Pattern.compile("http-check send meth GET uri (\\S+)").matcher(cfg);
    assertTrue(check.find() && ServerFacts.healthPaths().contains(check.group(1)) && check.group(1).equals("/health/ready"),
        "nodes are checked on /health/ready");
    assertTrue(cfg.contains("http-check expect status 200"));
    assertFalse(cfg.contains("shutdown-sessions"), "a node marked down keeps its sockets until it closes them with 1012");
  }

  @Test
  void retriesARefusedOrFailedConnectionOnTheOtherNode() {
    Matcher retryOn = Pattern.compile("retry-on ([^\\n]+)").matcher(cfg);
    assertTrue(retryOn.find(), "retry-on is set");
    assertTrue(retryOn.group(1).contains("conn-failure") && retryOn.group(1).contains("503"), retryOn.group(1));
    assertTrue(cfg.contains("option redispatch"), "a retry goes to another node");
  }

  @Test
  void keepsIdleWebSocketsLongerThanTwoPingIntervals() {
    Matcher tunnel = Pattern.compile("timeout tunnel (\\S+)").matcher(cfg);
    assertTrue(tunnel.find());
    Duration ping = ServerFacts.duration(ServerFacts.documentedDefault("TRACKING_PING_INTERVAL"));
    assertTrue(ServerFacts.duration(tunnel.group(1)).compareTo(ping.multipliedBy(2)) > 0,
        "timeout tunnel " + tunnel.group(1) + " vs ping interval " + ping);
  }
}
