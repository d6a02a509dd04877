package se.tryggkarta;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.hotspot.network.LineNetwork;
import se.tryggkarta.hotspot.network.NetworkKde;
import se.tryggkarta.hotspot.network.StreetDensity;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.workspace.Workspace;

/**
 * Hot streets on the Helsinki extract: the network as {@code HotspotPorts.streetLines} gives it
 * (surface edges outside fragments, projected to the workspace's CRS), seeded events placed on
 * streets (a random point along a street chosen by length, moved up to 15 m off it), quartic
 * bandwidth 150 m, 25 m lixels. Setup imports the network once; each call snaps the events and runs
 * one bounded Dijkstra per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class NetworkKdeBenchmark {
  @Param({"1000", "10000", "100000"})
  public int events;

  @Param({"150"})
  public double bandwidthMeters;

  private Wiring wiring;
  private LineNetwork network;
  private PointSet points;

  @Setup
  public void setUp() throws Exception {
    Path dir = Files.createTempDirectory("tryggkarta-bench");
    wiring =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30));
    Workspace hel = Workspace.of("hel", "Helsinki");
    wiring.store().createWorkspace(hel);
    wiring
        .networks()
        .importFile("hel", Fixtures.HELSINKI_PBF, Optional.empty(), AttributeMapping.DEFAULT);
    network = HotspotPorts.streetLines(wiring.networks()).streets(hel).orElseThrow();
    Random r = new Random(25);
    double[] cumulative = new double[network.edgeCount() + 1];
    for (int e = 0; e < network.edgeCount(); e++) {
      cumulative[e + 1] = cumulative[e] + network.lengthMeters(e);
    }
    double[] x = new double[events];
    double[] y = new double[events];
    for (int i = 0; i < events; i++) {
      double at = r.nextDouble() * cumulative[network.edgeCount()];
      int k = java.util.Arrays.binarySearch(cumulative, at);
      int e = Math.min(network.edgeCount() - 1, k >= 0 ? k : -k - 2);
      XY p = network.pointAt(e, at - cumulative[e]);
      x[i] = p.x() + (r.nextDouble() * 2 - 1) * 15;
      y[i] = p.y() + (r.nextDouble() * 2 - 1) * 15;
    }
    points = PointSet.unweighted(x, y);
  }

  @TearDown
  public void tearDown() {
    wiring.close();
  }

  @Benchmark
  public StreetDensity hotStreets() {
    return NetworkKde.estimate(network, points, bandwidthMeters, 25, 50);
  }
}
