package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.analysis.AnalysisCache;
import se.tryggkarta.analysis.AnalysisPool;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.hotspot.HotspotAnalyses;
import se.tryggkarta.http.HttpApp;
import se.tryggkarta.http.HttpSettings;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.http.auth.OpenAccessPolicy;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.Store;
import se.tryggkarta.tiles.DensityTiles;
import se.tryggkarta.workspace.Workspace;

/**
 * Overload: a pool of 1 thread and 1 waiting slot flooded with 16 distinct heavy legend requests
 * (each a fine workspace-wide surface) answers the excess 503 with Retry-After, every other request
 * correctly, and is healthy afterwards.
 */
class TileOverloadTest {
  static final int FLOOD = 16;

  @TempDir Path dir;

  @Test
  void
      flooding_more_heavy_requests_than_the_pool_takes_answers_503_with_retry_after_for_the_excess()
          throws Exception {
    AnalysisPool pool = new AnalysisPool(1, 1, 64L << 20, Duration.ofSeconds(60));
    try (TestServer server =
        TestServer.start(
            dir,
            w -> {
              OpenAccessPolicy open = new OpenAccessPolicy();
              HotspotAnalyses analyses =
                  new HotspotAnalyses(w.hotspots(), w.store(), new AnalysisCache(pool));
              DensityTiles tiles =
                  new DensityTiles(w.workspaces(), analyses, w.releases(), 8L << 20);
              return HttpApp.create(
                  HttpSettings.DEFAULT,
                  open,
                  List.of(
                      new HealthRoutes(w.store()),
                      new TileRoutes(w.workspaces(), tiles, analyses, w.releases(), open)));
            })) {
      Store store = server.wiring().store();
      store.createWorkspace(Workspace.of("town", "Town"));
      Random rnd = new Random(7);
      try (LayerWriter w = store.openWriter("town", Layer.INCIDENTS)) {
        for (int i = 0; i < 300; i++) {
          w.write(
              new Incident(
                  "i" + i,
                  new LonLat(12 + rnd.nextDouble() * 0.05, 57.8 + rnd.nextDouble() * 0.03),
                  Instant.parse("2024-03-01T12:00:00Z"),
                  "theft",
                  1,
                  Map.of()));
        }
        w.commit();
      }
      CountDownLatch gate = new CountDownLatch(1);
      ExecutorService callers = Executors.newFixedThreadPool(FLOOD);
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < FLOOD; i++) {
        // Distinct bandwidths: no two requests share a computation. 2 m cells over ≈ 7 × 7 km.
        String path = "/api/workspaces/town/tiles/density/legend?cell=4&bandwidth=" + (1500 + i);
        answers.add(
            callers.submit(
                () -> {
                  gate.await();
                  return server.get(path);
                }));
      }
      gate.countDown();
      int ok = 0;
      int refused = 0;
      for (Future<HttpResponse<String>> a : answers) {
        HttpResponse<String> r = a.get(120, TimeUnit.SECONDS);
        if (r.statusCode() == 503) {
          refused++;
          assertThat(r.headers().firstValue("Retry-After")).isPresent();
          assertThat(r.headers().firstValue("Content-Type").orElse(""))
              .startsWith("application/problem+json");
          assertThat(TestServer.json(r).get("type").asText())
              .isEqualTo("urn:tryggkarta:problem:unavailable");
        } else {
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          assertThat(TestServer.json(r).get("maxPerKm2").asDouble()).isPositive();
          ok++;
        }
      }
      callers.shutdown();
      assertThat(refused).isPositive();
      assertThat(ok).isGreaterThanOrEqualTo(2);
      assertThat(ok + refused).isEqualTo(FLOOD);
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(
              server
                  .get("/api/workspaces/town/tiles/density/legend?cell=4&bandwidth=1500")
                  .statusCode())
          .isEqualTo(200);
    }
  }
}
