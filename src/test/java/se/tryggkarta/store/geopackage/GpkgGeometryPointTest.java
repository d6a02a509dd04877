package se.tryggkarta.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The point fast paths give the bytes and numbers of the general geometry path. */
class GpkgGeometryPointTest {
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  @Test
  void encodedPointsAreTheGeneralEncodersBytesAndReadBack() {
    Random r = new Random(3);
    double[] xy = new double[2];
    for (int i = 0; i < 1_000; i++) {
      double x = -180 + 360 * r.nextDouble();
      double y = -90 + 180 * r.nextDouble();
      byte[] fast = GpkgGeometry.encodePoint(x, y, 4326);
      assertThat(fast)
          .isEqualTo(GpkgGeometry.encode(WGS84.createPoint(new Coordinate(x, y)), 4326));
      assertThat(GpkgGeometry.point(fast, xy)).isTrue();
      assertThat(xy).containsExactly(x, y);
    }
  }

  @Test
  void anEmptyPointOrAnotherGeometryIsNoPoint() {
    double[] xy = new double[2];
    assertThat(GpkgGeometry.point(GpkgGeometry.encode(WGS84.createPoint(), 4326), xy)).isFalse();
    var line =
        WGS84.createLineString(new Coordinate[] {new Coordinate(1, 2), new Coordinate(3, 4)});
    assertThat(GpkgGeometry.point(GpkgGeometry.encode(line, 4326), xy)).isFalse();
    assertThat(GpkgGeometry.point(null, xy)).isFalse();
  }
}
