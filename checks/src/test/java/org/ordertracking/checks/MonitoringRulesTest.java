package org.ordertracking.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * k8s/monitoring/: the alert rules pass {@code promtool check rules} and their unit tests ({@code
 * promtool test rules}: each alert fires on the synthetic series it should), and the Grafana
 * dashboard is well-formed (every panel queries Prometheus). That every metric they name exists
 * in a real scrape is checked against a running server by the server's MonitoringMetricsIT.
 * promtool comes with Debian's {@code prometheus} package; without it this check is skipped,
 * except under {@code CI=true}, where it fails.
 */
class MonitoringRulesTest {
  static final String RULES = "k8s/monitoring/prometheus/tracking-alerts.rules.yml";
  static final String RULE_TESTS = "k8s/monitoring/prometheus/tracking-alerts.test.yml";
  static final String DASHBOARD = "k8s/monitoring/grafana/tracking-dashboard.json";
  static final String HINT = "promtool is needed: apt-get install -y prometheus (Debian/Ubuntu)";

  @Test
  void alertRulesPassPromtoolCheck() {
    requirePromtool();
    Processes.Result r = Processes.run(List.of("promtool", "check", "rules", RULES), HINT);
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("SUCCESS"), r.output());
  }

  @Test
  void alertsFireOnTheSeriesTheirUnitTestsGive() {
    requirePromtool();
    Processes.Result r = Processes.run(List.of("promtool", "test", "rules", RULE_TESTS), HINT);
    assertEquals(0, r.exit(), r.output());
  }

  @Test
  void theDashboardIsGrafanaJsonWhosePanelsQueryPrometheus() throws Exception {
    JsonNode dash = JsonMapper.builder().build().readTree(Repository.read(DASHBOARD));
    assertEquals("order-tracking", dash.get("uid").asString());
    List<String> exprs = new ArrayList<>();
    for (JsonNode panel : dash.get("panels")) {
      if (panel.get("type").asString().equals("row")) {
        continue;
      }
      String title = panel.get("title").asString();
      assertEquals("${datasource}", panel.at("/datasource/uid").asString(), title);
      assertTrue(panel.get("targets").size() > 0, title + " has queries");
      for (JsonNode t : panel.get("targets")) {
        String expr = t.get("expr").asString();
        assertFalse(expr.isBlank(), title);
        exprs.add(expr);
      }
    }
    assertTrue(exprs.stream().anyMatch(e -> e.contains("tracking_delivery_latency_seconds_bucket")));
  }

  @Test
  void theKustomizationMakesTheRulesAndDashboardConfigMaps() {
    var objects = KubernetesObjects.render(Repository.path("k8s/monitoring"));
    assertEquals(2, KubernetesObjects.ofKind(objects, io.fabric8.kubernetes.api.model.ConfigMap.class).size());
    var rules = KubernetesObjects.named(objects, io.fabric8.kubernetes.api.model.ConfigMap.class, "tracking-alert-rules");
    assertEquals(Repository.read(RULES), rules.getData().get("tracking-alerts.rules.yml"));
    var dashboard =
        KubernetesObjects.named(objects, io.fabric8.kubernetes.api.model.ConfigMap.class, "tracking-grafana-dashboard");
    assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"));
    assertEquals("order-tracking", dashboard.getMetadata().getNamespace());
  }

  private static void requirePromtool() {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      found |= new File(dir, "promtool").canExecute();
    }
    if (!found && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(HINT + " (CI=true: this check may not be skipped)");
    }
    Assumptions.assumeTrue(found, HINT);
  }
}
