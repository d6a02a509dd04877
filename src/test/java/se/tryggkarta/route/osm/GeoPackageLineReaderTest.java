package se.tryggkarta.route.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.Crs;
import se.tryggkarta.ingest.RecordSource;
import se.tryggkarta.ingest.SourceRecord;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;

/** Municipal road tables: projected lines come back in WGS84 with their mapped attributes. */
class GeoPackageLineReaderTest {
  /** proj4j, PROJ and H2GIS agree on this SWEREF 99 TM point to under 1 µm. */
  private static final Coordinate SWEREF_REFERENCE = new Coordinate(320879.716, 6418236.085);

  private static final double DEGREE_TOLERANCE = 1e-7;
  private static final GeometryFactory FACTORY = new GeometryFactory();

  @Test
  void lines_in_sweref_99_tm_are_read_in_wgs84_with_the_mapped_attributes() {
    Geometry line =
        FACTORY.createLineString(
            new Coordinate[] {
              SWEREF_REFERENCE, new Coordinate(SWEREF_REFERENCE.x + 100, SWEREF_REFERENCE.y),
            });
    AttributeMapping mapping =
        new AttributeMapping("gid", "vagklass", "belysning", "gatunamn", "residential");

    NetworkData data =
        GeoPackageLineReader.read(
            source(
                Crs.sweref99tm(),
                record(
                    1,
                    line,
                    Map.of(
                        "gid",
                        "v-17",
                        "vagklass",
                        "footway",
                        "belysning",
                        "ja",
                        "gatunamn",
                        "Komarken"))),
            Crs.wgs84(),
            mapping);

    StreetSegment s = data.streets().get(0);
    assertThat(s.externalId()).isEqualTo("v-17");
    assertThat(s.highway()).isEqualTo("footway");
    assertThat(s.lit()).isEqualTo(Lit.YES);
    assertThat(s.name()).contains("Komarken");
    Coordinate first = s.geometryWgs84().getCoordinates()[0];
    assertThat(first.x).isCloseTo(11.98, org.assertj.core.data.Offset.offset(DEGREE_TOLERANCE));
    assertThat(first.y).isCloseTo(57.87, org.assertj.core.data.Offset.offset(DEGREE_TOLERANCE));
  }

  @Test
  void multilines_become_one_segment_per_part_and_points_are_skipped_with_a_warning() {
    Geometry multi =
        FACTORY.createMultiLineString(
            new org.locationtech.jts.geom.LineString[] {
              FACTORY.createLineString(
                  new Coordinate[] {new Coordinate(12.0, 58.0), new Coordinate(12.001, 58.0)}),
              FACTORY.createLineString(
                  new Coordinate[] {new Coordinate(12.001, 58.0), new Coordinate(12.002, 58.0)})
            });
    Geometry point = FACTORY.createPoint(new Coordinate(12.0, 58.0));

    NetworkData data =
        GeoPackageLineReader.read(
            source(
                Crs.wgs84(),
                record(1, multi, Map.of("external_id", "bro")),
                record(2, point, Map.of("external_id", "stolpe"))),
            Crs.wgs84(),
            AttributeMapping.DEFAULT);

    assertThat(data.streets())
        .extracting(StreetSegment::externalId)
        .containsExactly("bro-1", "bro-2");
    assertThat(data.warnings()).singleElement().asString().contains("1 features");
  }

  private static SourceRecord record(long n, Geometry g, Map<String, Object> props) {
    return new SourceRecord(n, Optional.empty(), Optional.of(g), props, List.of());
  }

  private static RecordSource source(Crs crs, SourceRecord... records) {
    Deque<SourceRecord> queue = new ArrayDeque<>(List.of(records));
    return new RecordSource() {
      @Override
      public Optional<SourceRecord> next() {
        return Optional.ofNullable(queue.poll());
      }

      @Override
      public Optional<Crs> declaredCrs() {
        return Optional.of(crs);
      }

      @Override
      public void close() {}
    };
  }
}
