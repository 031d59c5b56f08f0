package org.ordertracking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordertracking.testing.Await;

/** The module's HTTP surface on a bare router: the page, its headers and its assets. */
class TrackingPageModuleTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Vertx vertx;
  private static HttpServer server;

  @BeforeAll
  static void serve() {
    vertx = Vertx.vertx();
    TrackingPageModule module =
        new TrackingPageModule(new PageConfig("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "Example"));
    Router router = Router.router(vertx);
    module.mount(router);
    server = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    Await.result(vertx.close());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String assetsBase(String html) {
    Matcher m = Pattern.compile("src=\"(/track-assets/[^/\"]+)/app/app\\.js\"").matcher(html);
    assertTrue(m.find(), "the page loads app.js from a versioned path");
    return m.group(1);
  }

  @Test
  void thePageIsNeverCachedAndLocksDownWhatMayRun() throws Exception {
    HttpResponse<String> res = get("/track/some.jwt.token");
    assertEquals(200, res.statusCode());
    assertEquals("text/html; charset=utf-8", res.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("no-store", res.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals("no-referrer", res.headers().firstValue("Referrer-Policy").orElseThrow());
    String csp = res.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("script-src 'self'"), csp);
    assertTrue(csp.contains("img-src 'self' data: https://*.tiles.example.org"), csp);
    assertTrue(csp.contains("connect-src 'self'"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(res.body().contains("\"tilesUrl\":\"https://{s}.tiles.example.org/{z}/{x}/{y}.png\""));
    assertTrue(res.body().contains("aria-live=\"polite\""), "status changes are announced");
  }

  @Test
  void assetsAndLeafletAreServedFromTheJarAndCachedForGood() throws Exception {
    String base = assetsBase(get("/track/t").body());
    HttpResponse<String> app = get(base + "/app/protocol/tracking-connection.js");
    assertEquals(200, app.statusCode());
    assertTrue(app.headers().firstValue("Content-Type").orElseThrow().contains("javascript"));
    assertTrue(app.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=31536000"));
    assertEquals("nosniff", app.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals(200, get(base + "/leaflet/leaflet.js").statusCode());
    assertEquals(200, get(base + "/leaflet/leaflet.css").statusCode());
  }

  @Test
  void onlyTheAssetsFolderIsExposed() throws Exception {
    String base = assetsBase(get("/track/t").body());
    assertNotEquals(200, get(base + "/app/../build.properties").statusCode());
    assertNotEquals(200, get(base + "/app/%2e%2e/index.html").statusCode());
    assertNotEquals(200, get("/track-assets/other-build/app/app.js").statusCode());
  }
}
