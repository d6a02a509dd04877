package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.http.HttpApp;
import se.tryggkarta.http.auth.OpenAccessPolicy;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.workspace.Workspace;

/**
 * Two instances on one PostGIS database: a write through instance B changes the ETag and the tile
 * that instance A serves, though A had the old tile in its cache; both instances give equal ETags
 * for the same data.
 */
class PostgisTilesTwoInstancesIT {
  static final String SCHEMA = "it_tiles_two_instances";
  private static final LonLat POINT = new LonLat(11.95, 57.85);

  @TempDir Path dirA;
  @TempDir Path dirB;
  protected Wiring wiringA;
  protected Wiring wiringB;
  protected HttpApp a;
  protected HttpApp b;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    PostgisTestDatabase.dropSchema(SCHEMA);
    String url = PostgisTestDatabase.URL + "&currentSchema=" + SCHEMA;
    wiringA =
        Wiring.open(
            new AppConfig(
                dirA, 0, Optional.of(url), Optional.empty(), List.of(), 1L << 20, readUrls()));
    wiringB =
        Wiring.open(
            new AppConfig(
                dirB, 0, Optional.of(url), Optional.empty(), List.of(), 1L << 20, readUrls()));
    a = wiringA.http(new OpenAccessPolicy());
    b = wiringB.http(new OpenAccessPolicy());
    a.javalin().start("127.0.0.1", 0);
    b.javalin().start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    a.javalin().stop();
    b.javalin().stop();
    wiringA.close();
    wiringB.close();
  }

  @Test
  void a_write_through_the_other_instance_changes_the_etag_and_the_tile() {
    wiringA.store().createWorkspace(Workspace.of("town", "Town"));
    write(wiringA, "a", 20);
    // z15 tile holding POINT: x = (lon+180)/360·2^15, y from the Mercator formula.
    String path = "/api/workspaces/town/tiles/density/15/17471/9895.tif?bandwidth=200&cell=10";
    HttpResponse<byte[]> before = get(a, path, Optional.empty());
    assertThat(before.statusCode()).isEqualTo(200);
    String etag = before.headers().firstValue("ETag").orElseThrow();
    assertThat(get(b, path, Optional.empty()).headers().firstValue("ETag")).contains(etag);
    assertThat(get(a, path, Optional.of(etag)).statusCode()).isEqualTo(304);

    write(wiringB, "b", 5);

    HttpResponse<byte[]> after = get(a, path, Optional.of(etag));
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
    assertThat(after.body()).isNotEqualTo(before.body());
  }

  /** The instances' read replicas (none here; {@link PostgisReplicaTilesIT} adds one). */
  protected List<String> readUrls() {
    return List.of();
  }

  private static void write(Wiring w, String prefix, int n) {
    try (LayerWriter lw = w.store().openWriter("town", Layer.INCIDENTS)) {
      for (int i = 0; i < n; i++) {
        lw.write(
            new Incident(
                prefix + i,
                new LonLat(POINT.lon() + 0.0001 * i, POINT.lat()),
                Instant.parse("2024-02-01T21:00:00Z"),
                "theft",
                1,
                Map.of()));
      }
      lw.commit();
    }
  }

  private HttpResponse<byte[]> get(HttpApp app, String path, Optional<String> ifNoneMatch) {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.javalin().port() + path)).GET();
    ifNoneMatch.ifPresent(e -> rb.header("If-None-Match", e));
    try {
      return client.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
