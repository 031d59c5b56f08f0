package org.ordertracking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.ordertracking.testing.Await;
import org.ordertracking.web.testing.HeadlessChrome;

/**
 * The customer's view, end to end: a real server in this JVM, real Chromium, tiles from a local
 * tile server. Each test publishes through the ingest API and checks what a person would see.
 * Screenshots of each state go to target/screenshots/.
 */
class TrackingPageIT {
  private static final AtomicInteger ORDERS = new AtomicInteger();
  private static final double DROP_LAT = 52.5200;
  private static final double DROP_LNG = 13.4050;

  private static LocalTiles tiles;
  private static PageTestServer server;
  private static HeadlessChrome chrome;
  private TrackingPage page;

  @BeforeAll
  static void startAll() {
    tiles = new LocalTiles();
    server = PageTestServer.start(tiles.urlTemplate());
    chrome = HeadlessChrome.start();
  }

  @AfterAll
  static void stopAll() {
    if (chrome != null) {
      chrome.close();
    }
    if (server != null) {
      server.close();
    }
    if (tiles != null) {
      tiles.close();
    }
  }

  @BeforeEach
  void freshPage() {
    chrome.viewport(390, 844);
    chrome.consoleErrors(); // drain what earlier tests left
    page = new TrackingPage(chrome.driver());
  }

  @AfterEach
  void leavePage() {
    chrome.driver().get("about:blank");
  }

  private static String newOrder() {
    return "web-" + ORDERS.incrementAndGet() + "-" + System.nanoTime();
  }

  private static JsonObject pickedUp(Instant eta) {
    return PageTestServer.statusBody("PICKED_UP", eta)
        .put("courier", new JsonObject().put("name", "Sam").put("vehicle", "bike"))
        .put("dropoff", new JsonObject().put("lat", DROP_LAT).put("lng", DROP_LNG));
  }

  @Test
  void courierGlidesToEachNewPositionTurnedToItsHeading() {
    String order = newOrder();
    server.status(order, pickedUp(Instant.now().plusSeconds(7 * 60 + 20)));
    server.location(order, 52.5100, 13.3900, 0);
    page.open(server.pageUrl(server.mintToken(order, Duration.ofHours(1))));
    page.awaitConnection("live");
    page.awaitMarkerAt(52.5100, 13.3900);
    server.location(order, 52.5108, 13.3922, 58); // a few steps, to leave a trail behind
    page.awaitMarkerAt(52.5108, 13.3922);
    server.location(order, 52.5117, 13.3941, 55);
    page.awaitMarkerAt(52.5117, 13.3941);
    Rectangle before = page.markerOnScreen();

    page.recordAttribute("lat", ".courier-marker", "data-lat");
    server.location(order, 52.5130, 13.3960, 60);
    page.awaitMarkerAt(52.5130, 13.3960);

    Rectangle after = page.markerOnScreen();
    assertTrue(after.getX() > before.getX() && after.getY() < before.getY(),
        "the marker moved north-east on screen: " + before.getPoint() + " -> " + after.getPoint());
    List<Double> path = page.recorded("lat").stream().map(Double::valueOf).toList();
    assertTrue(path.stream().anyMatch(lat -> lat > 52.5117 && lat < 52.5130),
        "the marker glided through positions in between, not jumped: " + path);
    assertEquals("60", page.marker().getDomAttribute("data-heading"));
    assertTrue(page.marker().findElement(By.cssSelector(".courier-arrow")).getDomAttribute("style")
        .contains("rotate(60deg)"), "the arrow is turned to the heading");
    page.screenshot("01-live-picked-up");
    assertEquals(List.of(), chrome.consoleErrors());
  }

