package se.tryggkarta.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrsBatchTest {
  @ParameterizedTest(name = "EPSG:{0}")
  @ValueSource(ints = {3006, 3007, 3021, 32633, 3857, 4326})
  void batchProjectionGivesTheSameNumbersAsPointByPoint(int epsg) {
    Crs crs = Crs.of(epsg);
    Random r = new Random(epsg);
    int n = 5_000;
    double[] lon = new double[n + 1];
    double[] lat = new double[n + 1];
    for (int i = 0; i < n; i++) {
      lon[i] = 11 + 12 * r.nextDouble();
      lat[i] = 55.5 + 13 * r.nextDouble();
    }
    lon[n] = Double.NaN; // beyond n: never read
    double[] x = new double[n];
    double[] y = new double[n];
    crs.toXY(lon, lat, x, y, n);
    for (int i = 0; i < n; i++) {
      XY one = crs.toXY(new LonLat(lon[i], lat[i]));
      assertThat(x[i]).isEqualTo(one.x());
      assertThat(y[i]).isEqualTo(one.y());
    }
  }
}
