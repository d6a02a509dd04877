package se.tryggkarta.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/**
 * A small made-up town for the browser tests, seeded through the store until the demo workspace
 * lands: a 7 × 7 street grid of 1.2 km square near Kungälv (57.87° N, 11.98° E), its boundary, two
 * named places, incidents clustered at the travel centre, unsafe places with comments, and lamps of
 * which every seventh is broken. Deterministic (seeded random).
 */
final class TestTown {
  static final String WS = "testby";
  static final double WEST = 11.970;
  static final double SOUTH = 57.865;
  static final double STEP_LON = 0.0034; // about 200 m at this latitude
  static final double STEP_LAT = 0.0018; // about 200 m
  static final int LINES = 7;
  static final int STREET_SEGMENTS = 2 * LINES * (LINES - 1);
  static final int INCIDENTS = 120;
  static final int UNSAFE_PLACES = 12;
  static final String SECRET_COMMENT = "HEMLIG-KOMMENTAR-WEB";
  static final LonLat STATION = new LonLat(WEST + 2.5 * STEP_LON, SOUTH + 2.5 * STEP_LAT);

  private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  private TestTown() {}

  static void seed(Store store, boolean publicAccess) {
    double east = WEST + (LINES - 1) * STEP_LON;
    double north = SOUTH + (LINES - 1) * STEP_LAT;
    Workspace w =
        Workspace.of(WS, "Testby")
            .withBoundary(box(WEST - 0.002, SOUTH - 0.001, east + 0.002, north + 0.001))
            .withPublicAccess(publicAccess);
    store.createWorkspace(w);
    write(store, Layer.STREETS, streets());
    write(
        store,
        Layer.PLACES,
        new LayerRecord[] {
          new Place(
              "resecentrum",
              "Resecentrum",
              box(
                  STATION.lon() - 0.0008,
                  STATION.lat() - 0.0004,
                  STATION.lon() + 0.0008,
                  STATION.lat() + 0.0004),
              Map.of()),
          new Place(
              "parken",
              "Parken",
              box(
                  WEST + 4.2 * STEP_LON,
                  SOUTH + 4.2 * STEP_LAT,
                  WEST + 4.8 * STEP_LON,
                  north - 0.0002),
              Map.of())
        });
    Random random = new Random(20261129L);
    LayerRecord[] incidents = new LayerRecord[INCIDENTS];
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < INCIDENTS; i++) {
      double spread = i % 3 == 0 ? 0.004 : 0.0008;
      LonLat p =
          new LonLat(
              STATION.lon() + random.nextGaussian() * spread,
              STATION.lat() + random.nextGaussian() * spread / 2);
      incidents[i] =
          new Incident(
              "i" + i,
              p,
              t0.plusSeconds(3600L * random.nextInt(24 * 300)),
              i % 4 == 0 ? "skadegorelse" : "stold",
              1,
              Map.of());
    }
    write(store, Layer.INCIDENTS, incidents);
    LayerRecord[] unsafe = new LayerRecord[UNSAFE_PLACES];
    for (int i = 0; i < UNSAFE_PLACES; i++) {
      unsafe[i] =
          new UnsafePlace(
              "u" + i,
              new LonLat(WEST + (1 + i % 5) * STEP_LON, SOUTH + (1 + i / 5) * STEP_LAT),
              t0.plusSeconds(86400L * i),
              "darkness",
              "walk",
              Optional.of(SECRET_COMMENT + " " + i),
              Map.of());
    }
    write(store, Layer.UNSAFE_PLACES, unsafe);
    LayerRecord[] lamps = new LayerRecord[LINES * LINES];
    for (int i = 0; i < LINES; i++) {
      for (int j = 0; j < LINES; j++) {
        int k = i * LINES + j;
        lamps[k] =
            new Lamp(
                "l" + k,
                new LonLat(WEST + i * STEP_LON + 0.0004, SOUTH + j * STEP_LAT),
                k % 7 == 0 ? LampStatus.BROKEN : LampStatus.WORKING,
                OptionalDouble.of(40),
                OptionalDouble.empty(),
                Optional.empty(),
                "municipality",
                Map.of());
      }
    }
    write(store, Layer.LAMPS, lamps);
  }

  /**
   * One segment per block side, so that neighbouring segments share their end vertices and join
   * into a network: 2 × 7 × 6 = 84 segments. Odd north-south streets are unlit.
   */
  static LayerRecord[] streets() {
    double[] lon = new double[LINES];
    double[] lat = new double[LINES];
    for (int i = 0; i < LINES; i++) {
      lon[i] = WEST + i * STEP_LON;
      lat[i] = SOUTH + i * STEP_LAT;
    }
    LayerRecord[] out = new LayerRecord[STREET_SEGMENTS];
    int k = 0;
    for (int i = 0; i < LINES; i++) {
      for (int j = 0; j + 1 < LINES; j++) {
        out[k++] =
            new StreetSegment(
                "ns" + i + "-" + j,
                line(lon[i], lat[j], lon[i], lat[j + 1]),
                i == 3 ? "secondary" : "residential",
                i % 2 == 0 ? Lit.YES : Lit.NO,
                Optional.of("Nord-sydgatan " + i),
                Map.of());
        out[k++] =
            new StreetSegment(
                "ew" + i + "-" + j,
                line(lon[j], lat[i], lon[j + 1], lat[i]),
                "residential",
                i % 3 == 0 ? Lit.NO : Lit.YES,
                Optional.of("Väst-östgatan " + i),
                Map.of());
      }
    }
    return out;
  }

  /** The same streets as a GeoJSON FeatureCollection of LineStrings, for a network import. */
  static String streetsGeoJson() {
    StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    LayerRecord[] streets = streets();
    for (int i = 0; i < streets.length; i++) {
      StreetSegment s = (StreetSegment) streets[i];
      Coordinate[] c = s.geometryWgs84().getCoordinates();
      b.append(i == 0 ? "" : ",")
          .append("{\"type\":\"Feature\",\"properties\":{\"id\":\"")
          .append(s.externalId())
          .append("\",\"highway\":\"")
          .append(s.highway())
          .append("\",\"lit\":\"")
          .append(s.lit().slug())
          .append("\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[")
          .append(c[0].x)
          .append(',')
          .append(c[0].y)
          .append("],[")
          .append(c[1].x)
          .append(',')
          .append(c[1].y)
          .append("]]}}");
    }
    return b.append("]}").toString();
  }

  private static void write(Store store, Layer layer, LayerRecord[] records) {
    try (LayerWriter w = store.openWriter(WS, layer)) {
      for (LayerRecord r : records) {
        w.write(r);
      }
      w.commit();
    }
  }

  private static LineString line(double x0, double y0, double x1, double y1) {
    return GF.createLineString(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y1)});
  }

  static Polygon box(double west, double south, double east, double north) {
    return GF.createPolygon(
        new Coordinate[] {
          new Coordinate(west, south),
          new Coordinate(east, south),
          new Coordinate(east, north),
          new Coordinate(west, north),
          new Coordinate(west, south)
        });
  }
}
