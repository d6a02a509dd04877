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
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.layer.context.MapContext;
import se.tryggkarta.route.graph.LocalProjection;

/**
 * The web map in headless Chromium on the synthetic demo town {@code exempelby}, prepared exactly
 * as {@code serve --demo} prepares it ({@link se.tryggkarta.Wiring#installDemo()}) on a temporary
 * data directory with the service's real access policy. One server and one browser for the class.
 * Every test checks that the browser logged no errors and saves a screenshot under {@code
 * target/screenshots/}. The anonymous visitor's view ({@code demo_public_map_sv.png}: streets and
 * place names, heatmap tiles, contours and patrol sites) is the README's {@code docs/map.png};
 * {@code demo_analyst_view_at_night.png} shows the analyst's night view.
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
  void
      demo_public_view_draws_streets_places_heatmap_contours_and_patrol_sites_but_no_raw_incidents() {
    browser.open(
        "?ws=exempelby&layers=boundary,streets,places,density,contours,sites,incidents,"
            + "unsafe-places",
        null);
    browser.waitLoaded("boundary", "streets", "places", "density", "contours", "sites");
    assertThat(driver.findElement(By.tagName("body")).getAttribute("data-role"))
        .isEqualTo("public");
    assertThat(List.of("incidents", "unsafe-places"))
        .allSatisfy(l -> assertThat(browser.status(l)).as(l).isEqualTo("absent"));
    assertThat(browser.waitDensityTiles()).isPositive();
    assertThat(browser.count("streets")).isPositive();
    assertThat(browser.count("places")).isEqualTo(2);
    assertThat(browser.count("contours")).isPositive();
    assertThat(browser.count("sites")).isPositive();
    assertThat(driver.findElements(By.id("layer-incidents"))).isEmpty();
    assertThat(driver.findElements(By.id("layer-unsafe-places"))).isEmpty();
    assertThat(browser.requestedUrls()).noneMatch(u -> u.contains("/layers/"));
    assertThat(driver.findElement(By.id("filters")).isDisplayed()).isFalse();
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

  /**
   * The anonymous visitor's map, as the README shows it ({@code docs/map.png} is this test's
   * screenshot {@code demo_public_map_sv.png}): street and place names are written on it, no name
   * touches a patrol-site marker (checked on the rendered boxes), and every text of the page is in
   * the chosen language: none of the page's English texts in Swedish, none of its Swedish texts in
   * English, no raw text key, no decimal point in a Swedish number.
   */
  @Test
  void
      an_anonymous_visitor_reads_street_and_place_names_that_hide_no_site_in_swedish_and_english() {
    LonLat centre = ExempelbyGenerator.ORIGIN;
    browser.open(
        String.format(
            java.util.Locale.ROOT,
            "?ws=exempelby&layers=boundary,streets,places,density,contours,sites&at=%.6f,%.6f,15",
            centre.lat(),
            centre.lon()),
        null);
    browser.waitLoaded("boundary", "streets", "places", "density", "contours", "sites");
    browser.waitDensityTiles();
    Set<String> streetNames = new HashSet<>();
    ExempelbyGenerator.data().records(Layer.STREETS).stream()
        .map(r -> ((StreetSegment) r).name())
        .flatMap(Optional::stream)
        .forEach(streetNames::add);
    for (String lang : List.of("sv", "en")) {
      if (lang.equals("en")) {
        driver.findElement(By.id("lang")).click();
        new WebDriverWait(driver, MapBrowser.WAIT)
            .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
      }
      List<String> streetLabels = texts(".street-label");
      assertThat(streetLabels).as("street names on the map").hasSizeGreaterThanOrEqualTo(5);
      assertThat(streetNames).containsAll(streetLabels);
      assertThat(texts(".place-label")).as("place names on the map").contains("Resecentrum");
      assertThat(driver.findElements(By.cssSelector(".leaflet-marker-pane .site-label")))
          .isNotEmpty();
      assertThat(labelsOverSites()).as("labels over site markers").isEmpty();
      assertThat(driver.findElement(By.cssSelector(".legend-scale")).getText())
          .as("the heatmap's scale in the legend")
          .matches(
              lang.equals("sv")
                  ? "(?s)låg\\s*→\\s*\\d[\\d\\s\u00a0]* per km²"
                  : "(?s)low\\s*→\\s*\\d[\\d,]* per km²");
      assertNoTextOfTheOtherLanguage(lang);
      browser.saveScreenshot("demo_public_map_" + lang);
    }
  }

  @Test
  void two_clicks_on_a_drawn_street_in_the_public_safe_route_panel_give_two_points_on_it() {
    StreetSegment street =
        ExempelbyGenerator.data().records(Layer.STREETS).stream()
            .map(r -> (StreetSegment) r)
            .filter(s -> s.name().orElse("").equals("Kungsgatan"))
            .max(java.util.Comparator.comparingDouble(s -> s.geometryWgs84().getLength()))
            .orElseThrow();
    var line = street.geometryWgs84();
    var first = line.getCoordinateN(0);
    var last = line.getCoordinateN(line.getNumPoints() - 1);
    double lon0 = (first.x + last.x) / 2;
    double lat0 = (first.y + last.y) / 2;
    int zoom = 18;
    browser.open(
        String.format(
            java.util.Locale.ROOT,
            "?ws=exempelby&layers=boundary,streets,sites,contours&at=%.7f,%.7f,%d",
            lat0,
            lon0,
            zoom),
        null);
    browser.waitLoaded("streets", "sites", "contours");
    driver.findElement(By.cssSelector("#panel-route summary")).click();
    WebElement map = driver.findElement(By.id("map"));
    for (double t : new double[] {0.2, 0.8}) {
      // a click a pixel or two off the drawn line, where the street's own canvas path lies
      int[] px =
          MapBrowser.offsetFromCentre(
              lon0, lat0, zoom, first.x + t * (last.x - first.x), first.y + t * (last.y - first.y));
      new Actions(driver).moveToElement(map, px[0], px[1] + 2).click().perform();
    }
    WebElement find = driver.findElement(By.id("route-find"));
    new WebDriverWait(driver, MapBrowser.WAIT).until(ExpectedConditions.elementToBeClickable(find));
    WebElement points = driver.findElement(By.id("route-points"));
    assertThat(points.getText()).isEqualTo("A: Kungsgatan → B: Kungsgatan");
    List<LonLat> ab =
        Arrays.stream(points.getAttribute("data-points").split(";"))
            .map(p -> p.split(","))
            .map(p -> new LonLat(Double.parseDouble(p[0]), Double.parseDouble(p[1])))
            .toList();
    assertThat(ab).hasSize(2);
    double along = metres(new LonLat(first.x, first.y), new LonLat(last.x, last.y));
    assertThat(metres(ab.get(0), ab.get(1))).isGreaterThan(0.5 * along);
    for (LonLat p : ab) {
      assertThat(
              street
                  .geometryWgs84()
                  .distance(
                      new org.locationtech.jts.geom.GeometryFactory()
                          .createPoint(new org.locationtech.jts.geom.Coordinate(p.lon(), p.lat()))))
          .as("degrees from the street")
          .isLessThan(1e-6);
    }
    find.click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> !d.findElement(By.id("route-summary")).getText().isBlank());
    assertThat(driver.findElement(By.id("route-summary")).getText())
        .startsWith("Trygg väg")
        .doesNotContainPattern("\\d\\.\\d");
  }

  @Test
  void the_public_picks_a_published_period_and_reads_how_it_is_protected() {
    browser.open("?ws=exempelby&layers=boundary,density,sites", null);
    browser.waitLoaded("density", "sites");
    assertThat(driver.findElement(By.id("release")).isDisplayed()).isTrue();
    List<WebElement> periods = driver.findElements(By.cssSelector("#release-period option"));
    assertThat(periods).hasSizeGreaterThanOrEqualTo(2);
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> d.findElement(By.id("release-note")).getText().contains("Publicerad"));
    assertThat(driver.findElement(By.id("release-note")).getText())
        .contains("ε")
        .doesNotContainPattern("\\d\\.\\d");
    String chosen = driver.findElement(By.id("release-period")).getAttribute("value");
    String second =
        periods.stream()
            .map(o -> o.getAttribute("value"))
            .filter(v -> !v.equals(chosen))
            .findFirst()
            .orElseThrow();
    // the browser keeps 250 resource timings by default and the first tiles fill them
    driver.executeScript(
        "performance.clearResourceTimings(); performance.setResourceTimingBufferSize(10000)");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("release-period")))
        .selectByValue(second);
    browser.waitLoaded("density", "sites");
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(
            d ->
                browser.requestedUrls().stream()
                    .anyMatch(
                        u -> u.contains("/hotspots/sites") && u.contains("release=" + second)));
    assertThat(browser.requestedUrls())
        .filteredOn(u -> u.contains("/hotspots/") || u.contains("/tiles/"))
        .isNotEmpty()
        .allSatisfy(u -> assertThat(u).doesNotContain("bandwidth=").doesNotContain("hours="));
  }

  @Test
  void the_site_list_names_hotspots_by_the_rank_the_api_gives() {
    browser.open("?ws=exempelby&layers=boundary,streets,sites", null);
    browser.waitLoaded("streets", "sites");
    driver.findElement(By.cssSelector("#panel-sites summary")).click();
    String asked =
        browser.requestedUrls().stream()
            .filter(u -> u.contains("/hotspots/sites?"))
            .findFirst()
            .orElseThrow();
    var api =
        se.tryggkarta.http.TestServer.json(
            server.as(Optional.empty()).get(asked.substring(asked.indexOf("/api/"))));
    List<String> ranks = new java.util.ArrayList<>();
    api.get("features").forEach(f -> ranks.add(f.get("properties").get("rank").asText()));
    assertThat(ranks).isNotEmpty();
    List<WebElement> items =
        new WebDriverWait(driver, MapBrowser.WAIT)
            .until(
                d -> {
                  List<WebElement> li = d.findElements(By.cssSelector("#site-list li[data-rank]"));
                  return li.size() == ranks.size() ? li : null;
                });
    for (int k = 0; k < ranks.size(); k++) {
      assertThat(items.get(k).getAttribute("data-rank")).isEqualTo(ranks.get(k));
      assertThat(items.get(k).getText())
          .startsWith("Hotspot " + ranks.get(k))
          .doesNotContain("site-");
    }
  }

  @Test
  void toggling_a_layer_on_the_demo_town_redraws_it_and_keeps_the_choice_in_the_url() {
    browser.open("?ws=exempelby&layers=boundary,streets,places", analystKey);
    browser.waitLoaded("boundary", "streets", "places");
    int zoom = Integer.parseInt(atParameter()[2]);
    assertThat(browser.count("streets"))
        .as("streets drawn at zoom " + zoom)
        .isEqualTo(
            ExempelbyGenerator.data().records(Layer.STREETS).stream()
                .filter(r -> MapContext.drawnAt(((StreetSegment) r).highway(), zoom))
                .count());

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
    WebElement startLine = driver.findElement(By.id("walk-start"));
    LonLat start =
        new LonLat(
            Double.parseDouble(startLine.getAttribute("data-lon")),
            Double.parseDouble(startLine.getAttribute("data-lat")));
    assertThat(metres(start, centre)).isLessThan(CLICK_TOLERANCE_METERS);
    assertThat(startLine.getText()).startsWith("Start: ").doesNotContainPattern("\\d");

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
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> d.findElements(By.cssSelector("#site-list li button")).size() >= 2);
    LonLat first = centreAfterClicking(0);
    LonLat second = centreAfterClicking(1);
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

  /**
   * Clicks the k-th site in the list (the map zooms to it) and returns the map centre from the URL.
   * The list is found afresh: it is redrawn when the street names of the new view arrive.
   */
  private LonLat centreAfterClicking(int k) {
    String before = driver.getCurrentUrl();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElements(By.cssSelector("#site-list li button")).get(k).click();
              return true;
            });
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().contains("at="));
    String[] v = atParameter();
    return new LonLat(Double.parseDouble(v[1]), Double.parseDouble(v[0]));
  }

  /** The map view in the URL: latitude, longitude, zoom. */
  private String[] atParameter() {
    new WebDriverWait(driver, MapBrowser.WAIT).until(d -> d.getCurrentUrl().contains("at="));
    String query = URI.create(driver.getCurrentUrl()).getRawQuery();
    return Arrays.stream(query.split("&"))
        .filter(p -> p.startsWith("at="))
        .findFirst()
        .map(p -> URLDecoder.decode(p.substring(3), StandardCharsets.UTF_8))
        .orElseThrow()
        .split(",");
  }

  private List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** The text of every label whose rendered box overlaps a patrol-site marker's box. */
  @SuppressWarnings("unchecked")
  private List<String> labelsOverSites() {
    return (List<String>)
        driver.executeScript(
            "const sites = [...document.querySelectorAll('.leaflet-marker-pane .site-label')]"
                + ".map(e => e.getBoundingClientRect());"
                + "return [...document.querySelectorAll('.map-label')].filter(l => {"
                + " const a = l.getBoundingClientRect();"
                + " return sites.some(b => a.left < b.right && b.left < a.right"
                + " && a.top < b.bottom && b.top < a.bottom); }).map(l => l.textContent);");
  }

  /**
   * Fails when a visible text of the page is a text of the other language (the page's own table in
   * js/i18n.js, the texts that differ between the two), a raw text key, or, in Swedish, a number
   * with a decimal point. The language button names the other language on purpose.
   */
  @SuppressWarnings("unchecked")
  private void assertNoTextOfTheOtherLanguage(String lang) {
    String other = lang.equals("sv") ? "en" : "sv";
    List<String> foreign =
        (List<String>)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import('/js/i18n.js').then(m => { const own = m.STRINGS[arguments[0]],"
                    + " other = m.STRINGS[arguments[1]];"
                    + " done(Object.keys(other).filter(k => k !== 'language' && other[k] !== own[k])"
                    + ".map(k => other[k]).filter(t => !t.includes('{') && t.length > 3)); });",
                lang,
                other);
    assertThat(foreign).hasSizeGreaterThan(50);
    List<String> visible =
        (List<String>)
            driver.executeScript(
                "const out = []; const w = document.createTreeWalker(document.body,"
                    + " NodeFilter.SHOW_TEXT); for (let n = w.nextNode(); n; n = w.nextNode()) {"
                    + " const e = n.parentElement; const t = n.textContent.trim();"
                    + " if (t && e && e.id !== 'lang' && e.offsetParent !== null) out.push(t); }"
                    + " for (const i of document.querySelectorAll('input[placeholder]'))"
                    + " if (i.offsetParent !== null) out.push(i.placeholder);"
                    + " for (const e of document.querySelectorAll('[title], [aria-label]'))"
                    + " out.push(e.title || e.getAttribute('aria-label')); return out;");
    assertThat(visible).hasSizeGreaterThan(20);
    assertThat(visible).as("texts of the other language").noneMatch(foreign::contains);
    assertThat(visible)
        .as("raw text keys")
        .noneMatch(
            t -> t.matches("(layer|panel|legend|field|value|problem|sites|walk|route)\\.[\\w.-]+"));
    if (lang.equals("sv")) {
      assertThat(visible)
          .as("decimal points in Swedish")
          .noneMatch(t -> t.matches("(?s).*\\d\\.\\d.*"));
    }
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
