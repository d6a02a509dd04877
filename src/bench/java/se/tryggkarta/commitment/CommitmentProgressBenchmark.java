package se.tryggkarta.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
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
import org.openjdk.jmh.annotations.Warmup;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;

/**
 * The two per-activity costs of a patrol-log import and a progress request: attributing a location
 * to one of the commitment's buffered places, and summing a log into progress. Sizes: activities in
 * the log; the commitment has 10 places (100 m squares, 50 m buffer) 1 km apart. Seeded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CommitmentProgressBenchmark {
  @Param({"1000", "100000"})
  int activities;

  Commitment commitment;
  PlaceAreas areas;
  List<Activity> log;

  @Setup
  public void setup() {
    Crs crs = Crs.sweref99tm();
    GeometryFactory gf = new GeometryFactory();
    List<CommitmentPlace> places = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double x = 320_000 + i * 1000;
      var sq =
          gf.createPolygon(
              new Coordinate[] {
                new Coordinate(x, 6_418_000), new Coordinate(x + 100, 6_418_000),
                new Coordinate(x + 100, 6_418_100), new Coordinate(x, 6_418_100),
                new Coordinate(x, 6_418_000)
              });
      places.add(CommitmentPlace.of("P" + i, crs.toWgs84(sq), 50));
    }
    commitment =
        new Commitment(
            "bench", "Bench", "", "police", CommitmentKind.PRESENCE, LocalDate.parse("2024-01-01"),
            LocalDate.parse("2025-12-31"), OptionalLong.of(activities), List.of(), places, Set.of(),
            CommitmentState.ACTIVE);
    areas = PlaceAreas.of(commitment, crs);
    Random random = new Random(7);
    log = new ArrayList<>();
    for (int i = 0; i < activities; i++) {
      int p = random.nextInt(10);
      LonLat at = crs.toLonLat(new XY(320_050 + p * 1000 + random.nextGaussian() * 30, 6_418_050 + random.nextGaussian() * 30));
      Activity a =
          new Activity(
              "a" + i, "bench", Instant.parse("2024-01-01T12:00:00Z").plusSeconds(random.nextInt(700 * 86_400)), 1,
              Optional.of(at), Optional.empty(), true, Optional.empty(), false, "bench");
      log.add(a);
    }
  }

  /** Attribution of every activity in the log (the CSV import's geometric work). */
  @Benchmark
  public int attributeLog() {
    int inside = 0;
    for (Activity a : log) {
      if (areas.attribute(a).place().isPresent()) {
        inside++;
      }
    }
    return inside;
  }

  /** Progress in total and per place from the whole log. */
  @Benchmark
  public CommitmentProgress progressOfLog() {
    return CommitmentService.progress(commitment, log, ZoneId.of("Europe/Stockholm"), LocalDate.parse("2025-06-30"));
  }
}
