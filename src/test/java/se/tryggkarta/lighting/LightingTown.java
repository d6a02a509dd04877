package se.tryggkarta.lighting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;

/**
 * A small synthetic town in SWEREF 99 TM, shaped like the demo workspace: an 800 m street grid lit
 * by lamps every 30 m, a travel centre at grid (200, 200) whose four nearest lamps are broken, a
 * park path from (600, 600) to (700, 700) with no lamps (the planted dark stretch) and night-time
 * incidents and darkness reports at both; plus distractors: an unlit street with a daytime hotspot
 * (Industrigatan), an unlit quiet street, and a broken lamp nobody passes at night. Seeded.
 */
public final class LightingTown {
  public static final double X0 = 320_000;
  public static final double Y0 = 6_418_000;
  public static final Crs CRS = Crs.sweref99tm();
  public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  public static final List<String> TRAVEL_CENTRE_LAMPS =
      List.of("lamp-h-200-175", "lamp-h-200-215", "lamp-v-200-175", "lamp-v-200-215");
  public static final String LONELY_BROKEN_LAMP = "lamp-v-800-15";
  public static final String PARK_PATH = "park-path";
  public static final String INDUSTRIGATAN = "industrigatan";
  static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private LightingTown() {}

  public static LonLat at(double x, double y) {
    return CRS.toLonLat(new XY(X0 + x, Y0 + y));
  }

  static LineString line(double... xy) {
    Coordinate[] cs = new Coordinate[xy.length / 2];
    for (int i = 0; i < cs.length; i++) {
      LonLat p = at(xy[2 * i], xy[2 * i + 1]);
      cs[i] = new Coordinate(p.lon(), p.lat());
    }
    return WGS84.createLineString(cs);
  }

  static Instant local(int year, int month, int day, int hour) {
    return LocalDateTime.of(year, month, day, hour, 0).atZone(ZONE).toInstant();
  }

  /** Writes streets, lamps, incidents and reports into the (existing) workspace. */
  public static void write(LayerStore store, String ws) {
    List<StreetSegment> streets = new ArrayList<>();
    List<Lamp> lamps = new ArrayList<>();
    for (int a = 0; a <= 800; a += 100) {
      for (int b = 0; b < 800; b += 100) {
        boolean quiet = a == 800 && b == 700;
        streets.add(segment("h-" + a + "-" + b, "residential", Lit.UNKNOWN, b, a, b + 100, a));
        streets.add(segment("v-" + a + "-" + b, "residential", Lit.UNKNOWN, a, b, a, b + 100));
        for (int t = 15; t < 100; t += 30) {
          if (!quiet) {
            lamps.add(lamp("lamp-h-" + a + "-" + (b + t), b + t, a));
          }
          lamps.add(lamp("lamp-v-" + a + "-" + (b + t), a, b + t));
        }
      }
    }
    streets.add(segment(PARK_PATH, "footway", Lit.UNKNOWN, 600, 600, 700, 700));
    streets.add(segment(INDUSTRIGATAN, "residential", Lit.UNKNOWN, 350, -200, 450, -200));
    List<Lamp> fixed = new ArrayList<>();
    for (Lamp l : lamps) {
      boolean broken =
          TRAVEL_CENTRE_LAMPS.contains(l.externalId()) || l.externalId().equals(LONELY_BROKEN_LAMP);
      fixed.add(broken ? withStatus(l, LampStatus.BROKEN) : l);
    }
    Random rnd = new Random(2024);
    List<Incident> incidents = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      incidents.add(
          incident(
              "park-" + i,
              650 + rnd.nextGaussian() * 15,
              650 + rnd.nextGaussian() * 15,
              local(2024, 1 + i % 3, 1 + i, 22)));
      incidents.add(
          incident(
              "tc-" + i,
              200 + rnd.nextGaussian() * 15,
              200 + rnd.nextGaussian() * 15,
              local(2023, 10 + i % 3, 1 + i, 23)));
    }
    for (int i = 0; i < 60; i++) {
      incidents.add(
          incident(
              "day-" + i,
              400 + rnd.nextGaussian() * 20,
              -200 + rnd.nextGaussian() * 5,
              local(2024, 6, 1 + i % 28, 12)));
    }
    for (int i = 0; i < 20; i++) {
      incidents.add(
          incident(
              "scatter-" + i,
              rnd.nextDouble() * 800,
              rnd.nextDouble() * 800,
              local(2024, 2, 1 + i, 21)));
    }
    List<UnsafePlace> reports = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      reports.add(report("dark-" + i, 640 + 5 * i, 640 + 5 * i, "darkness"));
    }
    for (int i = 0; i < 3; i++) {
      reports.add(report("tc-drugs-" + i, 195 + 5 * i, 205, "drugs"));
    }
    writeAll(store, ws, Layer.STREETS, streets);
    writeAll(store, ws, Layer.LAMPS, fixed);
    writeAll(store, ws, Layer.INCIDENTS, incidents);
    writeAll(store, ws, Layer.UNSAFE_PLACES, reports);
  }

  static <T extends se.tryggkarta.layer.LayerRecord> void writeAll(
      LayerStore store, String ws, Layer layer, List<T> records) {
    try (LayerWriter w = store.openWriter(ws, layer)) {
      records.forEach(w::write);
      w.commit();
    }
  }

  static StreetSegment segment(String id, String highway, Lit lit, double... xy) {
    return new StreetSegment(
        id,
        line(xy),
        highway,
        lit,
        Optional.of(id.equals(PARK_PATH) ? "Parkstigen" : "Gata " + id),
        Map.of());
  }

  static Lamp lamp(String id, double x, double y) {
    return new Lamp(
        id,
        at(x, y),
        LampStatus.WORKING,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        "inventory",
        Map.of());
  }

  static Lamp withStatus(Lamp l, LampStatus s) {
    return new Lamp(
        l.externalId(),
        l.location(),
        s,
        l.powerWatts(),
        l.lumens(),
        l.installedOn(),
        l.source(),
        l.extra());
  }

  static Incident incident(String id, double x, double y, Instant t) {
    return new Incident(id, at(x, y), t, "assault", 1, Map.of());
  }

  static UnsafePlace report(String id, double x, double y, String category) {
    return new UnsafePlace(
        id,
        at(x, y),
        local(2024, 3, 1, 12),
        category,
        "walk",
        Optional.of("too dark here"),
        Map.of());
  }
}
