package org.ordertracking.web;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ordertracking.web.testing.Screenshots;

/** The tracking page as a test sees it: what is on screen, and waits for it to change. */
final class TrackingPage {
  private final ChromeDriver driver;
  private final WebDriverWait wait;

  TrackingPage(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  void open(String url) {
    driver.get(url);
  }

  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  void awaitText(String id, String expected) {
    wait.withMessage(() -> "#" + id + " to show '" + expected + "', shows '" + text(id) + "'")
        .until(d -> text(id).contains(expected));
  }

  /** The connection banner's state: connecting, live, reconnecting, offline, ended, expired. */
  String connection() {
    return driver.findElement(By.id("connection")).getDomAttribute("data-state");
  }

  void awaitConnection(String state) {
    // Longer than the other waits: after an outage the backoff may be several seconds.
    new WebDriverWait(driver, Duration.ofSeconds(40))
        .withMessage(() -> "connection to be " + state + ", is " + connection() + " (" + text("connection-text") + ")")
        .until(d -> state.equals(connection()));
  }

  /** The timeline step marked current, e.g. PICKED_UP. */
  String currentStep() {
    List<WebElement> current = driver.findElements(By.cssSelector("#timeline li[aria-current=step]"));
    return current.isEmpty() ? null : current.get(0).getDomAttribute("data-step");
  }

  WebElement marker() {
    return driver.findElement(By.cssSelector(".courier-marker"));
  }

  boolean hasMarker() {
    return !driver.findElements(By.cssSelector(".courier-marker")).isEmpty();
  }

  /** Waits until the courier's marker is drawn at exactly this position (6 decimals). */
  void awaitMarkerAt(double lat, double lng) {
    String la = String.format("%.6f", lat);
    String ln = String.format("%.6f", lng);
    wait.withMessage(() -> "marker at " + la + "," + ln)
        .until(d -> hasMarker()
            && la.equals(marker().getDomAttribute("data-lat"))
            && ln.equals(marker().getDomAttribute("data-lng")));
  }

  Rectangle markerOnScreen() {
    return marker().getRect();
  }

  Rectangle rect(String id) {
    return driver.findElement(By.id(id)).getRect();
  }

  /**
   * Records every value the attribute takes on the element from now on, through a
   * MutationObserver in the page, so fast changes (animation frames) are not missed by polling.
   */
  void recordAttribute(String key, String cssSelector, String attribute) {
    js("const el = document.querySelector(arguments[1]); window.__seen = window.__seen || {};"
        + "const seen = window.__seen[arguments[0]] = [el.getAttribute(arguments[2])];"
        + "new MutationObserver(() => seen.push(el.getAttribute(arguments[2])))"
        + ".observe(el, {attributes: true, attributeFilter: [arguments[2]]});",
        key, cssSelector, attribute);
  }

  /**
   * Records every text the element shows from now on (a MutationObserver in the page): a live
   * region may be overwritten by the next announcement before a poll sees it.
   */
  void recordText(String key, String cssSelector) {
    js("const el = document.querySelector(arguments[1]); window.__seen = window.__seen || {};"
        + "const seen = window.__seen[arguments[0]] = [el.textContent];"
        + "new MutationObserver(() => seen.push(el.textContent))"
        + ".observe(el, {childList: true, characterData: true, subtree: true});",
        key, cssSelector);
  }

  @SuppressWarnings("unchecked")
  List<String> recorded(String key) {
    return (List<String>) js("return window.__seen[arguments[0]];", key);
  }

  String focusedId() {
    return (String) js("return document.activeElement && document.activeElement.id;");
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  void screenshot(String name) {
    Screenshots.save(driver, name);
  }
}
