package se.tryggkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.tryggkarta.access.Role;
import se.tryggkarta.http.TestServer;

/**
 * The web map in headless Chromium (Debian {@code chromium} and {@code chromium-driver}; {@code
 * scripts/provision-browser} installs them) against the real app on a temporary data directory,
 * seeded with {@link TestTown}. Every test checks that the browser logged no errors and saves a
 * screenshot under {@code target/screenshots/}.
 *
 * <p>{@link WebMapDemoIT} runs the same kind of checks on the demo town as {@code serve --demo}
 * prepares it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebMapIT {

  @TempDir static Path dir;
  private TestServer server;
  private MapBrowser browser;
  private ChromeDriver driver;
  private String analystKey;
  private String viewerKey;

  @BeforeAll
  void start() throws IOException {
    server = TestServer.start(dir, w -> w.http());
    se.tryggkarta.release.FixedSecret.install(server.wiring().store(), TestTown.WS, 5);
    TestTown.seed(server.wiring().store(), true);
    // the test town's incidents are all in 2024: the public view opens on that year
    var releases = server.wiring().releases();
    releases.putSettings(
        TestTown.WS,
        se.tryggkarta.release.ReleaseSettingsJson.read(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"firstMonth\": \"2024-01\", \"defaultPeriod\": \"2024\"}"),
            releases.settings(TestTown.WS)));
    var keys = server.wiring().keys();
    analystKey = keys.create(Role.ANALYST, Set.of(TestTown.WS), "webb-analytiker").token();
    viewerKey = keys.create(Role.VIEWER, Set.of(TestTown.WS), "webb-läsare").token();
    browser = MapBrowser.start(server.base(), "chromium-profile");
    driver = browser.driver();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void freshSession() {
    browser.freshSession();
  }

  @AfterEach
  void screenshotAndNoConsoleErrors(TestInfo info) {
    browser.screenshotAndAssertNoConsoleErrors(info.getTestMethod().orElseThrow().getName());
  }

  @Test
  void analyst_sees_boundary_streets_and_places_of_the_workspace() {
    browser.open("?ws=testby&layers=boundary,streets,places", analystKey);
    browser.waitLoaded("boundary", "streets", "places");
    assertThat(browser.count("streets")).isEqualTo(TestTown.STREET_SEGMENTS);
    assertThat(browser.count("places")).isEqualTo(2);
    assertThat(paintedPixels()).isGreaterThan(1000);
    assertThat(driver.findElement(By.id("who")).getText()).contains("analytiker");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
  }

  @Test
  void gistar_hexagons_are_drawn_from_the_class_the_service_sends() {
    // giStarClass throws on any class the service does not send: a console error fails the test
    browser.open("?ws=testby&layers=gistar", analystKey);
    browser.waitLoaded("gistar");
    assertThat(browser.count("gistar")).isPositive();
  }

  @Test
  void toggling_a_layer_removes_and_redraws_it_and_keeps_the_choice_in_the_url() {
    browser.open("?ws=testby&layers=boundary,streets", analystKey);
    browser.waitLoaded("boundary", "streets");
    long withStreets = paintedPixels();

    driver.findElement(By.id("layer-streets")).click();
    browser.waitStatus("streets", "off");
    long withoutStreets = paintedPixels();
    assertThat(withoutStreets).isLessThan(withStreets);
    assertThat(driver.getCurrentUrl()).contains("layers=boundary").doesNotContain("streets");

    WebElement lamps = driver.findElement(By.id("layer-lamps"));
    lamps.sendKeys(Keys.SPACE);
    browser.waitLoaded("lamps");
    assertThat(browser.count("lamps")).isEqualTo(TestTown.LINES * TestTown.LINES);
    assertThat(driver.getCurrentUrl()).contains("lamps");

    driver.navigate().refresh();
    browser.waitReady();
    browser.waitLoaded("boundary", "lamps");
    assertThat(browser.status("streets")).isEqualTo("off");
  }

  @Test
  void analyst_sees_incidents_and_the_comments_of_unsafe_places() {
    browser.open("?ws=testby&layers=boundary,incidents,unsafe-places", analystKey);
    browser.waitLoaded("incidents", "unsafe-places");
    assertThat(browser.count("incidents")).isEqualTo(TestTown.INCIDENTS);
    assertThat(browser.count("unsafe-places")).isEqualTo(TestTown.UNSAFE_PLACES);
    assertThat(browser.requestedUrls()).anyMatch(u -> u.contains("/layers/incidents"));
    assertThat(driver.findElement(By.tagName("body")).getAttribute("data-role"))
        .isEqualTo("analyst");
  }

  @Test
  void public_view_neither_requests_nor_shows_raw_records() {
    browser.open("?ws=testby&layers=boundary,streets,places,incidents,unsafe-places,lamps", null);
    browser.waitLoaded("boundary");
    assertThat(driver.findElement(By.tagName("body")).getAttribute("data-role"))
        .isEqualTo("public");
    assertThat(driver.findElements(By.id("layer-incidents"))).isEmpty();
    assertThat(driver.findElements(By.id("layer-unsafe-places"))).isEmpty();
    assertThat(browser.requestedUrls()).noneMatch(u -> u.contains("/layers/"));
    assertThat(driver.getPageSource()).doesNotContain(TestTown.SECRET_COMMENT);
    assertThat(driver.findElement(By.id("panel-walk")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("Offentlig vy");
    assertThat(driver.findElements(By.cssSelector("[data-download^=incidents]"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("[data-download=density-geotiff]"))).isNotEmpty();
  }

  @Test
  void logging_in_with_a_viewer_key_and_out_again_switches_between_member_and_public_view() {
    browser.open("?ws=testby&layers=boundary,incidents", null);
    browser.waitLoaded("boundary");
    assertThat(driver.findElements(By.id("layer-incidents"))).isEmpty();
    login(viewerKey);
    browser.waitLoaded("incidents");
    assertThat(driver.executeScript("return sessionStorage.getItem('tryggkarta.apiKey')"))
        .isEqualTo(viewerKey);
    driver.findElement(By.id("logout")).click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> d.findElements(By.id("layer-incidents")).isEmpty());
    assertThat(driver.executeScript("return sessionStorage.getItem('tryggkarta.apiKey')")).isNull();
  }

  @Test
  void every_control_has_a_label_and_the_page_switches_to_english() {
    browser.open("?ws=testby&layers=boundary", analystKey);
    browser.waitLoaded("boundary");
    Object unlabeled =
        driver.executeScript(
            "return [...document.querySelectorAll('input, select, button')]"
                + ".filter(e => e.offsetParent !== null)"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                + " && !e.textContent.trim() && !e.title).map(e => e.outerHTML)");
    assertThat((List<?>) unlabeled).isEmpty();
    driver.findElement(By.id("lang")).click();
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(driver.findElement(By.cssSelector("label[for=layer-boundary]")).getText())
        .contains("Area boundary");
    assertThat(driver.getCurrentUrl()).contains("lang=en");
  }

  @Test
  void the_map_and_controls_fit_a_390_pixel_wide_phone_screen() {
    driver.manage().window().setSize(new Dimension(390, 844));
    browser.open("?ws=testby&layers=boundary,streets,places", analystKey);
    browser.waitLoaded("boundary", "streets", "places");
    long overflow =
        (Long)
            driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(overflow).isLessThanOrEqualTo(0);
    WebElement map = driver.findElement(By.id("map"));
    assertThat(map.getSize().getWidth()).isGreaterThanOrEqualTo(370);
    assertThat(map.getSize().getHeight()).isGreaterThan(300);
  }

  @Test
  void heatmap_from_density_tiles_and_contours_appear() {
    browser.open("?ws=testby&layers=boundary,density,contours", null);
    browser.waitLoaded("density", "contours");
    assertThat(browser.waitDensityTiles()).isPositive();
    assertThat(browser.requestedUrls())
        .anyMatch(u -> u.matches(".*/api/workspaces/testby/tiles/density/\\d+/\\d+/\\d+\\.png.*"))
        .noneMatch(u -> u.contains("format=json"));
    assertThat(browser.count("contours")).isPositive();
    assertThat(browser.requestedUrls()).noneMatch(u -> u.contains("/layers/"));
  }

  @Test
  void a_members_night_heatmap_asks_the_tiles_for_the_workspaces_night_hours() {
    browser.open("?ws=testby&night=1&layers=boundary,density", analystKey);
    browser.waitLoaded("density");
    assertThat(browser.waitDensityTiles()).isPositive();
    assertThat(browser.requestedUrls())
        .anyMatch(u -> u.contains("/tiles/density/") && u.contains("hours=18-06"));
  }

  @Test
  void a_selection_without_events_is_explained_in_words_not_by_a_status_code() {
    browser.open("?ws=testby&cat=finns-inte&layers=boundary,density,sites", analystKey);
    browser.waitLoaded("density");
    browser.waitStatus("sites", "error");
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> browser.statusLine().contains("inga händelser i urvalet"));
    assertThat(browser.statusLine()).doesNotContain("422").doesNotContain("(");
    // the browser logs the refused request itself; that is the only error it may log
    assertThat(driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
        .allSatisfy(e -> assertThat(e.getMessage()).contains("status of 422"));
  }

  @Test
  void a_safety_walk_planned_by_clicking_is_drawn() {
    importNetwork();
    browser.open("?ws=testby&layers=boundary,streets", analystKey);
    browser.waitLoaded("streets");
    driver.findElement(By.cssSelector("#panel-walk summary")).click();
    new Actions(driver).moveToElement(driver.findElement(By.id("map")), 0, 0).click().perform();
    WebElement plan = driver.findElement(By.id("walk-plan"));
    new WebDriverWait(driver, MapBrowser.WAIT).until(ExpectedConditions.elementToBeClickable(plan));
    WebElement length = driver.findElement(By.id("walk-length"));
    length.clear();
    length.sendKeys("2000");
    plan.click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> !d.findElement(By.id("walk-summary")).getText().isBlank());
    assertThat(driver.findElements(By.cssSelector("#walk-stops li"))).isNotEmpty();
    assertThat(driver.findElement(By.id("walk-print")).isDisplayed()).isTrue();
  }

  @Test
  void a_safe_route_between_two_clicks_is_drawn_with_the_shortest_for_comparison() {
    importNetwork();
    browser.open("?ws=testby&layers=boundary,streets", analystKey);
    browser.waitLoaded("streets");
    driver.findElement(By.cssSelector("#panel-route summary")).click();
    WebElement map = driver.findElement(By.id("map"));
    new Actions(driver).moveToElement(map, -120, 120).click().perform();
    new Actions(driver).moveToElement(map, 120, -120).click().perform();
    WebElement find = driver.findElement(By.id("route-find"));
    new WebDriverWait(driver, MapBrowser.WAIT).until(ExpectedConditions.elementToBeClickable(find));
    find.click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> !d.findElement(By.id("route-summary")).getText().isBlank());
    assertThat(driver.findElement(By.id("route-summary")).getText())
        .matches("(?s)Trygg väg \\d+( m|,\\d km) \\(\\d+ % belyst\\).*");
  }

  @Test
  void the_lighting_panel_lists_ranked_priorities_with_their_explanations() {
    browser.open("?ws=testby&layers=boundary,lamps,dark", analystKey);
    browser.waitLoaded("lamps", "dark");
    driver.findElement(By.cssSelector("#panel-lighting summary")).click();
    driver.findElement(By.id("lighting-load")).click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> !d.findElements(By.cssSelector("#lighting-list li")).isEmpty());
    assertThat(driver.findElement(By.cssSelector("#lighting-list li .muted")).getText())
        .isNotBlank();
  }

  @Test
  void the_commitments_panel_shows_progress() {
    var created =
        server
            .as(java.util.Optional.of(analystKey))
            .post(
                "/api/workspaces/testby/commitments",
                "{\"id\":\"narvaro-resecentrum\",\"title\":\"Närvaro vid resecentrum\","
                    + "\"responsible\":\"police\",\"kind\":\"presence\",\"periodStart\":\"2024-01-01\","
                    + "\"periodEnd\":\"2030-12-31\",\"target\":500}",
                "application/json");
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201, 409);
    browser.open("?ws=testby&layers=boundary", null);
    browser.waitLoaded("boundary");
    driver.findElement(By.cssSelector("#panel-commitments summary")).click();
    WebElement bar =
        new WebDriverWait(driver, MapBrowser.WAIT)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-commitment=narvaro-resecentrum] [role=progressbar]")));
    assertThat(bar.getAttribute("aria-valuenow")).matches("\\d+");
  }

  // ------------------------------------------------------------------ helpers

  private void importNetwork() {
    var r =
        server
            .as(java.util.Optional.of(analystKey))
            .post(
                "/api/workspaces/testby/network/import",
                TestTown.streetsGeoJson(),
                "application/geo+json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private void login(String key) {
    driver.findElement(By.id("api-key")).sendKeys(key);
    driver.findElement(By.id("login-button")).click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> !"public".equals(d.findElement(By.tagName("body")).getAttribute("data-role")));
  }

  /**
   * Non-transparent pixels on Leaflet's vector canvases (every pane): what the vector layers
   * painted.
   */
  private long paintedPixels() {
    Object n =
        ((JavascriptExecutor) driver)
            .executeScript(
                "let n = 0; for (const c of document.querySelectorAll('.leaflet-map-pane"
                    + " canvas')) { const d = c.getContext('2d').getImageData(0, 0, c.width,"
                    + " c.height).data; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; }"
                    + " return n;");
    return ((Number) n).longValue();
  }
}
