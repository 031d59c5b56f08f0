package org.ordertracking.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as docker-compose itself reads it ({@code docker-compose config}, which needs
 * no Docker engine), then checked against the server and the load balancer config: the multi-node
 * demo is wired the way the process-level test runs it.
 */
class ComposeFileTest {
  static final String INSTALL_HINT = "apt-get install -y docker-compose (Debian/Ubuntu), or Docker's compose plugin";
  private static Map<String, Object> services;

  @BeforeAll
  static void normalize() {
    Processes.Result r = Processes.run(List.of("docker-compose", "-f", "docker-compose.yml", "config"), INSTALL_HINT);
    assertEquals(0, r.exit(), "docker-compose config refuses docker-compose.yml:\n" + r.output());
    services = Yaml.map(Yaml.map(r.output()), "services");
  }

  @Test
  void runsRedisTwoServerNodesALoadBalancerAndTheSimulator() {
    assertEquals(Set.of("redis", "server-1", "server-2", "lb", "simulator"), services.keySet());
    for (String pulled : List.of("redis", "lb")) {
      String image = Yaml.string(service(pulled), "image");
      assertTrue(DockerfileTest.PINNED.matcher(image).matches(), pulled + " image pinned to an exact release: " + image);
    }
    for (String built : List.of("server-1", "server-2", "simulator")) {
      assertTrue(service(built).containsKey("build"), built + " runs the image built from the Dockerfile");
    }
  }

  @Test
  void serverNodesUseRedisAndOnlyVariablesTheServerReads() {
    for (String node : List.of("server-1", "server-2")) {
      Map<String, Object> env = Yaml.map(service(node), "environment");
      env.keySet().forEach(k -> assertTrue(ServerFacts.reads(k), node + " sets " + k + ", which the server does not read"));
      assertEquals("redis://redis:6379", env.get("TRACKING_REDIS_URL"), node + " shares the redis service");
      assertEquals(Integer.toString(ServerFacts.defaultPort()), env.get("TRACKING_PORT"));
    }
    assertEquals(Yaml.map(service("server-1"), "environment"), Yaml.map(service("server-2"), "environment"),
        "both nodes are configured alike");
  }

  @Test
  void nodesDrainWithinTheirStopGracePeriodAndReportReadiness() {
    Map<String, Object> node = service("server-1");
    Duration drain = ServerFacts.duration(Yaml.string(Yaml.map(node, "environment"), "TRACKING_DRAIN_WINDOW"));
    Duration grace = ServerFacts.duration(Yaml.string(node, "stop_grace_period"));
    assertTrue(grace.compareTo(drain.plusSeconds(5)) > 0, "stop_grace_period " + grace + " above the drain window " + drain);
    String check = String.valueOf(Yaml.map(node, "healthcheck").get("test"));
    assertTrue(check.contains("/health/ready") && ServerFacts.healthPaths().contains("/health/ready"), check);
    assertTrue(check.contains(":" + ServerFacts.defaultPort() + "/"), "health check on the node's port: " + check);
  }

  @Test
  void theLoadBalancerRunsTheRepositorysHaproxyConfigAgainstBothNodes() {
    Map<String, Object> lb = service("lb");
    assertTrue(Yaml.list(lb, "volumes").stream().map(String::valueOf)
            .anyMatch(v -> v.endsWith("deploy/haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro")),
        "lb mounts deploy/haproxy/haproxy.cfg: " + Yaml.list(lb, "volumes"));
    Map<String, Object> env = Yaml.map(lb, "environment");
    int port = ServerFacts.defaultPort();
    assertEquals("server-1:" + port, env.get("LB_NODE_1"));
    assertEquals("server-2:" + port, env.get("LB_NODE_2"));
    assertEquals(Set.of("LB_BIND", "LB_STATS_BIND", "LB_NODE_1", "LB_NODE_2", "LB_MAXCONN"), env.keySet(),
        "the variables deploy/haproxy/haproxy.cfg reads");
    for (String name : env.keySet()) {
      assertTrue(Repository.read("deploy/haproxy/haproxy.cfg").contains("${" + name), "haproxy.cfg reads " + name);
    }
  }

  @Test
  void theSimulatorSignsWebhooksTheNodesAcceptAndServesWhatTheyPoll() {
    Map<String, Object> sim = service("simulator");
    assertTrue(String.valueOf(sim.get("entrypoint")).contains("org.ordertracking.simulator.ProviderSimulator"));
    assertTrue(Repository.read("server/src/main/java/org/ordertracking/simulator/ProviderSimulator.java")
        .contains("public static void main(String[] args)"), "ProviderSimulator has a main");
    Map<String, Object> simEnv = Yaml.map(sim, "environment");
    simEnv.keySet().forEach(k -> assertTrue(ServerFacts.reads(k), "simulator sets " + k + ", which it does not read"));
    Map<String, Object> nodeEnv = Yaml.map(service("server-1"), "environment");
    assertEquals(nodeEnv.get("TRACKING_WEBHOOK_SECRETS"), simEnv.get("SIM_SECRETS"), "the same provider secrets");
    assertEquals("http://lb:" + ServerFacts.defaultPort(), simEnv.get("SIM_TARGET_URL"), "webhooks go through the load balancer");
    assertEquals("http://simulator:" + simEnv.get("SIM_PORT"), nodeEnv.get("TRACKING_DELIVEROO_API_URL"));
    assertEquals(nodeEnv.get("TRACKING_DELIVEROO_API_URL") + "/oauth2/token", nodeEnv.get("TRACKING_DELIVEROO_AUTH_URL"),
        "the simulator's token endpoint");
    assertEquals(nodeEnv.get("TRACKING_DELIVEROO_CLIENT_ID"), simEnv.get("SIM_CLIENT_ID"));
    assertEquals(nodeEnv.get("TRACKING_DELIVEROO_CLIENT_SECRET"), simEnv.get("SIM_CLIENT_SECRET"));
    assertEquals("0.0.0.0", simEnv.get("SIM_HOST"), "reachable from the nodes");
  }

  private static Map<String, Object> service(String name) {
    return Yaml.map(services, name);
  }
}
