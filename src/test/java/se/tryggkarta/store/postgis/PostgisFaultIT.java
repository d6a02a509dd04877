package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.http.HttpApp;
import se.tryggkarta.http.auth.OpenAccessPolicy;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.workspace.Workspace;

/**
 * The service on PostGIS through a {@link TcpProxy} that the test cuts and restores, as a crashed
 * database or a broken network would: requests answer 503 problem+json with Retry-After instead of
 * hanging, an import cut midway leaves nothing stored, a query cut midway fails instead of
 * returning part of the data, and the same service (no restart) answers again once the database is
 * back.
 */
class PostgisFaultIT {
  private static final String WS = "fault";
  private static final Instant T0 = Instant.parse("2024-05-01T20:00:00Z");

  /** A request that has not answered after this long counts as hanging. */
  private static final Duration HANG = Duration.ofSeconds(20);

  /** How long the service may take to notice the database is back. */
  private static final Duration RECOVERY = Duration.ofSeconds(20);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TcpProxy proxy;
  private PostgisStore store;
  private Wiring wiring;
  private HttpApp app;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(HANG).build();

  @BeforeEach
  void start() throws IOException {
    PostgisTestDatabase.dropSchema("it_fault");
    proxy = new TcpProxy(PostgisTestDatabase.host(), PostgisTestDatabase.port());
    store = PostgisStore.open(PostgisTestDatabase.urlThroughLocalPort(proxy.port()), "it_fault");
    wiring =
        Wiring.on(
            new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 20), store);
    app = wiring.http(new OpenAccessPolicy());
    app.javalin().start("127.0.0.1", 0);
    store.createWorkspace(Workspace.of(WS, "Fault"));
    try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
      for (int i = 0; i < 5000; i++) {
        w.write(incident("base-" + i));
      }
      w.commit();
    }
  }

  @AfterEach
  void stop() {
    app.javalin().stop();
    wiring.close();
    proxy.close();
  }

  @Test
  void requestsAnswer503WithRetryAfterWhileTheDatabaseIsCutAndRecoverWithoutARestart()
      throws Exception {
    assertThat(get("/api/workspaces/" + WS + "/layers/incidents?limit=5").statusCode())
        .isEqualTo(200);

    proxy.cut();
    for (String path :
        List.of(
            "/health",
            "/api/workspaces",
            "/api/workspaces/" + WS,
            "/api/workspaces/" + WS + "/layers/incidents?limit=5")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(503);
      assertThat(r.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/problem+json");
      assertThat(r.headers().firstValue("Retry-After")).as(path).isPresent();
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.path("type").asText()).isEqualTo("urn:tryggkarta:problem:unavailable");
      assertThat(r.body()).doesNotContain("at org.").doesNotContain("Exception");
    }

    proxy.restore();
    assertThat(waitForHealth()).isLessThan(RECOVERY);
    HttpResponse<String> after = get("/api/workspaces/" + WS + "/layers/incidents?limit=5");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL.withPage(1, 0)).total())
        .isEqualTo(5000);
  }

  @Test
  void anImportCutMidwayLeavesNothingStoredAndImportsAgainAfterRecovery() {
    long versionBefore = store.dataVersion(WS);
    assertThatThrownBy(
            () -> {
              try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
                for (int i = 0; i < 20_000; i++) {
                  if (i == 10_000) {
                    proxy.cut();
                  }
                  w.write(incident("new-" + i));
                }
                w.commit();
              }
            })
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));

    proxy.restore();
    waitForHealth();
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL.withPage(1, 0)).total())
        .isEqualTo(5000);
    assertThat(store.findRecord(WS, Layer.INCIDENTS, "new-0")).isEmpty();
    assertThat(store.dataVersion(WS)).isEqualTo(versionBefore);

    try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
      for (int i = 0; i < 20_000; i++) {
        w.write(incident("new-" + i));
      }
      assertThat(w.commit().inserted()).isEqualTo(20_000);
    }
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL.withPage(1, 0)).total())
        .isEqualTo(25_000);
  }

  @Test
  void anImportCutAtCommitLeavesNothingStored() {
    assertThatThrownBy(
            () -> {
              try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
                for (int i = 0; i < 3000; i++) {
                  w.write(incident("late-" + i));
                }
                proxy.cut();
                w.commit();
              }
            })
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    proxy.restore();
    waitForHealth();
    assertThat(store.findRecord(WS, Layer.INCIDENTS, "late-0")).isEmpty();
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL.withPage(1, 0)).total())
        .isEqualTo(5000);
  }

  @Test
  void aQueryCutMidwayFailsAsUnavailableInsteadOfEndingEarly() {
    AtomicLong seen = new AtomicLong();
    assertThatThrownBy(
            () ->
                store.scan(
                    WS,
                    Layer.INCIDENTS,
                    LayerQuery.ALL,
                    r -> {
                      if (seen.incrementAndGet() == 1) {
                        proxy.cut();
                      }
                    }))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    assertThat(seen.get()).isLessThan(5000);

    proxy.restore();
    waitForHealth();
    seen.set(0);
    store.scan(WS, Layer.INCIDENTS, LayerQuery.ALL, r -> seen.incrementAndGet());
    assertThat(seen.get()).isEqualTo(5000);
  }

  @Test
  void startingWhileTheDatabaseIsUnreachableFailsAsUnavailable() {
    proxy.cut();
    assertThatThrownBy(
            () ->
                PostgisStore.open(
                    PostgisTestDatabase.urlThroughLocalPort(proxy.port()), "it_fault"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
  }

  /** Polls {@code /health} until it answers 200; returns how long that took. */
  private Duration waitForHealth() {
    Instant start = Instant.now();
    while (Duration.between(start, Instant.now()).compareTo(RECOVERY) < 0) {
      if (get("/health").statusCode() == 200) {
        return Duration.between(start, Instant.now());
      }
      sleep(100);
    }
    throw new AssertionError("the service did not recover within " + RECOVERY);
  }

  private HttpResponse<String> get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.javalin().port() + path))
            .timeout(HANG)
            .GET()
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request " + path + " failed or hung", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Incident incident(String id) {
    return new Incident(id, new LonLat(11.98, 57.87), T0, "theft", 1, Map.of());
  }
}
