package org.ordertracking.checks;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Plain YAML reading for files that are not Kubernetes objects (docker-compose output). */
final class Yaml {
  private Yaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String text) {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    if (!(v instanceof Map)) {
      throw new AssertionError("no mapping '" + key + "' in " + parent.keySet());
    }
    return (Map<String, Object>) v;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    return v instanceof List ? (List<Object>) v : List.of();
  }

  static String string(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    return v == null ? null : v.toString();
  }
}
