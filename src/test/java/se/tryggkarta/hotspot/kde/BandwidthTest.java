package se.tryggkarta.hotspot.kde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.TestPoints;
import se.tryggkarta.hotspot.grid.PointSet;

class BandwidthTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  /** spatstat prints 10 significant digits; the argmin is one of 512 radii, so it is exact. */
  static final Percentage GOLDEN_TOLERANCE = Percentage.withPercentage(1e-6);

  @ParameterizedTest(name = "{0}")
  @CsvSource({"memphis-2019", "memphis-2019-01", "nyc-2017"})
  void diggle_sigma_equals_spatstat_bw_diggle_with_translation_correction(String dataset)
      throws IOException {
    // Golden file by src/test/resources/fixtures/golden/bandwidth-diggle.R (spatstat.explore
    // 3.0-6); both sides scale degrees by the same constants, so no projection library differs.
    double golden = Double.NaN;
    for (String line : Files.readAllLines(FIXTURES.resolve("golden/bandwidth-diggle.csv"))) {
      String[] c = line.split(",");
      if (c[0].equals(dataset)) {
        golden = Double.parseDouble(c[2]);
      }
    }
    PointSet pts = scaled(dataset);
    assertThat(Bandwidth.diggleSigma(pts)).isCloseTo(golden, GOLDEN_TOLERANCE);
  }

  @Test
  void planted_clusters_get_a_bandwidth_near_their_spread_not_the_spread_of_the_town() {
    // Eight clusters of σ = 60 m on 6 km: the selected Gaussian σ stays near the cluster scale.
    PointSet pts = TestPoints.clustered(7, 4000, 8, 60, 0, 0, 6000);
    double sigma = Bandwidth.diggleSigma(pts);
    assertThat(sigma).isBetween(10.0, 120.0);
    PointSet uniform = TestPoints.uniform(8, 4000, 0, 0, 6000, 6000);
    assertThat(Bandwidth.diggleSigma(uniform)).isGreaterThan(3 * sigma);
  }

  @Test
  void auto_bandwidth_is_sigma_times_the_kernels_equivalent_factor_and_at_least_the_minimum() {
    PointSet pts = TestPoints.clustered(7, 2000, 8, 60, 0, 0, 6000);
    double sigma = Bandwidth.diggleSigma(pts);
    assertThat(Bandwidth.auto(pts, Kernel.QUARTIC, 1)).isEqualTo(sigma * 2.623);
    assertThat(Bandwidth.auto(pts, Kernel.QUARTIC, 5000)).isEqualTo(5000);
  }

  @Test
  void rejects_fewer_than_two_events_and_events_on_a_line() {
    PointSet one = PointSet.unweighted(new double[] {1}, new double[] {1});
    assertThatThrownBy(() -> Bandwidth.diggleSigma(one))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("bandwidth"));
    PointSet line = PointSet.unweighted(new double[] {1, 2, 3}, new double[] {5, 5, 5});
    assertThatThrownBy(() -> Bandwidth.diggleSigma(line)).isInstanceOf(DomainException.class);
  }

  private static PointSet scaled(String dataset) throws IOException {
    List<double[]> lonLat = new ArrayList<>();
    if (dataset.startsWith("memphis")) {
      List<String> lines =
          Files.readAllLines(FIXTURES.resolve("crime-memphis-robberies/memphis_robberies.csv"));
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.split(",");
        if (dataset.equals("memphis-2019") || c[2].startsWith("2019-01")) {
          lonLat.add(new double[] {Double.parseDouble(c[3]), Double.parseDouble(c[4])});
        }
      }
    } else {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(
                      Files.newInputStream(
                          FIXTURES.resolve(
                              "crime-nyc-vehicle-thefts/nyc_vehicle_thefts_2014_2017.csv.gz"))),
                  StandardCharsets.UTF_8))) {
        r.readLine();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String[] c = line.split(",");
          if (c[1].startsWith("2017")) {
            lonLat.add(new double[] {Double.parseDouble(c[2]), Double.parseDouble(c[3])});
          }
        }
      }
    }
    double[] x = new double[lonLat.size()];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = lonLat.get(i)[0] * 91000;
      y[i] = lonLat.get(i)[1] * 111000;
    }
    return PointSet.unweighted(x, y);
  }
}
