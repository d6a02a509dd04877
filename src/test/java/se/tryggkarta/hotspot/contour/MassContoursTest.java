package se.tryggkarta.hotspot.contour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.hotspot.TestPoints;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.hotspot.kde.KernelDensity;

class MassContoursTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final GridSpec GRID = GridSpec.covering(new Bbox(0, 0, 3000, 3000), 25);
  static final double AREA_TOLERANCE_M2 = 1e-3;

  @Test
  void each_band_holds_its_share_of_the_mass_in_the_fewest_cells_and_bands_nest() {
    DensityGrid d =
        KernelDensity.estimate(
            TestPoints.clustered(31, 3000, 4, 150, 0, 0, 3000), GRID, Kernel.QUARTIC, 150);
    List<ContourBand> bands = MassContours.byMass(d, MassContours.DEFAULT_FRACTIONS, GF);
    double total = 0;
    for (int i = 0; i < GRID.cellCount(); i++) {
      total += d.value(i);
    }
    for (ContourBand b : bands) {
      double inside = 0;
      int cells = 0;
      double below = 0;
      for (int i = 0; i < GRID.cellCount(); i++) {
        if (d.value(i) >= b.levelPerKm2()) {
          inside += d.value(i);
          cells++;
        } else {
          below = Math.max(below, d.value(i));
        }
      }
      double p = b.massFraction().orElseThrow();
      // Holds at least p of the mass, and dropping the lowest included cell would fall short.
      assertThat(inside).isGreaterThanOrEqualTo(p * total);
      assertThat(inside - b.levelPerKm2()).isLessThan(p * total);
      assertThat(below).isLessThan(b.levelPerKm2());
      assertThat(b.area().getArea())
          .isCloseTo(cells * GRID.cellAreaM2(), within(AREA_TOLERANCE_M2));
      assertThat(b.area().isValid()).isTrue();
    }
    assertThat(bands.get(1).area().covers(bands.get(0).area())).isTrue();
    assertThat(bands.get(2).area().covers(bands.get(1).area())).isTrue();
  }
}
