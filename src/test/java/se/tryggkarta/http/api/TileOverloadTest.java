package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorCompletionService;
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
 * Overload: a pool of 1 thread and 1 waiting slot, its thread held by a task the test releases,
 * flooded with 16 legend requests for distinct surfaces, answers the 15 it cannot queue 503 with
 * Retry-After at once, the queued one correctly once the thread is free, and is healthy afterwards.
 * A latch, not the cost of a surface, makes the pool busy, so the outcome does not depend on the
 * machine's speed.
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
              // the hotspot routes come along because the tile routes' OpenAPI parameters are
              // defined in the hotspot fragment, and every route's query is checked against them
              return HttpApp.create(
                  HttpSettings.DEFAULT,
                  open,
                  List.of(
                      new HealthRoutes(w.store()),
                      new HotspotRoutes(
                          w.workspaces(), w.hotspots(), analyses, w.releases(), open, w.places()),
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
      // Occupy the pool's one thread with a task that runs until the test lets it go, so the
      // flood meets a busy pool however fast the machine computes a surface.
      CountDownLatch blockerRuns = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      ExecutorService blocker = Executors.newSingleThreadExecutor();
      Future<Integer> blocked =
          blocker.submit(
              () ->
                  pool.run(
                      () -> {
                        blockerRuns.countDown();
                        awaitQuietly(release);
                        return 0;
                      }));
      assertThat(blockerRuns.await(10, TimeUnit.SECONDS)).isTrue();
      CountDownLatch gate = new CountDownLatch(1);
      ExecutorService callers = Executors.newFixedThreadPool(FLOOD);
      CompletionService<HttpResponse<String>> answers = new ExecutorCompletionService<>(callers);
      for (int i = 0; i < FLOOD; i++) {
        // Distinct bandwidths: no two requests share a computation. 25 m cells over ≈ 3 × 3 km.
        String path = "/api/workspaces/town/tiles/density/legend?cell=25&bandwidth=" + (1500 + i);
        answers.submit(
            () -> {
              gate.await();
              return server.get(path);
            });
      }
      gate.countDown();
      // The thread is busy and the queue takes one: that one waits, the other 15 are refused now.
      for (int i = 0; i < FLOOD - 1; i++) {
        HttpResponse<String> r = answers.poll(60, TimeUnit.SECONDS).get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/problem+json");
        assertThat(TestServer.json(r).get("type").asText())
            .isEqualTo("urn:tryggkarta:problem:unavailable");
      }
      assertThat(pool.queuedTasks()).isEqualTo(1);
      release.countDown();
      assertThat(blocked.get(10, TimeUnit.SECONDS)).isZero();
      // The queued request is answered correctly once the thread is free.
      HttpResponse<String> queued = answers.poll(60, TimeUnit.SECONDS).get();
      assertThat(queued.statusCode()).as(queued.body()).isEqualTo(200);
      assertThat(TestServer.json(queued).get("maxPerKm2").asDouble()).isPositive();
      callers.shutdown();
      blocker.shutdown();
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(
              server
                  .get("/api/workspaces/town/tiles/density/legend?cell=25&bandwidth=1500")
                  .statusCode())
          .isEqualTo(200);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
