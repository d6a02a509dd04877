package se.tryggkarta.route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Fixtures;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.workspace.Workspace;

/**
 * Planning a walk and a safe route on the Helsinki extract (4 485 edges, 586 lamps) with 80
 * seeded unsafe-place reports, so that {@code maxCandidates} candidates are available. The graph
 * is cached (as between requests); the priority points are recomputed from the store each call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WalkPlannerBenchmark {
  @Param({"10", "40", "100"})
  public int maxCandidates;

  @Param({"3000"})
  public double maxLengthM;

  private Wiring wiring;
  private WalkRequest request;

  @Setup
  public void setUp() throws Exception {
    Path dir = Files.createTempDirectory("tryggkarta-bench");
    wiring = Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30));
    wiring.store().createWorkspace(Workspace.of("hel", "Helsinki"));
    wiring.networks().importFile("hel", Fixtures.HELSINKI_PBF, Optional.empty(), AttributeMapping.DEFAULT);
    Random r = new Random(11);
    try (LayerWriter w = wiring.store().openWriter("hel", Layer.UNSAFE_PLACES)) {
      for (int i = 0; i < 80; i++) {
        w.write(
            new UnsafePlace(
                "r-" + i,
                new LonLat(24.9360 + r.nextDouble() * 0.017, 60.1645 + r.nextDouble() * 0.014),
                Instant.parse("2025-10-01T20:00:00Z"),
                "darkness",
                "walk",
                Optional.empty(),
                Map.of()));
      }
      w.commit();
    }
    request =
        new WalkRequest(new LonLat(24.9414, 60.1710), maxLengthM, List.of(), Optional.empty(), true, 5, maxCandidates);
    wiring.networks().network("hel");
  }

  @TearDown
  public void tearDown() {
    wiring.close();
  }

  @Benchmark
  public WalkPlan planWalk() {
    return wiring.walkPlanner().plan("hel", request);
  }

  @Benchmark
  public SafeRoute safeRoute() {
    return wiring.safeRouter().route("hel", new LonLat(24.9370, 60.1717), new LonLat(24.9515, 60.1752));
  }
}
