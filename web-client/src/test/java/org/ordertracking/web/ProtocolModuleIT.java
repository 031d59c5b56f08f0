package org.ordertracking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ordertracking.web.testing.HeadlessChrome;
import org.ordertracking.web.testing.Screenshots;

/**
 * Runs the page's protocol tests (src/test/web: order state, seq rule, backoff, reconnect policy,
 * end states, texts) in real Chromium — the engine the page runs in, no Node.js needed — and
 * reports each JavaScript test as one JUnit test.
 */
class ProtocolModuleIT {
  private static Vertx vertx;
  private static HttpServer server;
  private static HeadlessChrome chrome;

  @BeforeAll
  static void serveAndOpen() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    // The same layout as the real page: modules under /app/, the tests beside them.
    router.route("/app/*").handler(StaticHandler.create("tracking-web/assets").setCachingEnabled(false));
    router.route("/tests/*").handler(StaticHandler.create("tracking-web-test").setCachingEnabled(false));
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    chrome = HeadlessChrome.start();
  }

  @AfterAll
  static void shutDown() throws Exception {
    if (chrome != null) {
      chrome.close();
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @TestFactory
  Stream<DynamicTest> protocolModuleTests() {
    var driver = chrome.driver();
    driver.get("http://127.0.0.1:" + server.actualPort() + "/tests/index.html");
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> "true".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.done")));
    Screenshots.save(driver, "protocol-tests");
    assertEquals(List.of(), chrome.consoleErrors(), "the test page logged errors (a module failed to load?)");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results =
        (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("return window.__protocolTests");
    assertFalse(results.isEmpty(), "no protocol tests ran");
    return results.stream().map(r -> DynamicTest.dynamicTest(String.valueOf(r.get("name")), () -> {
      if (!Boolean.TRUE.equals(r.get("ok"))) {
        fail(String.valueOf(r.get("error")));
      }
      assertTrue(true);
    }));
  }
}
