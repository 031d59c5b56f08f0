package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.model.OrderId;
import org.ordertracking.ops.metrics.Telemetry;
import org.ordertracking.server.TrackingServer;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;
import org.ordertracking.web.testing.HeadlessChrome;
import org.ordertracking.web.testing.Screenshots;
import org.slf4j.LoggerFactory;

/**
 * The operator page in real Chromium against a real node (metrics on, as {@code Main} starts it):
 * it asks for the admin key and shows nothing without it, refuses a wrong one, renders the node's
 * figures with the right one, and its numbers move with real traffic (sockets, ingest, delivery).
 * The last state is saved as target/screenshots/admin-page.png (docs/admin-page.png is a copy).
 */
class AdminPageIT {
  private static Vertx vertx;
  private static TestNode node;
  private static HeadlessChrome chrome;
  private WebDriver driver;

  @BeforeAll
  static void startAll() {
    TrackingConfig config = TrackingConfig.fromEnv(TestNode.env(null));
    Telemetry telemetry = Telemetry.create(config);
    vertx = telemetry.newVertx();
    node = TestNode.of(vertx, Await.result(TrackingServer.start(vertx, config, Clock.systemUTC(), telemetry)));
    chrome = HeadlessChrome.start();
  }

  @AfterAll
  static void stopAll() {
    if (chrome != null) {
      chrome.close();
    }
    node.close();
    Await.result(vertx.close());
  }

  @BeforeEach
  void open() {
    chrome.viewport(1280, 1000);
    chrome.consoleErrors();
    driver = chrome.driver();
    driver.get("http://127.0.0.1:" + node.port() + "/admin");
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
    driver.navigate().refresh();
  }

  @AfterEach
  void leave() {
    driver.get("about:blank");
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private boolean shown(String id) {
    return driver.findElement(By.id(id)).isDisplayed();
  }

  private void logIn(String key) {
    waiting().until(d -> shown("login"));
    driver.findElement(By.id("key")).sendKeys(key);
    driver.findElement(By.cssSelector("#login button[type=submit]")).click();
  }

  private static long number(String text) {
    String digits = text.replaceAll("[^0-9].*$", "").replace(",", "");
    return digits.isEmpty() ? -1 : Long.parseLong(digits);
  }

  /** The busiest-orders table's rows as "order sockets frames". */
  private List<String> busiestRows() {
    return driver.findElements(By.cssSelector("#busiest tbody tr")).stream()
        .map(tr -> tr.getText().replaceAll("\\s+", " ").trim()).toList();
  }

  @Test
  void withoutTheKeyItShowsOnlyTheKeyFormAndTheApiRefuses() {
    waiting().until(d -> shown("login"));
    assertFalse(shown("dashboard"));
    assertEquals(401, node.request(HttpMethod.GET, "/admin/api/stats", null, null, null).statusCode());
    assertEquals(401, node.request(HttpMethod.GET, "/admin/api/stats", TestNode.API_KEY, null, null).statusCode(),
        "an API key is not the admin key");

    logIn("not-the-admin-key");
    waiting().until(d -> text("login-error").contains("refused"));
    assertFalse(shown("dashboard"));
    assertEquals("", ((JavascriptExecutor) driver).executeScript(
        "return document.getElementById('sockets').textContent + document.getElementById('node-id').textContent"),
        "no figure reached the page, not even hidden");
    assertTrue(chrome.consoleErrors().stream().noneMatch(e -> e.contains("Content Security Policy")));
  }

  @Test
  void rendersTheNodeAndItsNumbersMoveWithTraffic() {
    logIn(TestNode.ADMIN_KEY);
    waiting().until(d -> shown("dashboard") && !text("sockets").isEmpty());
    assertFalse(driver.getCurrentUrl().contains(TestNode.ADMIN_KEY), "the key is never in the URL");
    assertTrue(text("roles").contains("gateway"), text("roles"));
    assertTrue(text("ready").contains("ready"), text("ready"));
    long socketsBefore = number(text("sockets"));
    long ingestBefore = number(text("ingest-total"));
    long deliveredBefore = number(text("delivery-total"));

    List<WsClient> sockets = new ArrayList<>();
    try {
      List<OrderId> orders = List.of(Ids.order(), Ids.order(), Ids.order());
      for (OrderId id : orders) {
        WsClient ws = node.connect(node.token(id));
        ws.next();
        sockets.add(ws);
      }
      for (int i = 0; i < 5; i++) {
        for (int o = 0; o < orders.size(); o++) {
          node.location(orders.get(o), 52.50 + i * 0.001, 13.40 + o * 0.001);
          sockets.get(o).next();
        }
      }
      LoggerFactory.getLogger("org.ordertracking.ops.AdminPageIT")
          .warn("Operator page test: a warning for the recent-problems list");

      // A second socket on the first order makes it the busiest: two sockets, its five frames.
      WsClient second = node.connect(node.token(orders.get(0)));
      second.next();
      sockets.add(second);

      waiting().until(d -> number(text("sockets")) == socketsBefore + 4);
      waiting().until(d -> number(text("ingest-total")) >= ingestBefore + 15);
      waiting().until(d -> number(text("delivery-total")) >= deliveredBefore + 15);
      waiting().until(d -> text("orders-watched").equals("3"));
      waiting().until(d -> text("problems").contains("a warning for the recent-problems list"));
      waiting().until(d -> text("ingest-rate").endsWith("/s"));
      List<String> expected = List.of(orders.get(0).value() + " 2 5", orders.get(1).value() + " 1 5",
          orders.get(2).value() + " 1 5");
      // The two orders with one socket and five frames each tie: the order id decides between them.
      List<String> tied = expected.subList(1, 3).stream().sorted().toList();
      waiting().ignoring(StaleElementReferenceException.class).until(d -> {
        List<String> rows = busiestRows();
        return rows.size() == 3 && rows.get(0).equals(expected.get(0)) && rows.subList(1, 3).equals(tied);
      });
      assertEquals("", text("busiest-note"));
      JsonObject stats = node.request(HttpMethod.GET, "/admin/api/stats", TestNode.ADMIN_KEY, null, null)
          .bodyAsJsonObject().getJsonObject("busiestOrders");
      assertTrue(stats.getBoolean("available"));
      JsonObject top = stats.getJsonArray("orders").getJsonObject(0);
      assertEquals(orders.get(0).value(), top.getString("orderId"));
      assertEquals(2, top.getInteger("sockets"));
      assertEquals(5, top.getLong("frames"));
      Screenshots.save(driver, "admin-page");
    } finally {
      sockets.forEach(WsClient::close);
    }
    waiting().until(d -> number(text("sockets")) == socketsBefore);
    assertTrue(chrome.consoleErrors().isEmpty(), "no console errors (CSP violations among them)");
  }
}
