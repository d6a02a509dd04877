package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Two service instances, each built by {@link Wiring#open} from a configuration with the same
 * {@code --db} URL (so this also checks that a DB URL selects the PostGIS store), behind no load
 * balancer: whatever one instance writes, the other answers at once (read-your-writes across
 * instances, no stale caches).
 */
class PostgisTwoInstancesIT {
  static final String SCHEMA = "it_two_instances";
  private static final ObjectMapper JSON = new ObjectMapper();

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
    wiringA = Wiring.open(config(dirA, url));
    wiringB = Wiring.open(config(dirB, url));
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
  void aDbUrlSelectsThePostgisStoreAndHealthSaysSo() throws IOException {
    assertThat(wiringA.store()).isInstanceOf(PostgisStore.class);
    assertThat(((PostgisStore) wiringA.store()).schema()).isEqualTo(SCHEMA);
    HttpResponse<String> health = send(a, "GET", "/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).path("store").asText()).isEqualTo("postgis");
  }

  @Test
  void eachInstanceReadsTheOtherInstancesWritesAtOnce() throws IOException {
    String ws =
        "{\"id\":\"kungalv\",\"name\":\"Kungälv\",\"boundary\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[11.9,57.8],[12.1,57.8],[12.1,57.95],[11.9,57.95],[11.9,57.8]]]}}";
    assertThat(send(a, "POST", "/api/workspaces", ws).statusCode()).isEqualTo(201);
    HttpResponse<String> seenByB = send(b, "GET", "/api/workspaces/kungalv", null);
    assertThat(seenByB.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(seenByB.body()).path("name").asText()).isEqualTo("Kungälv");

    assertThat(listTotal(a)).isZero();
    long versionA = wiringA.store().dataVersion("kungalv");
    try (LayerWriter w = wiringB.store().openWriter("kungalv", Layer.INCIDENTS)) {
      for (int i = 0; i < 300; i++) {
        w.write(
            new Incident(
                "e" + i,
                new LonLat(11.95, 57.85),
                Instant.parse("2024-02-01T21:00:00Z"),
                "theft",
                1,
                Map.of()));
      }
      w.commit();
    }
    assertThat(listTotal(a)).isEqualTo(300);
    assertThat(wiringA.store().dataVersion("kungalv")).isNotEqualTo(versionA);

    assertThat(send(a, "DELETE", "/api/workspaces/kungalv/layers/incidents/e7", null).statusCode())
        .isEqualTo(204);
    assertThat(send(b, "GET", "/api/workspaces/kungalv/layers/incidents/e7", null).statusCode())
        .isEqualTo(404);
    assertThat(listTotal(b)).isEqualTo(299);

    String renamed = ws.replace("\"Kungälv\"", "\"Kungälvs kommun\"");
    assertThat(send(b, "PUT", "/api/workspaces/kungalv", renamed).statusCode()).isEqualTo(200);
    JsonNode fromA = JSON.readTree(send(a, "GET", "/api/workspaces/kungalv", null).body());
    assertThat(fromA.path("name").asText()).isEqualTo("Kungälvs kommun");

    assertThat(send(b, "DELETE", "/api/workspaces/kungalv", null).statusCode()).isEqualTo(204);
    assertThat(send(a, "GET", "/api/workspaces/kungalv", null).statusCode()).isEqualTo(404);
  }

  protected long listTotal(HttpApp app) throws IOException {
    HttpResponse<String> r =
        send(app, "GET", "/api/workspaces/kungalv/layers/incidents?limit=1", null);
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).path("numberMatched").asLong();
  }

  protected HttpResponse<String> send(HttpApp app, String method, String path, String body) {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.javalin().port() + path));
    if (body == null) {
      rb.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      rb.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return client.send(rb.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private AppConfig config(Path dir, String url) {
    return new AppConfig(
        dir, 0, Optional.of(url), Optional.empty(), List.of(), 1L << 20, readUrls());
  }

  /** The instances' read replicas (none here; {@link PostgisReplicaTwoInstancesIT} adds one). */
  protected List<String> readUrls() {
    return List.of();
  }
}
