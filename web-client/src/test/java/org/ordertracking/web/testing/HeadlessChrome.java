package org.ordertracking.web.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's chromium + chromium-driver, headless, in a fresh profile. The paths are fixed (override
 * with {@code CHROME_BIN} / {@code CHROMEDRIVER}) because Selenium Manager cannot download drivers
 * on a machine without internet; a missing browser fails the test with the install hint rather
 * than skipping it.
 */
public final class HeadlessChrome implements AutoCloseable {
  private static final String BIN = env("CHROME_BIN", "/usr/bin/chromium");
  private static final String DRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");

  static {
    // Selenium warns on every start that it has no CDP bindings for this Chromium version; the
    // tests use WebDriver only, so that is noise.
    java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
    java.util.logging.Logger.getLogger("org.openqa.selenium.chromium").setLevel(Level.SEVERE);
  }

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChrome(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A phone-sized window (390×844), like most people who open a tracking link. */
  public static HeadlessChrome start() {
    if (!new File(BIN).canExecute() || !new File(DRIVER).canExecute()) {
      throw new IllegalStateException("Browser tests need " + BIN + " and " + DRIVER
          + ": apt-get install -y chromium chromium-driver");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("tracking-chrome-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BIN);
    options.addArguments(
        "--headless",
        "--no-sandbox", // running as root in CI containers
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=en-US",
        "--window-size=390,844",
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
    HeadlessChrome chrome = new HeadlessChrome(new ChromeDriver(service, options), profile);
    chrome.viewport(390, 844); // --window-size alone is not honoured below 500 px wide
    return chrome;
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Resizes the viewport (not the window frame) to {@code width}×{@code height} CSS pixels. */
  public void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Browser console entries at SEVERE since the last call (the log is drained by reading it). */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp profile is harmless
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
