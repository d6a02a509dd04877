package se.tryggkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.tryggkarta.access.Role;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.route.graph.LocalProjection;

/**
 * The web map in headless Chromium on the synthetic demo town {@code exempelby}, prepared exactly
 * as {@code serve --demo} prepares it ({@link se.tryggkarta.Wiring#installDemo()}) on a temporary
 * data directory with the service's real access policy. One server and one browser for the class.
 * Every test checks that the browser logged no errors and saves a screenshot under {@code
 * target/screenshots/}. The public view's screenshot (heatmap, contours and patrol sites) was
 * copied to the README's {@code docs/map.png}; {@code demo_analyst_view_at_night.png} shows the
 * analyst's night view with streets and places.
 *
 * <p>No test asks the page to draw the 6 000 raw incidents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebMapDemoIT {
  private static final String WS = ExempelbyGenerator.WORKSPACE_ID;

  /** A click "at" a place lands within this distance of it (a pixel at zoom 16 is about 1.2 m). */
  private static final double CLICK_TOLERANCE_METERS = 25;

  /** A patrol site counts as at a planted hotspot within this distance (as DemoPatrolSitesIT). */
  private static final double NEAR_METERS = 150;

  @TempDir static Path dir;
  private TestServer server;
  private MapBrowser browser;
  private ChromeDriver driver;
  private String analystKey;

  @BeforeAll
  void start() throws IOException {
    server = TestServer.start(dir, w -> w.http());
    assertThat(server.wiring().installDemo()).isTrue();
    analystKey = server.wiring().keys().create(Role.ANALYST, Set.of(WS), "demo-analytiker").token();
    browser = MapBrowser.start(server.base(), "chromium-profile-demo");
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
  void demo_public_view_draws_heatmap_contours_and_patrol_sites_but_no_raw_incidents() {
    browser.open(
        "?ws=exempelby&layers=boundary,streets,places,density,contours,sites,incidents,"
            + "unsafe-places",
        null);
    browser.waitLoaded("boundary", "density", "contours", "sites");
    assertThat(driver.findElement(By.tagName("body")).getAttribute("data-role"))
        .isEqualTo("public");
    assertThat(List.of("streets", "places", "incidents", "unsafe-places"))
        .allSatisfy(l -> assertThat(browser.status(l)).as(l).isEqualTo("absent"));
    assertThat(driver.findElement(By.cssSelector("img.density-overlay")).getAttribute("src"))
        .startsWith("data:image/png");
    assertThat(browser.count("contours")).isPositive();
    assertThat(browser.count("sites")).isPositive();
    assertThat(driver.findElements(By.id("layer-incidents"))).isEmpty();
    assertThat(driver.findElements(By.id("layer-unsafe-places"))).isEmpty();
    assertThat(browser.requestedUrls()).noneMatch(u -> u.contains("/layers/"));
    String page = driver.getPageSource();
    List<String> comments =
        ExempelbyGenerator.data().records(Layer.UNSAFE_PLACES).stream()
            .map(r -> ((UnsafePlace) r).comment())
            .flatMap(Optional::stream)
            .filter(c -> c.length() >= 12)
            .distinct()
            .toList();
    assertThat(comments).isNotEmpty();
    assertThat(comments).noneMatch(page::contains);
    assertThat(driver.findElements(By.cssSelector("[data-download^=incidents]"))).isEmpty();
  }

  @Test
  void toggling_a_layer_on_the_demo_town_redraws_it_and_keeps_the_choice_in_the_url() {
    browser.open("?ws=exempelby&layers=boundary,streets,places", analystKey);
    browser.waitLoaded("boundary", "streets", "places");
    assertThat(browser.count("streets"))
        .isEqualTo(ExempelbyGenerator.data().records(Layer.STREETS).size());

    driver.findElement(By.id("layer-places")).click();
    browser.waitStatus("places", "off");
    assertThat(driver.getCurrentUrl())
        .contains("layers=boundary%2Cstreets")
        .doesNotContain("places");

    driver.findElement(By.id("layer-lamps")).sendKeys(Keys.SPACE);
    browser.waitLoaded("lamps");
    assertThat(browser.count("lamps"))
        .isEqualTo(ExempelbyGenerator.data().records(Layer.LAMPS).size());
    assertThat(driver.getCurrentUrl()).contains("lamps");

    driver.navigate().refresh();
    browser.waitReady();
    browser.waitLoaded("boundary", "streets", "lamps");
    assertThat(browser.status("places")).isEqualTo("off");
  }

  @Test
  void an_analyst_plans_a_safety_walk_from_a_click_at_the_travel_centre_and_sees_its_route() {
    LonLat centre = ExempelbyGenerator.RESECENTRUM_CENTRE;
    browser.open(
        String.format(
            java.util.Locale.ROOT,
            "?ws=exempelby&layers=boundary&at=%.6f,%.6f,16",
            centre.lat(),
            centre.lon()),
        analystKey);
    browser.waitLoaded("boundary");
    driver.findElement(By.cssSelector("#panel-walk summary")).click();
    long before = routePixels();
    new Actions(driver).moveToElement(driver.findElement(By.id("map"))).click().perform();
    WebElement plan = driver.findElement(By.id("walk-plan"));
    new WebDriverWait(driver, MapBrowser.WAIT).until(ExpectedConditions.elementToBeClickable(plan));
    double[] start =
        Arrays.stream(driver.findElement(By.id("walk-start")).getText().split("[^0-9.]+"))
            .filter(s -> !s.isEmpty())
            .mapToDouble(Double::parseDouble)
            .toArray();
    assertThat(metres(new LonLat(start[1], start[0]), centre)).isLessThan(CLICK_TOLERANCE_METERS);

    WebElement length = driver.findElement(By.id("walk-length"));
    length.clear();
    length.sendKeys("2000");
    plan.click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> !d.findElement(By.id("walk-summary")).getText().isBlank());
    int stops = driver.findElements(By.cssSelector("#walk-stops li")).size();
    assertThat(stops).isPositive();
    assertThat(driver.findElements(By.cssSelector(".stop-label"))).hasSize(stops);
    assertThat(
            driver.findElements(By.cssSelector(".stop-label")).stream()
                .map(WebElement::getText)
                .toList())
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(1, stops).mapToObj(String::valueOf).toList());
    new WebDriverWait(driver, MapBrowser.WAIT)
        .withMessage("the walk's route was never painted")
        .until(d -> routePixels() > before + 1000);
    assertThat(driver.findElement(By.id("walk-print")).isDisplayed()).isTrue();
  }

  @Test
  void the_commitments_panel_lists_the_demo_promises_with_their_progress() {
    List<Commitment> promises = server.wiring().commitments().listCommitments(WS);
    assertThat(promises).hasSizeGreaterThanOrEqualTo(3);
    browser.open("?ws=exempelby&layers=boundary", null);
    browser.waitLoaded("boundary");
    driver.findElement(By.cssSelector("#panel-commitments summary")).click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(
            d ->
                d.findElements(By.cssSelector("#commitment-list [role=progressbar]")).size()
                    >= promises.stream().filter(c -> c.target().isPresent()).count());
    assertThat(driver.findElements(By.cssSelector("#commitment-list li[data-commitment]")))
        .hasSize(promises.size());
    LocalDate today = server.wiring().commitments().today(WS);
    Set<String> statuses = new HashSet<>();
    for (Commitment c : promises) {
      if (c.target().isEmpty()) {
        continue;
      }
      WebElement bar =
          driver.findElement(
              By.cssSelector("[data-commitment='" + c.id() + "'] [role=progressbar]"));
      long done = server.wiring().commitments().progress(WS, c.id(), today).total().done();
      long expected = Math.round(Math.min(100.0, 100.0 * done / c.target().getAsLong()));
      assertThat(Long.parseLong(bar.getAttribute("aria-valuenow"))).as(c.id()).isEqualTo(expected);
      statuses.add(bar.getAttribute("data-status"));
    }
    assertThat(statuses).as("the demo promises are in different states").hasSizeGreaterThan(1);
    for (Commitment c : promises) {
      assertThat(
              driver
                  .findElement(By.cssSelector("[data-commitment='" + c.id() + "'] strong"))
                  .getText())
          .isEqualTo(c.title());
    }
  }

  @Test
  void at_night_the_patrol_site_list_ranks_the_travel_centre_and_the_park_first() {
    browser.open(
        "?ws=exempelby&night=1&layers=boundary,streets,places,density,contours,sites", analystKey);
    browser.waitLoaded("boundary", "streets", "places", "density", "contours", "sites");
    browser.saveScreenshot("demo_analyst_view_at_night");
    assertThat(browser.requestedUrls())
        .anyMatch(u -> u.contains("/hotspots/sites") && u.contains("hours=18-06"));
    driver.findElement(By.cssSelector("#panel-sites summary")).click();
    List<WebElement> buttons =
        new WebDriverWait(driver, MapBrowser.WAIT)
            .until(
                d -> {
                  List<WebElement> b = d.findElements(By.cssSelector("#site-list li button"));
                  return b.size() >= 2 ? b : null;
                });
    LonLat first = centreAfterClicking(buttons.get(0));
    LonLat second = centreAfterClicking(buttons.get(1));
    List<LonLat> top2 = List.of(first, second);
    assertThat(top2)
        .anySatisfy(
            c ->
                assertThat(metres(c, ExempelbyGenerator.RESECENTRUM_CENTRE))
                    .isLessThan(NEAR_METERS))
        .anySatisfy(
            c -> assertThat(metres(c, ExempelbyGenerator.PARKEN_CENTRE)).isLessThan(NEAR_METERS));
  }

  // ------------------------------------------------------------------ helpers

  /** Clicks a site in the list (the map zooms to it) and returns the map centre from the URL. */
  private LonLat centreAfterClicking(WebElement button) {
    String before = driver.getCurrentUrl();
    button.click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().contains("at="));
    String query = URI.create(driver.getCurrentUrl()).getRawQuery();
    String at =
        Arrays.stream(query.split("&"))
            .filter(p -> p.startsWith("at="))
            .findFirst()
            .map(p -> URLDecoder.decode(p.substring(3), StandardCharsets.UTF_8))
            .orElseThrow();
    String[] v = at.split(",");
    return new LonLat(Double.parseDouble(v[1]), Double.parseDouble(v[0]));
  }

  /** Great-circle distance in metres (the route feature's haversine). */
  private static double metres(LonLat a, LonLat b) {
    return LocalProjection.haversineMeters(a.lon(), a.lat(), b.lon(), b.lat());
  }

  /**
   * Pixels on Leaflet's vector canvases in the walk's colour #005f99 (RGB 0, 95, 153), each channel
   * within 40: what the walk tool painted (its start marker and its route).
   */
  private long routePixels() {
    Object n =
        driver.executeScript(
            "let n = 0; for (const c of document.querySelectorAll('.leaflet-overlay-pane"
                + " canvas')) { const d = c.getContext('2d').getImageData(0, 0, c.width,"
                + " c.height).data; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 100 &&"
                + " d[i] < 40 && Math.abs(d[i + 1] - 95) < 40 && Math.abs(d[i + 2] - 153) < 40)"
                + " n++; } return n;");
    return ((Number) n).longValue();
  }
}
