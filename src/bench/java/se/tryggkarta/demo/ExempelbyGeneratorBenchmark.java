package se.tryggkarta.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the demo town takes to generate (target: well under a second) and to write as files.
 * Built by the Maven profile {@code bench}; run with {@code scripts/bench ExempelbyGenerator}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExempelbyGeneratorBenchmark {
  private ExempelbyData data;
  private Path dir;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    data = ExempelbyGenerator.generate();
    dir = Files.createTempDirectory("exempelby-bench");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    for (String name : ExempelbyFiles.FILE_NAMES) {
      Files.deleteIfExists(dir.resolve(name));
    }
    Files.deleteIfExists(dir);
  }

  /** All records of all layers, from the seed. */
  @Benchmark
  public ExempelbyData generate() {
    return ExempelbyGenerator.generate();
  }

  /** The six files of geodata/exempelby from generated records. */
  @Benchmark
  public Path writeFiles() {
    ExempelbyFiles.write(data, dir);
    return dir;
  }
}
