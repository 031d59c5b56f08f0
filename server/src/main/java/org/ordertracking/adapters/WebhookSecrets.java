package org.ordertracking.adapters;

import java.util.ArrayList;
import java.util.List;

/**
 * A provider's webhook secrets as configured: one value, or several separated by {@code |} (any
 * one verifies a request, so a new key can be added before the provider switches to it and the old
 * one removed after). Empty entries are ignored.
 */
public final class WebhookSecrets {
  public static final String SEPARATOR = "|";

  private WebhookSecrets() {}

  public static List<String> split(String configured) {
    List<String> out = new ArrayList<>(2);
    if (configured == null) {
      return out;
    }
    for (String s : configured.split("\\|")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }
}