  @Test
  void statusEtaAndCourierAreShownAndChangesAreAnnounced() {
    String order = newOrder();
    server.status(order, PageTestServer.statusBody("COURIER_ASSIGNED", null)
        .put("courier", new JsonObject().put("name", "Ana").put("vehicle", "scooter")));
    page.open(server.pageUrl(server.mintToken(order, Duration.ofHours(1))));
    page.awaitText("headline", "A courier is on the way to pick up your order");
    assertEquals("COURIER_ASSIGNED", page.currentStep());
    page.awaitText("courier", "Ana · scooter");

    server.status(order, pickedUp(Instant.now().plusSeconds(7 * 60 + 20)));
    server.location(order, 52.5100, 13.3900, 45);
    page.awaitText("headline", "Your order is on its way");
    page.awaitText("eta", "Arrives in ~7 min · ");
    assertTrue(page.text("eta").matches("Arrives in ~7 min · \\d{1,2}:\\d{2}( [AP]M)?"), page.text("eta"));
    page.awaitText("courier", "Sam · bike");
    assertEquals("PICKED_UP", page.currentStep());
    page.awaitText("announcer", "Your order is on its way. Arrives in about 7 minutes.");

    server.status(order, PageTestServer.statusBody("NEARBY", Instant.now().plusSeconds(2 * 60 + 20)));
    page.awaitText("headline", "Your courier is nearby");
    page.awaitText("eta", "Arrives in ~2 min");
    assertEquals("NEARBY", page.currentStep());
    page.awaitText("announcer", "Your courier is nearby. Arrives in about 2 minutes.");
    page.screenshot("02-nearby");
    assertEquals(List.of(), chrome.consoleErrors());
  }

  @Test
  void courierCardShowsWhatUbersOwnPageShowsPhotoAndVehicle() {
    String order = newOrder();
    String photo = "https://127.0.0.1:9/couriers/rosa.jpg";
    server.uberPickup(order, new JsonObject()
        .put("name", "Rosa M.").put("vehicle_type", "car").put("vehicle_make", "Toyota")
        .put("vehicle_model", "Prius").put("vehicle_color", "white").put("img_href", photo));
    page.open(server.pageUrl(server.mintToken(order, Duration.ofHours(1))));
    page.awaitText("courier-name", "Courier: Rosa M. · car");
    page.awaitText("courier-vehicle", "White Toyota Prius");
    var img = chrome.driver().findElement(By.id("courier-photo"));
    assertEquals(photo, img.getDomAttribute("src"));
    assertEquals("Photo of Rosa M.", img.getDomAttribute("alt"));
    // The photo cannot load here (no https server; the page's policy allows images from the tile
    // host only): the card keeps its text and never shows a broken image.
    assertTrue(!img.isDisplayed(), "an image that did not load stays hidden");
    page.screenshot("03-courier-card");
    chrome.consoleErrors(); // the refused image is logged; nothing else is checked here
  }

  @Test
  void deliveryShowsTheFinalScreenAlsoOnALaterVisit() {
    String order = newOrder();
    server.status(order, pickedUp(Instant.now().plusSeconds(300)));
    server.location(order, 52.5190, 13.4040, 90);
    String url = server.pageUrl(server.mintToken(order, Duration.ofHours(1)));
    page.open(url);
    page.awaitConnection("live");

    server.status(order, PageTestServer.statusBody("DELIVERED", null));
    page.awaitText("end-title", "Delivered");
    page.awaitConnection("ended");
    assertEquals("Tracking finished", page.text("connection-text"));
    assertEquals("end-title", page.focusedId(), "focus moves to the final message");
    assertEquals("DELIVERED", page.currentStep());
    assertTrue(page.text("eta").isEmpty(), "no ETA after delivery");
    page.awaitText("announcer", "Your order was delivered.");
    page.screenshot("03-delivered");

    page.open(url); // the server sends the terminal snapshot, then closes with 1000
    page.awaitText("end-title", "Delivered");
    page.awaitConnection("ended");
    assertEquals(List.of(), chrome.consoleErrors());
  }

