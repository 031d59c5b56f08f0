package org.ordertracking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.ordertracking.testing.Await;
import org.ordertracking.web.testing.HeadlessChrome;

/**
 * The courier card's photo in a real browser, served over https from a host the operator allowed
 * ({@code TRACKING_COURIER_PHOTO_SOURCES}): the page's security policy lets it load and the card
 * shows it. (Without the setting the policy blocks it and the card keeps its text only: {@code
 * TrackingPageIT}.)
 */
class CourierPhotoIT {

  @Test
  void aPhotoFromAnAllowedHostIsShownOnTheCourierCard() throws Exception {
    Vertx vertx = Vertx.vertx();
    AtomicInteger photoRequests = new AtomicInteger();
    SelfSignedCertificate cert = SelfSignedCertificate.create("127.0.0.1");
    HttpServer photos = Await.result(vertx.createHttpServer(new HttpServerOptions()
            .setSsl(true).setKeyCertOptions(cert.keyCertOptions()))
        .requestHandler(req -> {
          photoRequests.incrementAndGet();
          req.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(png()));
        })
        .listen(0, "127.0.0.1"));
    String origin = "https://127.0.0.1:" + photos.actualPort();
    LocalTiles tiles = new LocalTiles();
    // A self-signed certificate: the browser is told to accept it, as it would a real one.
    try (PageTestServer server = PageTestServer.start(tiles.urlTemplate(),
            Map.of("TRACKING_COURIER_PHOTO_SOURCES", origin));
        HeadlessChrome chrome = HeadlessChrome.start("--ignore-certificate-errors")) {
      String order = "photo-" + System.nanoTime();
      String photo = origin + "/couriers/rosa.png";
      server.uberPickup(order, new JsonObject()
          .put("name", "Rosa M.").put("vehicle_type", "car").put("vehicle_make", "Toyota")
          .put("vehicle_model", "Prius").put("vehicle_color", "white").put("img_href", photo));
      TrackingPage page = new TrackingPage(chrome.driver());
      page.open(server.pageUrl(server.mintToken(order, Duration.ofHours(1))));
      page.awaitText("courier-name", "Courier: Rosa M. · car");
      WebElement img = chrome.driver().findElement(By.id("courier-photo"));
      assertEquals(photo, img.getDomAttribute("src"));
      Await.until("the photo loaded and is shown", img::isDisplayed);
      assertTrue(photoRequests.get() >= 1, "the browser fetched the photo from its host");
      assertEquals(2L, page.js("return arguments[0].naturalWidth", img), "the image decoded");
      page.screenshot("04-courier-photo");
    } finally {
      tiles.close();
      Await.result(vertx.close());
    }
  }

  /** A 2×2 PNG. */
  private static byte[] png() {
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0x3366cc);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
