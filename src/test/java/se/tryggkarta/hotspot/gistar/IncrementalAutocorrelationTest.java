package se.tryggkarta.hotspot.gistar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.hotspot.grid.PointSet;

class IncrementalAutocorrelationTest {
  static final Path GOLDEN = Path.of("src/test/resources/fixtures/golden");

  /** spdep prints 15 significant digits. */
  static final double TOLERANCE = 1e-9;

  static HexGrid plantedGrid;

  static double[] plantedCounts() throws IOException {
    List<String> lines = Files.readAllLines(GOLDEN.resolve("moran-planted-events.csv"));
    double[] x = new double[lines.size() - 1];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      String[] c = lines.get(i + 1).split(",");
      x[i] = Double.parseDouble(c[0]);
      y[i] = Double.parseDouble(c[1]);
    }
    PointSet pts = PointSet.unweighted(x, y);
    plantedGrid = HexGrid.covering(pts.bounds().expandedBy(1), 200);
    return plantedGrid.sums(pts);
  }

  @Test
  void morans_i_at_every_band_equals_spdep_moran_test_for_the_planted_layout() throws IOException {
    // Golden by src/test/resources/fixtures/golden/moran-planted.R (spdep 1.2-7 moran.test).
    double[] counts = plantedCounts();
    IncrementalAutocorrelation.Scan scan = IncrementalAutocorrelation.scan(counts, plantedGrid);
    List<String> golden = Files.readAllLines(GOLDEN.resolve("moran-planted-200m.csv"));
    assertThat(scan.bands()).hasSize(golden.size() - 1);
    for (int k = 0; k < scan.bands().size(); k++) {
      String[] g = golden.get(k + 1).split(",");
      GlobalMoran m = scan.bands().get(k);
      assertThat(m.bandMeters()).isCloseTo(Double.parseDouble(g[0]), within(1e-6));
      assertThat(m.i())
          .as("I at band %d", k)
          .isCloseTo(Double.parseDouble(g[1]), within(TOLERANCE));
      assertThat(m.expected()).isCloseTo(Double.parseDouble(g[2]), within(TOLERANCE));
      assertThat(m.variance()).isCloseTo(Double.parseDouble(g[3]), within(TOLERANCE));
      double z = Double.parseDouble(g[4]);
      assertThat(m.zScore()).as("z at band %d", k).isCloseTo(z, within(TOLERANCE * Math.abs(z)));
    }
  }

  @Test
  void the_automatic_band_is_the_first_peak_of_the_planted_discs_scale() throws IOException {
    // 700 m discs on a 3 km lattice: z rises to 4 widths (800 m) and falls after it.
    double[] counts = plantedCounts();
    IncrementalAutocorrelation.Scan scan = IncrementalAutocorrelation.scan(counts, plantedGrid);
    assertThat(scan.peakBandMeters()).isPresent();
    assertThat(scan.chosenBandMeters()).isCloseTo(800, within(1e-3));
  }

  @Test
  void without_a_peak_the_band_falls_back_to_two_widths() {
    // A west-to-east gradient has no scale of its own: the wider the band, the more of the trend
    // each neighbourhood shares, so Moran's z only rises and never peaks within ten widths.
    HexGrid grid = HexGrid.covering(new Bbox(0, 0, 5000, 5000), 250);
    double[] gradient = new double[grid.size()];
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] = grid.centreX(i);
    }
    IncrementalAutocorrelation.Scan scan = IncrementalAutocorrelation.scan(gradient, grid);
    assertThat(scan.bands().get(9).zScore())
        .as("z rises: %s", scan.bands())
        .isGreaterThan(scan.bands().get(0).zScore());
    assertThat(scan.peakBandMeters()).isEmpty();
    assertThat(scan.chosenBandMeters()).isEqualTo(HexGrid.autoBand(250));
  }
}
