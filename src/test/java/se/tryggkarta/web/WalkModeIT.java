package se.tryggkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.lighting.LightingRequest;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.lighting.priority.PriorityKind;

/**
 * Issue 22's acceptance case: walk mode on a phone (390 px, headless Chromium) follows a planned
 * walk on the demo, goes offline by Chromium's network emulation (CDP {@code
 * Network.emulateNetworkConditions}), reloads from the service worker's cache, records three
 * findings (one with a photo, one at a GPS position on a dark stretch), comes back online and syncs
 * them exactly once. They are then unsafe places, and the dark stretch has one more darkness report
 * on the lighting work list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkModeIT {
  private static final String WS = ExempelbyGenerator.WORKSPACE_ID;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private TestServer server;
  private MapBrowser browser;
  private ChromeDriver driver;
  private String key;

  @BeforeAll
  void start() throws IOException {
    server = TestServer.start(dir, w -> w.http());
    server.wiring().installDemo();
    key = server.wiring().keys().create(Role.ANALYST, Set.of(WS), "Vandringsledare").token();
    browser = MapBrowser.start(server.base(), "chromium-profile-walk");
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

  @Test
  void a_walk_recorded_offline_on_a_phone_syncs_exactly_once_and_feeds_the_analyses()
      throws Exception {
    LonLat p = ExempelbyGenerator.PARKEN_CENTRE;
    var planned =
        server
            .as(Optional.of(key))
            .post(
                "/api/workspaces/" + WS + "/walks",
                "{\"name\":\"Kvällsvandring\",\"plan\":{\"start\":["
                    + p.lon()
                    + ","
                    + p.lat()
                    + "],\"maxLengthM\":2500}}",
                "application/json");
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    String walkId = JSON.readTree(planned.body()).get("id").asText();
    Priority dark = darkItem();
    LonLat darkSpot = midpoint(dark);

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get(server.base() + "/health");
    driver.executeScript("sessionStorage.setItem('tryggkarta.apiKey', arguments[0])", key);
    String page = server.base() + "/walk.html?ws=" + WS + "&walk=" + walkId;
    driver.get(page);
    waitBody("ready", "true");
    driver.executeAsyncScript(
        "const done = arguments[0]; navigator.serviceWorker.ready.then(() => done(true));");
    assertThat(driver.findElement(By.id("stop-title")).getText()).startsWith("Stopp 1 av");

    driver.executeCdpCommand("Network.enable", Map.of());
    network(true);
    driver.navigate().refresh();
    waitBody("ready", "true");
    assertThat(driver.findElement(By.id("net")).getText()).contains("Offline");
    assertThat(driver.findElement(By.id("stop-reason")).getText()).isNotBlank();
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of("origin", server.base(), "permissions", List.of("geolocation")));
    driver.executeCdpCommand(
        "Emulation.setGeolocationOverride",
        Map.of("latitude", darkSpot.lat(), "longitude", darkSpot.lon(), "accuracy", 5));

    record("lighting", "3", "gps", "Helt mörkt längs gångvägen", Optional.empty());
    driver.findElement(By.id("next")).click();
    record("vegetation", "2", "stop", "Häcken skymmer sikten", Optional.of(photo()));
    record("maintenance", "1", "stop", "", Optional.empty());
    waitBody("pending", "3");
    assertThat(findingsOf(walkId)).isEmpty();
    browser.saveScreenshot("walk_mode_offline_three_findings_queued");

    network(false);
    waitBody("synced", "3");
    driver.findElement(By.id("sync")).click();
    driver.findElement(By.id("sync")).click();
    waitBody("synced", "3");
    assertThat(driver.findElement(By.tagName("body")).getAttribute("data-conflicts"))
        .isEqualTo("0");
    browser.saveScreenshot("walk_mode_synced");

    List<JsonNode> found = findingsOf(walkId);
    assertThat(found).hasSize(3);
    Set<String> ids = new HashSet<>();
    found.forEach(f -> ids.add(f.get("id").asText()));
    assertThat(ids).hasSize(3);
    assertThat(found).filteredOn(f -> f.get("photos").size() == 1).hasSize(1);
    for (String id : ids) {
      UnsafePlace u =
          (UnsafePlace)
              server
                  .wiring()
                  .store()
                  .findRecord(WS, Layer.UNSAFE_PLACES, "walk-" + id)
                  .orElseThrow();
      assertThat(u.source()).isEqualTo("walk");
    }
    Priority after =
        priorities().stream().filter(x -> x.id().equals(dark.id())).findFirst().orElseThrow();
    assertThat(after.darknessReports()).isEqualTo(dark.darknessReports() + 1);
    assertThat(severeConsoleErrors()).isEmpty();
  }

  @Test
  void a_citizen_sends_a_tip_from_the_public_map_and_it_waits_for_moderation() {
    driver.manage().window().setSize(new Dimension(390, 844));
    browser.open("?ws=" + WS, null);
    WebElement panel = driver.findElement(By.id("panel-tip"));
    new WebDriverWait(driver, MapBrowser.WAIT).until(d -> panel.isDisplayed());
    driver.findElement(By.cssSelector("#panel-tip summary")).click();
    WebElement map = driver.findElement(By.id("map"));
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView()", map);
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(map).click().perform();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> !d.findElement(By.id("tip-place")).getText().isEmpty());
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView()", panel);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("tip-category")))
        .selectByValue("lighting");
    driver.findElement(By.id("tip-text")).sendKeys("Mörkt och obehagligt vid tunneln");
    driver.findElement(By.id("tip-send")).click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> d.findElement(By.id("tip-result")).getText().startsWith("Tack"));
    browser.saveScreenshot("tip_sent_from_public_map");
    var tips = server.wiring().tips().listTips(WS, Optional.empty());
    assertThat(tips)
        .singleElement()
        .satisfies(t -> assertThat(t.text()).contains("Mörkt och obehagligt vid tunneln"));
    assertThat(
            server.wiring().store().findRecord(WS, Layer.UNSAFE_PLACES, "tip-" + tips.get(0).id()))
        .isEmpty();
    assertThat(severeConsoleErrors()).isEmpty();
  }

  private void record(
      String category, String severity, String where, String note, Optional<Path> photo) {
    driver.findElement(By.id("add")).click();
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category")))
        .selectByValue(category);
    driver.findElement(By.cssSelector("input[name='severity'][value='" + severity + "']")).click();
    driver.findElement(By.cssSelector("input[name='where'][value='" + where + "']")).click();
    driver.findElement(By.id("note")).sendKeys(note);
    photo.ifPresent(
        f -> driver.findElement(By.id("photo")).sendKeys(f.toAbsolutePath().toString()));
    int before = driver.findElements(By.cssSelector("#outbox-list li")).size();
    driver.findElement(By.id("save")).click();
    new WebDriverWait(driver, MapBrowser.WAIT)
        .until(d -> d.findElements(By.cssSelector("#outbox-list li")).size() == before + 1);
  }

  private void network(boolean offline) {
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of(
            "offline", offline,
            "latency", 0,
            "downloadThroughput", -1,
            "uploadThroughput", -1));
  }

  private void waitBody(String attribute, String value) {
    new WebDriverWait(driver, MapBrowser.WAIT)
        .withMessage(
            () ->
                "body data-"
                    + attribute
                    + " never became "
                    + value
                    + "; status: "
                    + driver.findElement(By.id("status")).getText())
        .until(
            d -> value.equals(d.findElement(By.tagName("body")).getAttribute("data-" + attribute)));
  }

  private List<JsonNode> findingsOf(String walkId) throws IOException {
    var r = server.as(Optional.of(key)).get("/api/workspaces/" + WS + "/findings?walk=" + walkId);
    List<JsonNode> out = new java.util.ArrayList<>();
    JSON.readTree(r.body()).get("findings").forEach(out::add);
    return out;
  }

  private List<Priority> priorities() {
    return server.wiring().lighting().priorities(WS, LightingRequest.DEFAULT).priorities();
  }

  /** The first new-light item of the work list: a dark stretch. */
  private Priority darkItem() {
    return priorities().stream()
        .filter(x -> x.kind() == PriorityKind.NEW_LIGHT)
        .findFirst()
        .orElseThrow();
  }

  private LonLat midpoint(Priority item) {
    LineString line = (LineString) item.targetMeters();
    Coordinate mid = new LengthIndexedLine(line).extractPoint(line.getLength() / 2);
    return server.wiring().workspaces().getWorkspace(WS).crs().toLonLat(new XY(mid.x, mid.y));
  }

  private Path photo() throws IOException {
    Path file = dir.resolve("fynd.jpg");
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    img.getGraphics().fillRect(40, 40, 200, 120);
    ImageIO.write(img, "jpeg", file.toFile());
    return file;
  }

  /** Severe console messages, leaving out the failed requests that going offline causes. */
  private List<String> severeConsoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("ERR_INTERNET_DISCONNECTED") && !m.contains("Failed to fetch"))
        .toList();
  }
}
