package se.tryggkarta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.RecordProperties;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;

/**
 * Seeded sample records of every layer in a small box over Kungälv (11.95–12.02 E, 57.85–57.89 N).
 */
public final class Samples {
  /** Round trips through text formats may lose the last bit of a coordinate; 1e-9° is 0.1 mm. */
  public static final double COORDINATE_TOLERANCE_DEGREES = 1e-9;

  static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private Samples() {}

  public static List<LayerRecord> of(Layer layer, int n, long seed) {
    Random r = new Random(seed);
    List<LayerRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = layer.slug().substring(0, 1) + String.format("%04d", i);
      LonLat p = new LonLat(11.95 + 0.07 * r.nextDouble(), 57.85 + 0.04 * r.nextDouble());
      Instant t = Instant.ofEpochMilli(1_700_000_000_000L + r.nextInt(1_000_000_000));
      Map<String, Object> extra = i % 2 == 0 ? Map.of("district", "Ytterby " + i) : Map.of();
      out.add(
          switch (layer) {
            case INCIDENTS ->
                new Incident(
                    id,
                    p,
                    t,
                    List.of("theft", "assault", "vandalism").get(i % 3),
                    1 + i % 4 * 0.5,
                    extra);
            case UNSAFE_PLACES ->
                new UnsafePlace(
                    id,
                    p,
                    t,
                    List.of("darkness", "drugs", "traffic").get(i % 3),
                    "walk",
                    i % 3 == 0
                        ? Optional.empty()
                        : Optional.of("Mörkt, \"läskigt\", vid tunneln; nr " + i),
                    extra);
            case LAMPS ->
                new Lamp(
                    id,
                    p,
                    LampStatus.values()[i % 3],
                    i % 2 == 0 ? OptionalDouble.of(40 + i) : OptionalDouble.empty(),
                    i % 3 == 0 ? OptionalDouble.of(3200.5) : OptionalDouble.empty(),
                    i % 2 == 1 ? Optional.of(LocalDate.of(2019, 4, 1 + i % 28)) : Optional.empty(),
                    "inventory",
                    extra);
            case PLACES ->
                new Place(
                    id,
                    "Plats " + i,
                    i % 2 == 0
                        ? square(p, 0.001)
                        : WGS84.createPoint(new Coordinate(p.lon(), p.lat())),
                    extra);
            case STREETS ->
                new StreetSegment(
                    id,
                    WGS84.createLineString(
                        new Coordinate[] {
                          new Coordinate(p.lon(), p.lat()),
                          new Coordinate(p.lon() + 0.001, p.lat() + 0.0005)
                        }),
                    List.of("footway", "residential").get(i % 2),
                    Lit.values()[i % 3],
                    i % 2 == 0 ? Optional.of("Storgatan") : Optional.empty(),
                    extra);
          });
    }
    return out;
  }

  private static Geometry square(LonLat p, double d) {
    return WGS84.createPolygon(
        new Coordinate[] {
          new Coordinate(p.lon(), p.lat()),
          new Coordinate(p.lon() + d, p.lat()),
          new Coordinate(p.lon() + d, p.lat() + d),
          new Coordinate(p.lon(), p.lat() + d),
          new Coordinate(p.lon(), p.lat())
        });
  }

  public static List<LayerRecord> stored(LayerStore store, String ws, Layer layer) {
    List<LayerRecord> all = new ArrayList<>();
    store.scan(ws, layer, LayerQuery.ALL, all::add);
    return all;
  }

  /** Same ids, same field values, geometries equal within {@link #COORDINATE_TOLERANCE_DEGREES}. */
  public static void assertSameRecords(List<LayerRecord> actual, List<LayerRecord> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      LayerRecord a = actual.get(i);
      LayerRecord e = expected.get(i);
      assertThat(a.externalId()).isEqualTo(e.externalId());
      assertThat(a.getClass()).isEqualTo(e.getClass());
      assertThat(RecordProperties.of(a, true))
          .as("record %s", e.externalId())
          .isEqualTo(RecordProperties.of(e, true));
      assertThat(a.geometryWgs84().equalsExact(e.geometryWgs84(), COORDINATE_TOLERANCE_DEGREES))
          .as("geometry of %s: %s vs %s", e.externalId(), a.geometryWgs84(), e.geometryWgs84())
          .isTrue();
    }
  }
}
