package org.ordertracking.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ordertracking.web.testing.HeadlessChrome;

/**
 * The page when the server goes away: it says so, counts down, comes back by itself and shows
 * the new node's state. Every test gets its own server, because every test restarts it.
 */
class TrackingPageRecoveryIT {
  private static final String ORDER = "recovery-order";

  private static LocalTiles tiles;
  private static HeadlessChrome chrome;
  private PageTestServer server;
  private TrackingPage page;

  @BeforeAll
  static void startBrowser() {
    tiles = new LocalTiles();
    chrome = HeadlessChrome.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (chrome != null) {
      chrome.close();
    }
    if (tiles != null) {
      tiles.close();
    }
  }

  @BeforeEach
  void openLivePage() {
    server = PageTestServer.start(tiles.urlTemplate());
    chrome.consoleErrors();
    page = new TrackingPage(chrome.driver());
    server.status(ORDER, PageTestServer.statusBody("PICKED_UP", Instant.now().plusSeconds(600)));
    server.location(ORDER, 52.5000, 13.4000, 0);
    // Minted with the shared test secret, so the link stays valid on the restarted node.
    page.open(server.pageUrl(server.mintToken(ORDER, Duration.ofHours(1))));
    page.awaitConnection("live");
    page.awaitMarkerAt(52.5000, 13.4000);
  }

  @AfterEach
  void stopServer() {
    chrome.driver().get("about:blank");
    server.close();
  }

  @Test
  void thePageReconnectsByItselfWhenTheServerComesBack() {
    server.stop();
    page.awaitConnection("reconnecting");
    page.awaitText("connection-text", "Connection lost. Reconnecting in");
    assertTrue(page.text("connection-text").matches("Connection lost\\. Reconnecting in \\d+ s"));
    page.screenshot("10-reconnecting");

    page.recordText("announced", "#announcer");
    server.startAgain(); // a fresh node: its in-memory state starts empty, seqs start again at 1
    server.status(ORDER, PageTestServer.statusBody("NEARBY", Instant.now().plusSeconds(140)));
    server.location(ORDER, 52.5010, 13.4020, 45);
    page.awaitConnection("live");
    page.awaitText("headline", "Your courier is nearby");
    page.awaitMarkerAt(52.5010, 13.4020);
    // The snapshot's or a live frame's status may be announced after it, in either order.
    new WebDriverWait(chrome.driver(), Duration.ofSeconds(20)).until(d ->
        page.recorded("announced").stream().anyMatch(text -> text.contains("Connection restored")));
    page.screenshot("11-recovered");
    assertOnlyConnectionErrors();
  }

  @Test
  void aServerRestartClose1012BringsThePageBackPromptly() {
    page.recordAttribute("reason", "#connection", "data-reason");
    server.drainAndRestart(); // closes the socket with 1012, then a new node takes the port
    server.status(ORDER, new JsonObject().put("status", "NEARBY"));
    page.awaitConnection("live");
    page.awaitText("headline", "Your courier is nearby");
    List<String> reasons = page.recorded("reason");
    assertTrue(reasons.contains("restart"), "the page saw the restart close: " + reasons);
    assertOnlyConnectionErrors();
  }

  /** While the server is away Chromium logs the refused WebSocket and link check itself. */
  private static void assertOnlyConnectionErrors() {
    for (String error : chrome.consoleErrors()) {
      assertTrue(error.contains("/ws/track"), "unexpected console error: " + error);
    }
  }
}
