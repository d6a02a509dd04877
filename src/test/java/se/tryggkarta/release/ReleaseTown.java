package se.tryggkarta.release;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.store.Store;
import se.tryggkarta.workspace.Workspace;

/**
 * A made-up town for release tests: a 3 × 3 km boundary near Kungälv, two hotspots (a square and a
 * park) with hundreds of incidents a year and a thin background, all in 2025 (seeded random).
 */
final class ReleaseTown {
  static final String WS = "releaseby";
  static final double WEST = 11.95;
  static final double SOUTH = 57.86;
  static final double KM_LON = 1 / (111.32 * Math.cos(Math.toRadians(57.87)));
  static final double KM_LAT = 1 / 110.57;
  static final LonLat SQUARE = at(0.9, 1.1);
  static final LonLat PARK = at(2.1, 2.0);
  private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  private ReleaseTown() {}

  /** A point {@code east} and {@code north} km from the south-west corner. */
  static LonLat at(double eastKm, double northKm) {
    return new LonLat(WEST + eastKm * KM_LON, SOUTH + northKm * KM_LAT);
  }

  static Workspace workspace() {
    LonLat ne = at(3, 3);
    Polygon box =
        GF.createPolygon(
            new Coordinate[] {
              new Coordinate(WEST, SOUTH),
              new Coordinate(ne.lon(), SOUTH),
              new Coordinate(ne.lon(), ne.lat()),
              new Coordinate(WEST, ne.lat()),
              new Coordinate(WEST, SOUTH)
            });
    return Workspace.of(WS, "Releaseby").withBoundary(box).withPublicAccess(true);
  }

  /** The town's 2025 incidents: 600 at each hotspot (within ~60 m), 300 scattered. */
  static List<Incident> incidents() {
    Random rnd = new Random(20251);
    List<Incident> out = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      LonLat p;
      if (i < 600) {
        p = near(SQUARE, 0.06, rnd);
      } else if (i < 1200) {
        p = near(PARK, 0.06, rnd);
      } else {
        p = at(0.1 + 2.8 * rnd.nextDouble(), 0.1 + 2.8 * rnd.nextDouble());
      }
      LocalDate day = LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(365));
      int hour = i % 3 == 0 ? 14 : 22;
      out.add(incident("inc-" + i, p, time(day, hour), i % 2 == 0 ? "theft" : "violence"));
    }
    return out;
  }

  static LonLat near(LonLat c, double km, Random rnd) {
    return new LonLat(
        c.lon() + rnd.nextGaussian() * km * KM_LON, c.lat() + rnd.nextGaussian() * km * KM_LAT);
  }

  static Instant time(LocalDate day, int hour) {
    return ZonedDateTime.of(day, LocalTime.of(hour, 17), Workspace.DEFAULT_ZONE).toInstant();
  }

  static Incident incident(String id, LonLat p, Instant t, String category) {
    return new Incident(id, p, t, category, 1, Map.of());
  }

  static void create(Store store) {
    store.createWorkspace(workspace());
    write(store, incidents());
  }

  static void write(Store store, List<Incident> incidents) {
    try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
      incidents.forEach(w::write);
      w.commit();
    }
  }
}
