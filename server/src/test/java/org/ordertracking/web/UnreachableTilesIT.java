package org.ordertracking.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ordertracking.testing.Await;
import org.ordertracking.web.testing.HeadlessChrome;

/** With no reachable tile server the page still tracks the order, over a plain background. */
class UnreachableTilesIT {
  /** Port 9 (discard) on loopback: nothing listens, so every tile fails at once. */
  private static final String DEAD_TILES = "http://127.0.0.1:9/{z}/{x}/{y}.png";

  @Test
  void thePageWorksWithAPlainBackgroundWhenTilesCannotLoad() {
    try (PageTestServer server = PageTestServer.start(DEAD_TILES);
        HeadlessChrome chrome = HeadlessChrome.start()) {
      TrackingPage page = new TrackingPage(chrome.driver());
      server.status("no-tiles", PageTestServer.statusBody("PICKED_UP", Instant.now().plusSeconds(5 * 60 + 20)));
      server.location("no-tiles", 52.5000, 13.4000, 0);
      page.open(server.pageUrl(server.mintToken("no-tiles", Duration.ofHours(1))));
      page.awaitConnection("live");
      page.awaitMarkerAt(52.5000, 13.4000);
      page.awaitText("eta", "Arrives in ~5 min");
      Await.until("the map to notice the tiles failed", () -> String.valueOf(page.js("return document.getElementById('map').className")).contains("tiles-failed"));

      server.location("no-tiles", 52.5010, 13.4010, 45);
      page.awaitMarkerAt(52.5010, 13.4010);
      page.screenshot("08-no-tiles");
      for (String error : chrome.consoleErrors()) {
        assertTrue(error.contains("127.0.0.1:9/"), "only the tile loads may fail: " + error);
      }
    }
  }
}
