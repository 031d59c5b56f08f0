package org.ordertracking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class PageTemplateTest {

  @Test
  void fillsTheAssetPathAndTheConfig() {
    String html = new PageTemplate("<link href=\"{{ASSETS}}/app/style.css\"><script>{{CONFIG}}</script>",
        "/track-assets/b1", new PageConfig("https://t.example.org/{z}/{x}/{y}.png", "Maps")).html();
    assertTrue(html.contains("href=\"/track-assets/b1/app/style.css\""), html);
    assertTrue(html.contains("\"tilesUrl\":\"https://t.example.org/{z}/{x}/{y}.png\""), html);
  }

  @Test
  void noConfigValueCanCloseTheScriptElement() {
    String attribution = "</script><script>alert(1)</script> & <!--";
    String html = new PageTemplate("{{CONFIG}}", "/a",
        new PageConfig("https://t.example.org/{z}/{x}/{y}.png", attribution)).html();
    assertFalse(html.contains("<"), html);
    assertEquals(attribution, new JsonObject(html).getString("attribution"), "still the same JSON");
  }
}
