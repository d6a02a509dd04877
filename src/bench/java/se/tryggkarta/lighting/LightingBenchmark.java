package se.tryggkarta.lighting;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.lighting.coverage.CoverageResult;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.coverage.LampCoverage;
import se.tryggkarta.lighting.coverage.LampPoint;
import se.tryggkarta.lighting.coverage.StreetLine;
import se.tryggkarta.lighting.priority.IncidentPoint;
import se.tryggkarta.lighting.priority.KernelNightDensity;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.lighting.priority.PriorityRanking;
import se.tryggkarta.lighting.priority.NightWindow;
import se.tryggkarta.lighting.priority.PriorityWeights;
import se.tryggkarta.lighting.priority.ReportIndex;
import se.tryggkarta.lighting.priority.ReportPoint;

/**
 * Issue 7's target: coverage and priorities each in at most 2 s for (a) Cambridge MA's 6 117
 * street lights on its 2 643 centrelines and (b) 20 000 generated lamps on a generated grid network
 * of 50 000 segments (50 m blocks, 10 % of lamps broken, 10 000 night incidents, 300 reports).
 * Measures the analysis core on in-memory, already projected data; one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LightingBenchmark {
  @Param({"cambridge", "generated-50k"})
  public String dataset;

  private List<StreetLine> streets;
  private List<LampPoint> lamps;
  private List<IncidentPoint> incidents;
  private List<ReportPoint> reports;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Random rnd = new Random(7);
    if (dataset.equals("cambridge")) {
      streets = LightingRealDataIT.cambridgeStreets();
      lamps = LightingRealDataIT.cambridgeLamps();
      lamps = withBroken(lamps, rnd, 0.1);
    } else {
      generate(rnd, 50_000, 20_000);
    }
    var env = new org.locationtech.jts.geom.Envelope();
    streets.forEach(s -> env.expandToInclude(s.lineMeters().getEnvelopeInternal()));
    incidents = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      incidents.add(new IncidentPoint(new XY(env.getMinX() + rnd.nextDouble() * env.getWidth(),
          env.getMinY() + rnd.nextDouble() * env.getHeight()), 1));
    }
    reports = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      reports.add(new ReportPoint(new XY(env.getMinX() + rnd.nextDouble() * env.getWidth(),
          env.getMinY() + rnd.nextDouble() * env.getHeight()), i % 3 == 0));
    }
  }

  private static List<LampPoint> withBroken(List<LampPoint> in, Random rnd, double share) {
    List<LampPoint> out = new ArrayList<>(in.size());
    for (LampPoint l : in) {
      out.add(rnd.nextDouble() < share ? l.withStatus(LampStatus.BROKEN) : l);
    }
    return out;
  }

  private void generate(Random rnd, int segments, int lampCount) {
    GeometryFactory gf = new GeometryFactory();
    int n = (int) Math.ceil((1 + Math.sqrt(1 + 2.0 * segments)) / 2);
    double block = 50;
    streets = new ArrayList<>(segments);
    String[] classes = {"residential", "footway", "service", "tertiary"};
    outer:
    for (int a = 0; a < n; a++) {
      for (int b = 0; b + 1 < n; b++) {
        for (int dir = 0; dir < 2; dir++) {
          if (streets.size() == segments) {
            break outer;
          }
          Coordinate p = dir == 0 ? new Coordinate(b * block, a * block) : new Coordinate(a * block, b * block);
          Coordinate q = dir == 0 ? new Coordinate((b + 1) * block, a * block) : new Coordinate(a * block, (b + 1) * block);
          LineString line = gf.createLineString(new Coordinate[] {p, q});
          streets.add(new StreetLine("g" + streets.size(), line, classes[rnd.nextInt(4)],
              rnd.nextInt(5) == 0 ? Lit.YES : Lit.UNKNOWN, Optional.empty(), OptionalDouble.empty()));
        }
      }
    }
    lamps = new ArrayList<>(lampCount);
    for (int i = 0; i < lampCount; i++) {
      LineString s = streets.get(rnd.nextInt(streets.size())).lineMeters();
      double t = rnd.nextDouble();
      Coordinate a = s.getCoordinateN(0);
      Coordinate b = s.getCoordinateN(1);
      lamps.add(new LampPoint("L" + i, new XY(a.x + t * (b.x - a.x) + rnd.nextGaussian() * 3,
          a.y + t * (b.y - a.y) + rnd.nextGaussian() * 3),
          rnd.nextInt(10) == 0 ? LampStatus.BROKEN : LampStatus.WORKING, 25));
    }
  }

  List<StreetLine> streets() {
    return streets;
  }

  List<LampPoint> lamps() {
    return lamps;
  }

  List<IncidentPoint> incidents() {
    return incidents;
  }

  @Benchmark
  public CoverageResult coverage() {
    return LampCoverage.compute(streets, lamps, CoverageSettings.DEFAULT);
  }

  @Benchmark
  public List<Priority> priorities() {
    CoverageResult c = LampCoverage.compute(streets, lamps, CoverageSettings.DEFAULT);
    return PriorityRanking.rank(
        c,
        lamps,
        new KernelNightDensity(incidents, PriorityWeights.DEFAULT.bandwidthMeters()),
        new ReportIndex(reports),
        PriorityWeights.DEFAULT,
        NightWindow.DEFAULT);
  }
}
