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
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Chromium in a fresh profile, found in this order: {@code CHROME_BIN} + {@code
 * CHROMEDRIVER} when set; else Debian's {@code /usr/bin/chromium} + {@code /usr/bin/chromedriver}
 * (package chromium, chromium-driver); else whatever Selenium Manager finds or downloads where the
 * network allows. When none works the test fails with one line naming what to install, never
 * skips.
 */
public final class HeadlessChrome implements AutoCloseable {
  private static final String BIN = env("CHROME_BIN", "/usr/bin/chromium");
  private static final String DRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");
  private static final String INSTALL =
      "Browser tests need Chromium and chromedriver: apt-get install -y chromium chromium-driver (Debian),"
          + " or set CHROME_BIN and CHROMEDRIVER, or allow Selenium Manager to download Chrome for Testing";

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
    return start(new String[0]);
  }

  /**
   * The same with more command-line switches, e.g. {@code --ignore-certificate-errors} for a test
   * that serves images over https with a self-signed certificate.
   */
  public static HeadlessChrome start(String... extraArguments) {
    Path profile;
    try {
      profile = Files.createTempDirectory("tracking-chrome-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
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
    options.addArguments(extraArguments);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
    ChromeDriver driver;
    try {
      driver = launch(options);
    } catch (RuntimeException e) {
      deleteQuietly(profile);
      throw e;
    }
    HeadlessChrome chrome = new HeadlessChrome(driver, profile);
    chrome.viewport(390, 844); // --window-size alone is not honoured below 500 px wide
    return chrome;
  }

  private static ChromeDriver launch(ChromeOptions options) {
    if (new File(BIN).canExecute() && new File(DRIVER).canExecute()) {
      options.setBinary(BIN);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
      return new ChromeDriver(service, options);
    }
    if (System.getenv("CHROME_BIN") != null || System.getenv("CHROMEDRIVER") != null) {
      throw new IllegalStateException(INSTALL + " (CHROME_BIN=" + BIN + ", CHROMEDRIVER=" + DRIVER
          + ": not both executable)");
    }
    try {
      return new ChromeDriver(options); // Selenium Manager locates or downloads a browser and driver
    } catch (WebDriverException e) {
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new IllegalStateException(INSTALL + " (Selenium Manager: " + why + ")", e);
    }
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
