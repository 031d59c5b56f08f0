package org.ordertracking.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * k8s/: every file and every rendered kustomization parses into Kubernetes API types, and the
 * deployable variants agree with the server (probe paths, port, variable names), with themselves
 * (Services, Ingress, autoscalers and budgets point at what exists) and with the drain timing.
 */
class KubernetesManifestsTest {
  private static final Map<String, List<HasMetadata>> RENDERED = new HashMap<>();

  static Stream<String> manifestFiles() {
    return KubernetesObjects.manifestFiles().stream().map(Repository::relative);
  }

  static Stream<String> kustomizations() {
    return KubernetesObjects.kustomizations().stream().map(Repository::relative);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifestFiles")
  void everyManifestFileParsesIntoKubernetesTypes(String file) {
    assertFalse(KubernetesObjects.parse(Repository.path(file)).isEmpty(), file + " holds no object");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kustomizations")
  void everyKustomizationRendersIntoKubernetesTypes(String dir) {
    List<HasMetadata> objects = KubernetesObjects.render(Repository.path(dir));
    assertFalse(objects.isEmpty());
    for (HasMetadata o : objects) {
      if (!(o instanceof io.fabric8.kubernetes.api.model.Namespace)) {
        assertEquals("order-tracking", o.getMetadata().getNamespace(), o.getKind() + " " + o.getMetadata().getName());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"k8s/base", "k8s/overlays/roles", "k8s/overlays/demo"})
  void serverPodsProbeTheServersHealthPathsOnItsPortWithItsVariables(String variant) {
    List<HasMetadata> objects = rendered(variant);
    Map<String, String> config = configOf(objects);
    int port = Integer.parseInt(config.getOrDefault("TRACKING_PORT", Integer.toString(ServerFacts.defaultPort())));
    Set<String> healthPaths = ServerFacts.healthPaths();
    for (Deployment d : serverDeployments(objects)) {
      Container c = serverContainer(d.getSpec().getTemplate());
      String where = d.getMetadata().getName();
      assertEquals(port, c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
          .orElseThrow(() -> new AssertionError(where + ": no port named http")).getContainerPort(), where);
      assertProbe(where + " readiness", c.getReadinessProbe(), "/health/ready", healthPaths);
      assertProbe(where + " liveness", c.getLivenessProbe(), "/health/live", healthPaths);
      assertProbe(where + " startup", c.getStartupProbe(), "/health/live", healthPaths);
      for (String name : variablesOf(c, objects)) {
        assertTrue(ServerFacts.reads(name), where + " sets " + name + ", which the server does not read");
      }
      assertNotNull(c.getResources().getRequests().get("cpu"), where + " requests cpu");
      assertNotNull(c.getResources().getRequests().get("memory"), where + " requests memory");
      assertNotNull(c.getResources().getLimits().get("memory"), where + " limits memory");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"k8s/base", "k8s/overlays/roles", "k8s/overlays/demo"})
  void serverPodsRunNonRootOnAReadOnlyRootWithAWritableTmp(String variant) {
    for (Deployment d : serverDeployments(rendered(variant))) {
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      Container c = serverContainer(d.getSpec().getTemplate());
      String where = d.getMetadata().getName();
      assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), where);
      assertTrue(pod.getSecurityContext().getRunAsUser() > 0, where);
      assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), where);
      assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where);
      assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), where);
      String tmpVolume = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
          .orElseThrow(() -> new AssertionError(where + " mounts nothing writable on /tmp (java.io.tmpdir)")).getName();
      assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getName().equals(tmpVolume) && v.getEmptyDir() != null),
          where + ": /tmp is an emptyDir");
      assertTrue(Repository.read("deploy/jvm.options").contains("-Djava.io.tmpdir=/tmp"), "the JVM's tmp dir is /tmp");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"k8s/base", "k8s/overlays/roles", "k8s/overlays/demo"})
  void podsDrainWithinTheirTerminationGracePeriod(String variant) {
    List<HasMetadata> objects = rendered(variant);
    Duration drain = ServerFacts.duration(configOf(objects).getOrDefault("TRACKING_DRAIN_WINDOW",
        ServerFacts.documentedDefault("TRACKING_DRAIN_WINDOW")));
    for (Deployment d : serverDeployments(objects)) {
      Container c = serverContainer(d.getSpec().getTemplate());
      List<String> preStop = c.getLifecycle().getPreStop().getExec().getCommand();
      assertEquals("sleep", preStop.get(0), "preStop waits for endpoints to be removed");
      Duration needed = Duration.ofSeconds(Long.parseLong(preStop.get(1))).plus(drain).plusSeconds(5);
      long grace = d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
      assertTrue(grace >= needed.toSeconds(), d.getMetadata().getName() + ": terminationGracePeriodSeconds "
          + grace + " < preStop + TRACKING_DRAIN_WINDOW + 5 s = " + needed.toSeconds());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"k8s/base", "k8s/overlays/roles", "k8s/overlays/demo"})
  void servicesIngressAutoscalersAndBudgetsPointAtWhatExists(String variant) {
    List<HasMetadata> objects = rendered(variant);
    List<PodTemplateSpec> pods = new ArrayList<>();
    KubernetesObjects.ofKind(objects, Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate()));
    KubernetesObjects.ofKind(objects, StatefulSet.class).forEach(s -> pods.add(s.getSpec().getTemplate()));
    for (Service s : KubernetesObjects.ofKind(objects, Service.class)) {
      List<PodTemplateSpec> selected = pods.stream().filter(p -> selects(s.getSpec().getSelector(), p)).toList();
      assertFalse(selected.isEmpty(), "Service " + s.getMetadata().getName() + " selects no pods");
      for (ServicePort port : s.getSpec().getPorts()) {
        String target = port.getTargetPort().getStrVal();
        assertTrue(selected.stream().allMatch(p -> p.getSpec().getContainers().stream()
                .anyMatch(c -> c.getPorts().stream().anyMatch(cp -> target.equals(cp.getName())))),
            "Service " + s.getMetadata().getName() + " targets port " + target + " that its pods do not name");
      }
    }
    Duration ping = ServerFacts.duration(configOf(objects).getOrDefault("TRACKING_PING_INTERVAL",
        ServerFacts.documentedDefault("TRACKING_PING_INTERVAL")));
    for (Ingress ingress : KubernetesObjects.ofKind(objects, Ingress.class)) {
      Map<String, String> a = ingress.getMetadata().getAnnotations();
      for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
        long seconds = Long.parseLong(a.get("nginx.ingress.kubernetes.io/" + timeout));
        assertTrue(seconds > ping.multipliedBy(2).toSeconds(), timeout + " " + seconds + " s must outlast two pings (" + ping + ")");
      }
      Set<String> routed = new TreeSet<>();
      for (var rule : ingress.getSpec().getRules()) {
        for (HTTPIngressPath path : rule.getHttp().getPaths()) {
          routed.add(path.getPath());
          var backend = path.getBackend().getService();
          Service s = KubernetesObjects.named(objects, Service.class, backend.getName());
          assertTrue(s.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(backend.getPort().getName())),
              "Ingress path " + path.getPath() + " goes to a port " + backend.getName() + " does not have");
        }
      }
      assertEquals(new TreeSet<>(List.of("/api", "/track", "/track-assets", "/webhooks", "/ws/track")), routed,
          "the public routes, and not /health or /metrics");
    }
    for (HorizontalPodAutoscaler hpa : KubernetesObjects.ofKind(objects, HorizontalPodAutoscaler.class)) {
      KubernetesObjects.named(objects, Deployment.class, hpa.getSpec().getScaleTargetRef().getName());
    }
    for (PodDisruptionBudget pdb : KubernetesObjects.ofKind(objects, PodDisruptionBudget.class)) {
      assertTrue(pods.stream().anyMatch(p -> selects(pdb.getSpec().getSelector().getMatchLabels(), p)),
          "PodDisruptionBudget " + pdb.getMetadata().getName() + " selects no pods");
    }
  }

  @Test
  void baseRunsEveryRoleInOneDeployment() {
    List<Deployment> nodes = serverDeployments(rendered("k8s/base"));
    assertEquals(1, nodes.size());
    assertTrue(serverContainer(nodes.get(0).getSpec().getTemplate()).getEnv().stream()
        .noneMatch(e -> e.getName().equals("TRACKING_ROLES")), "all roles: the default");
  }

  @Test
  void rolesOverlayRunsEachRoleInItsOwnDeployment() {
    Map<String, String> roles = new HashMap<>();
    for (Deployment d : serverDeployments(rendered("k8s/overlays/roles"))) {
      EnvVar role = serverContainer(d.getSpec().getTemplate()).getEnv().stream()
          .filter(e -> e.getName().equals("TRACKING_ROLES")).findFirst()
          .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + " sets no TRACKING_ROLES"));
      roles.put(role.getValue(), d.getMetadata().getName());
    }
    assertEquals(Map.of("gateway", "tracking-server-gateway", "ingest", "tracking-server-ingest",
        "adapters", "tracking-server-adapters"), roles);
  }

  @Test
  void demoOverlayRunsRedisAndPointsTheNodesAtIt() {
    List<HasMetadata> objects = rendered("k8s/overlays/demo");
    StatefulSet redis = KubernetesObjects.named(objects, StatefulSet.class, "redis");
    String image = redis.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    assertTrue(DockerfileTest.PINNED.matcher(image).matches(), "Redis pinned to an exact release: " + image);
    URI url = URI.create(KubernetesObjects.named(objects, Secret.class, "tracking-secrets").getStringData().get("TRACKING_REDIS_URL"));
    Service service = KubernetesObjects.named(objects, Service.class, url.getHost());
    assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == url.getPort()), url.toString());
    assertTrue(selects(service.getSpec().getSelector(), redis.getSpec().getTemplate()), "the Service is the StatefulSet's");
  }

  private static synchronized List<HasMetadata> rendered(String variant) {
    return RENDERED.computeIfAbsent(variant, v -> KubernetesObjects.render(Repository.path(v)));
  }

  private static List<Deployment> serverDeployments(List<HasMetadata> objects) {
    List<Deployment> out = KubernetesObjects.ofKind(objects, Deployment.class).stream()
        .filter(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()
            .anyMatch(c -> c.getImage().contains("tracking-server")))
        .toList();
    assertFalse(out.isEmpty(), "no tracking-server Deployment");
    return out;
  }

  private static Container serverContainer(PodTemplateSpec pod) {
    return pod.getSpec().getContainers().stream().filter(c -> c.getImage().contains("tracking-server")).findFirst()
        .orElseThrow();
  }

  private static Map<String, String> configOf(List<HasMetadata> objects) {
    return KubernetesObjects.named(objects, ConfigMap.class, "tracking-config").getData();
  }

  /** The names a container gets: its env, and every key of the ConfigMaps and Secrets it takes whole. */
  private static Set<String> variablesOf(Container c, List<HasMetadata> objects) {
    Set<String> names = new TreeSet<>();
    c.getEnv().forEach(e -> names.add(e.getName()));
    for (EnvFromSource from : c.getEnvFrom()) {
      if (from.getConfigMapRef() != null) {
        names.addAll(KubernetesObjects.named(objects, ConfigMap.class, from.getConfigMapRef().getName()).getData().keySet());
      }
      if (from.getSecretRef() != null) {
        Secret s = KubernetesObjects.named(objects, Secret.class, from.getSecretRef().getName());
        if (s.getStringData() != null) {
          names.addAll(s.getStringData().keySet());
        }
        if (s.getData() != null) {
          names.addAll(s.getData().keySet());
        }
      }
    }
    return names;
  }

  private static void assertProbe(String what, Probe probe, String path, Set<String> healthPaths) {
    assertNotNull(probe, what + " probe");
    assertEquals(path, probe.getHttpGet().getPath(), what);
    assertTrue(healthPaths.contains(path), "the server routes " + path);
    assertEquals("http", probe.getHttpGet().getPort().getStrVal(), what + " on the http port");
  }

  private static boolean selects(Map<String, String> selector, PodTemplateSpec pod) {
    return selector != null && !selector.isEmpty()
        && pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet());
  }
}
