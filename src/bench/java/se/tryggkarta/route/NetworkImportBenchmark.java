package se.tryggkarta.route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import se.tryggkarta.route.graph.StreetGraph;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.route.osm.NetworkData;
import se.tryggkarta.route.osm.NetworkFormat;
import se.tryggkarta.route.osm.OsmNetworkReader;
import se.tryggkarta.workspace.Workspace;

/**
 * Importing a real OSM extract: reading and graph building alone, and the whole import into the
 * GeoPackage store (streets and lamps written and committed). Run from the project directory (the
 * extracts are test fixtures).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NetworkImportBenchmark {
  @Param({"osm-stockholm-sodermalm/stockholm-sodermalm.osm.pbf", "osm-helsinki-centre/helsinki-centre.osm.pbf"})
  public String extract;

  private Path file;
  private Path dir;
  private Wiring wiring;

  @Setup
  public void setUp() throws Exception {
    file = Fixtures.path(extract);
    dir = Files.createTempDirectory("tryggkarta-bench");
    wiring = Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30));
    wiring.store().createWorkspace(Workspace.of("bench", "Bench"));
  }

  @TearDown
  public void tearDown() {
    wiring.close();
  }

  @Benchmark
  public StreetGraph readAndBuildGraph() {
    NetworkData d = OsmNetworkReader.read(file, NetworkFormat.OSM_PBF);
    return StreetGraph.build(d.streets(), Map.of(), List.of());
  }

  @Benchmark
  public ImportSummary importIntoStore() {
    return wiring.networks().importFile("bench", file, Optional.empty(), AttributeMapping.DEFAULT);
  }
}
