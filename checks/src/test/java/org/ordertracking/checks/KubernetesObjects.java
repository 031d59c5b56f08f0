package org.ordertracking.checks;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * YAML into the Kubernetes API types of the fabric8 model, strictly: an unknown kind or a field the
 * API type does not have (a typo, a wrong indentation) is an error naming where it is, not a
 * silently kept extra property.
 */
final class KubernetesObjects {
  static final String KUBECTL_HINT = "kubectl (with its built-in kustomize) is needed:"
      + " apt-get install -y kubernetes-client (Debian), or any kubectl from 1.14 on";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private KubernetesObjects() {}

  static List<HasMetadata> parse(String yaml, String source) {
    Object parsed = SERIALIZATION.unmarshal(yaml);
    List<?> items = parsed instanceof List<?> l ? l : List.of(parsed);
    List<HasMetadata> out = new ArrayList<>();
    for (Object item : items) {
      if (item == null) {
        continue;
      }
      if (!(item instanceof HasMetadata object) || item instanceof GenericKubernetesResource) {
        throw new AssertionError(source + ": not a known Kubernetes kind: " + item);
      }
      List<String> unknown = new ArrayList<>();
      unknownFields(object, object.getKind() + "/" + object.getMetadata().getName(), unknown);
      if (!unknown.isEmpty()) {
        throw new AssertionError(source + ": fields the Kubernetes API does not have: " + unknown);
      }
      out.add(object);
    }
    return out;
  }

  static List<HasMetadata> parse(Path file) {
    return parse(Repository.read(file), Repository.relative(file));
  }

  /** {@code kubectl kustomize dir}, parsed. */
  static List<HasMetadata> render(Path dir) {
    Processes.Result r = Processes.run(List.of("kubectl", "kustomize", dir.toString()), KUBECTL_HINT);
    if (r.exit() != 0) {
      throw new AssertionError("kubectl kustomize " + Repository.relative(dir) + " failed:\n" + r.output());
    }
    // A recent kustomize warns about bases/patchesStrategicMerge on stderr, merged here.
    String yaml = r.output().lines().filter(l -> !l.startsWith("# Warning:")).reduce("", (a, b) -> a + b + "\n");
    return parse(yaml, "kubectl kustomize " + Repository.relative(dir));
  }

  @SuppressWarnings("unchecked")
  static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(o -> (T) o).toList();
  }

  static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
    return ofKind(objects, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
  }

  private static void unknownFields(Object node, String path, List<String> out) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, out));
      return;
    }
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", out);
      }
      return;
    }
    if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      String name = getter.getName();
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class || !name.startsWith("get")) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(node);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue; // a computed getter that does not apply to this value
      }
      if (name.equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          out.add(path + ": " + extra.keySet());
        }
      } else {
        unknownFields(value, path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4), out);
      }
    }
  }

  /** Every directory under k8s/ with a kustomization, but k8s/monitoring (the observability lane's). */
  static List<Path> kustomizations() {
    return Repository.files("k8s").stream()
        .filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
        .map(Path::getParent)
        .filter(d -> !Repository.relative(d).startsWith("k8s/monitoring"))
        .toList();
  }

  /** Every manifest file (patches included), but kustomizations and k8s/monitoring. */
  static List<Path> manifestFiles() {
    return Repository.files("k8s").stream()
        .filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
        .filter(f -> !Repository.relative(f).startsWith("k8s/monitoring"))
        .filter(Files::isRegularFile)
        .toList();
  }
}