  @Test
  void cancellationShowsTheCancelledScreen() {
    String order = newOrder();
    server.status(order, PageTestServer.statusBody("PLACED", null));
    page.open(server.pageUrl(server.mintToken(order, Duration.ofHours(1))));
    page.awaitConnection("live");
    server.status(order, PageTestServer.statusBody("CANCELLED", null));
    page.awaitText("end-title", "Order cancelled");
    page.awaitConnection("ended");
    assertEquals("DELIVERED", chrome.driver().findElement(By.cssSelector("#timeline li[aria-current=step]"))
        .getDomAttribute("data-step"), "the last step now reads Cancelled");
    page.awaitText("timeline", "Cancelled");
    page.screenshot("04-cancelled");
    assertEquals(List.of(), chrome.consoleErrors());
  }

  @Test
  void aBadLinkShowsThatItIsNotValidAndDoesNotRetry() {
    page.open(server.baseUrl() + "/track/not-a-real-token");
    page.awaitText("end-title", "This tracking link is not valid");
    page.awaitConnection("expired");
    assertEquals("Link not valid", page.text("connection-text"));
    page.screenshot("05-invalid-link");
    assertOnlyRefusedConnectionErrors();
  }

  @Test
  void anExpiredLinkSaysSo() {
    String order = newOrder();
    String token = server.mintToken(order, Duration.ofSeconds(1));
    Await.until("the token to expire", () -> server.probe(token) == 401);
    page.open(server.pageUrl(token));
    page.awaitText("end-title", "This tracking link has expired");
    page.awaitConnection("expired");
    page.screenshot("06-expired-link");
    assertOnlyRefusedConnectionErrors();
  }

  @Test
  void aLinkExpiringWhileOpenShowsTheExpiredMessage() {
    String order = newOrder();
    server.status(order, PageTestServer.statusBody("PLACED", null));
    String token = server.mintToken(order, Duration.ofSeconds(3));
    page.open(server.pageUrl(token));
    page.awaitConnection("live");
    page.awaitText("end-title", "This tracking link has expired"); // the server closed with 4401
    page.awaitConnection("expired");
    assertEquals(List.of(), chrome.consoleErrors());
  }

  @Test
  void desktopLayoutPutsThePanelBesideTheMap() {
    String order = newOrder();
    server.status(order, pickedUp(Instant.now().plusSeconds(9 * 60 + 20)));
    server.location(order, 52.5150, 13.3950, 30);
    String url = server.pageUrl(server.mintToken(order, Duration.ofHours(1)));
    page.open(url);
    page.awaitMarkerAt(52.5150, 13.3950);
    Rectangle map = page.rect("map");
    Rectangle panel = page.rect("panel");
    assertTrue(panel.getY() >= map.getY() + map.getHeight() - 1, "phone: the panel is below the map");

    chrome.viewport(1280, 800);
    page.open(url);
    page.awaitMarkerAt(52.5150, 13.3950);
    map = page.rect("map");
    panel = page.rect("panel");
    assertTrue(panel.getX() >= map.getX() + map.getWidth() - 1, "desktop: the panel is beside the map");
    assertTrue(map.getHeight() > 500, "desktop: the map fills the height");
    page.screenshot("07-desktop");
    assertEquals(List.of(), chrome.consoleErrors());
  }

  @Test
  void theSkipLinkIsTheFirstKeyboardStopAndLeadsToTheStatus() {
    String order = newOrder();
    server.status(order, PageTestServer.statusBody("PLACED", null));
    page.open(server.pageUrl(server.mintToken(order, Duration.ofHours(1))));
    page.awaitConnection("live");
    chrome.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
    assertEquals("Skip to order status", (String) page.js("return document.activeElement.textContent"));
    chrome.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
    Await.until("focus on the status panel", () -> "panel".equals(page.focusedId()));
    assertEquals(List.of(), chrome.consoleErrors());
  }

  /** Failed WebSocket upgrades and the link check's 401 are logged by Chromium itself. */
  private static void assertOnlyRefusedConnectionErrors() {
    for (String error : chrome.consoleErrors()) {
      assertTrue(error.contains("/ws/track"), "unexpected console error: " + error);
    }
  }
}
