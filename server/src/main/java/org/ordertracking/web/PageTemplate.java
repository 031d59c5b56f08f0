package org.ordertracking.web;

import io.vertx.core.json.JsonObject;

/**
 * Fills index.html's two placeholders: {@code {{ASSETS}}} (the versioned asset path) and
 * {@code {{CONFIG}}} (the page settings as JSON inside a {@code <script type="application/json">},
 * escaped so no value can close that element).
 */
final class PageTemplate {
  private final String html;

  PageTemplate(String template, String assetsBase, PageConfig config) {
    String json = new JsonObject()
        .put("tilesUrl", config.tilesUrl())
        .put("attribution", config.attribution())
        .encode();
    this.html = template
        .replace("{{ASSETS}}", assetsBase)
        .replace("{{CONFIG}}", scriptSafe(json));
  }

  String html() {
    return html;
  }

  /** JSON that is still the same JSON but cannot contain {@code </script>} or {@code <!--}. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }
}
