package se.tryggkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driving the web map of one running service, for the browser tests:
 * start-up with the system browser and driver (never Selenium Manager), a fresh session per test, a
 * screenshot and a console-error check after each, and the page's own readiness signals ({@code
 * body[data-ready]}, each layer's {@code data-status} and {@code data-count}). Not thread-safe.
 */
final class MapBrowser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static final Duration WAIT = Duration.ofSeconds(60);

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final String base;

  private MapBrowser(ChromeDriverService service, ChromeDriver driver, String base) {
    this.service = service;
    this.driver = driver;
    this.base = base;
  }

  /**
   * @param base the service's base URL
   * @param profile the browser profile's folder under {@code target/}, one per test class
   */
  static MapBrowser start(String base, String profile) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path profileDir = Files.createDirectories(Path.of("target", profile));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,860",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new MapBrowser(service, new ChromeDriver(service, options), base);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Default window, no API key in the session, the console log drained. */
  void freshSession() {
    driver.manage().window().setSize(new Dimension(1280, 860));
    driver.get(base + "/health");
    driver.executeScript("sessionStorage.clear()");
    driver.manage().logs().get(LogType.BROWSER);
  }

  /** Saves {@code target/screenshots/<name>.png}, then fails on any severe console message. */
  void screenshotAndAssertNoConsoleErrors(String name) {
    saveScreenshot(name);
    List<String> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    assertThat(errors).as("browser console errors").isEmpty();
  }

  void saveScreenshot(String name) {
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    try {
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the map at {@code query}, with the API key in the session, or public when null. */
  void open(String query, String key) {
    driver.get(base + "/health");
    if (key == null) {
      driver.executeScript("sessionStorage.removeItem('tryggkarta.apiKey')");
    } else {
      driver.executeScript("sessionStorage.setItem('tryggkarta.apiKey', arguments[0])", key);
    }
    driver.get(base + "/" + query);
    waitReady();
  }

  void waitReady() {
    new WebDriverWait(driver, WAIT)
        .until(d -> d.findElement(By.tagName("body")).getAttribute("data-ready") != null);
    assertThat(driver.findElement(By.tagName("body")).getAttribute("data-ready"))
        .as(statusLine())
        .isEqualTo("true");
  }

  void waitLoaded(String... layers) {
    for (String layer : layers) {
      waitStatus(layer, "loaded");
    }
  }

  void waitStatus(String layer, String wanted) {
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> layer + " never became " + wanted + "; status line: " + statusLine())
        .until(d -> wanted.equals(status(layer)));
  }

  String statusLine() {
    return driver.findElement(By.id("status")).getText();
  }

  /** A layer's status in the layer list, or {@code absent} when the list does not offer it. */
  String status(String layer) {
    List<WebElement> items =
        driver.findElements(By.cssSelector("#layer-list li[data-layer='" + layer + "']"));
    return items.isEmpty() ? "absent" : items.get(0).getAttribute("data-status");
  }

  /** How many features the layer list says a layer drew. */
  int count(String layer) {
    return Integer.parseInt(
        driver
            .findElement(By.cssSelector("#layer-list li[data-layer='" + layer + "']"))
            .getAttribute("data-count"));
  }

  /** Waits until at least one density tile with pixels has loaded and returns how many did. */
  long waitDensityTiles() {
    String count =
        "return [...document.querySelectorAll('img.density-tile')]"
            + ".filter(i => i.complete && i.naturalWidth > 0 && !i.dataset.empty).length";
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "no density tile was drawn; status line: " + statusLine())
        .until(d -> ((Number) driver.executeScript(count)).longValue() > 0);
    return ((Number) driver.executeScript(count)).longValue();
  }

  /**
   * The offset in CSS pixels from the map's centre to a point, for a map opened at {@code
   * at=centreLat,centreLon,zoom}: Web Mercator with 256-pixel tiles, x = (λ − λ0)/360 · 256 · 2^z,
   * y = (ln tan(π/4 + φ0/2) − ln tan(π/4 + φ/2))/(2π) · 256 · 2^z.
   */
  static int[] offsetFromCentre(
      double centreLon, double centreLat, int zoom, double lon, double lat) {
    double worldPixels = 256 * Math.pow(2, zoom);
    double dx = (lon - centreLon) / 360 * worldPixels;
    double dy = (mercatorY(centreLat) - mercatorY(lat)) / (2 * Math.PI) * worldPixels;
    return new int[] {(int) Math.round(dx), (int) Math.round(dy)};
  }

  private static double mercatorY(double latDegrees) {
    return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(latDegrees) / 2));
  }

  /** Every URL the page has requested since it loaded. */
  @SuppressWarnings("unchecked")
  List<String> requestedUrls() {
    return (List<String>)
        driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
  }

  @Override
  public void close() {
    driver.quit();
    service.stop();
  }
}
