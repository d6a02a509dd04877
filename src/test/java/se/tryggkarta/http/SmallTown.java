package se.tryggkarta.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.commitment.CommitmentJson;
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
 * A small made-up public workspace that every route has something to work on, kept small so that
 * tests driving all routes many times stay quick: a 6 × 6 street grid of 1 km square near Kungälv
 * (57.87° N, 11.98° E) with half the streets tagged lit, a lamp at every crossing (every fifth
 * broken), 240 incidents in 2024–2025 clustered at the travel centre, 12 unsafe places whose
 * comments and extra {@code beskrivning} column are free text, two named places and one commitment
 * with two activities. Deterministic (seeded random).
 */
public final class SmallTown {
  public static final String WS = "smaby";
  public static final String COMMITMENT_ID = "narvaro-resecentrum";
  public static final String SECRET_FREE_TEXT = "FRITEXT-HEMLIG-5521";
  static final double WEST = 11.970;
  static final double SOUTH = 57.865;
  static final double STEP_LON = 0.0034; // about 200 m at this latitude
  static final double STEP_LAT = 0.0018; // about 200 m
  static final int LINES = 6;
  public static final LonLat STATION = new LonLat(WEST + 2.5 * STEP_LON, SOUTH + 2.5 * STEP_LAT);

  private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  private SmallTown() {}

  /** Seeds the workspace through the server's store and commitment service. */
  public static void seed(TestServer server) {
    Store store = server.wiring().store();
    double east = WEST + (LINES - 1) * STEP_LON;
    double north = SOUTH + (LINES - 1) * STEP_LAT;
    store.createWorkspace(
        Workspace.of(WS, "Småby")
            .withBoundary(box(WEST - 0.002, SOUTH - 0.001, east + 0.002, north + 0.001))
            .withPublicAccess(true));
    write(store, Layer.STREETS, streets());
    write(store, Layer.LAMPS, lamps());
    write(store, Layer.INCIDENTS, incidents());
    write(store, Layer.UNSAFE_PLACES, unsafePlaces());
    write(
        store,
        Layer.PLACES,
        List.of(
            new Place(
                "resecentrum",
                "Resecentrum",
                box(
                    STATION.lon() - 0.001,
                    STATION.lat() - 0.0005,
                    STATION.lon() + 0.001,
                    STATION.lat() + 0.0005),
                Map.of()),
            new Place(
                "parken",
                "Parken",
                GF.createPoint(new Coordinate(WEST + 4 * STEP_LON, SOUTH + 4 * STEP_LAT)),
                Map.of())));
    var commitments = server.wiring().commitments();
    commitments.create(
        WS,
        CommitmentJson.readCommitment(
            CommitmentJson.parse(
                """
                {"id":"narvaro-resecentrum","title":"Närvaro vid resecentrum",
                 "text":"Minst 50 gånger.","responsible":"police","kind":"presence",
                 "periodStart":"2025-01-01","periodEnd":"2025-12-31","target":50,
                 "places":[{"name":"Resecentrum","bufferMeters":50}],"categories":["theft"]}
                """)));
    commitments.importActivities(
        WS,
        COMMITMENT_ID,
        "occurred_at,count,place,note\n2025-03-01,2,Resecentrum,kväll\n2025-04-02,3,Resecentrum,\n");
  }

  private static List<LayerRecord> streets() {
    List<LayerRecord> out = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < LINES; i++) {
      for (int j = 0; j + 1 < LINES; j++) {
        Lit lit = (i + j) % 2 == 0 ? Lit.YES : Lit.NO;
        out.add(street("h" + n, WEST + j * STEP_LON, SOUTH + i * STEP_LAT, STEP_LON, 0, lit, n));
        out.add(street("v" + n, WEST + i * STEP_LON, SOUTH + j * STEP_LAT, 0, STEP_LAT, lit, n));
        n++;
      }
    }
    return out;
  }

  private static StreetSegment street(
      String id, double lon, double lat, double dLon, double dLat, Lit lit, int n) {
    return new StreetSegment(
        id,
        GF.createLineString(
            new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + dLon, lat + dLat)}),
        n % 3 == 0 ? "residential" : "footway",
        lit,
        Optional.of("Gata " + n),
        Map.of());
  }

  private static List<LayerRecord> lamps() {
    List<LayerRecord> out = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < LINES; i++) {
      for (int j = 0; j < LINES; j++) {
        out.add(
            new Lamp(
                "lamp-" + n,
                new LonLat(WEST + j * STEP_LON, SOUTH + i * STEP_LAT),
                n % 5 == 0 ? LampStatus.BROKEN : LampStatus.WORKING,
                OptionalDouble.of(50),
                OptionalDouble.empty(),
                Optional.empty(),
                "inventory",
                Map.of()));
        n++;
      }
    }
    return out;
  }

  private static List<LayerRecord> incidents() {
    Random rnd = new Random(18);
    List<String> categories = List.of("theft", "violence", "drugs");
    List<LayerRecord> out = new ArrayList<>();
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 240; i++) {
      LonLat near =
          i % 3 == 0
              ? new LonLat(
                  WEST + rnd.nextDouble() * 5 * STEP_LON, SOUTH + rnd.nextDouble() * 5 * STEP_LAT)
              : STATION;
      out.add(
          new Incident(
              "inc-" + i,
              new LonLat(
                  near.lon() + rnd.nextGaussian() * 0.0004,
                  near.lat() + rnd.nextGaussian() * 0.0002),
              start.plusSeconds(rnd.nextInt(730 * 24) * 3600L),
              categories.get(i % 3),
              1,
              Map.of()));
    }
    return out;
  }

  private static List<LayerRecord> unsafePlaces() {
    List<LayerRecord> out = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      out.add(
          new UnsafePlace(
              "up-" + i,
              new LonLat(STATION.lon() + i * 0.0003, STATION.lat() - i * 0.0001),
              Instant.parse("2025-02-01T19:00:00Z").plusSeconds(86400L * i),
              i % 2 == 0 ? "darkness" : "deserted",
              "walk",
              Optional.of("Mörkt här, " + SECRET_FREE_TEXT),
              Map.of("beskrivning", "Nära porten, " + SECRET_FREE_TEXT)));
    }
    return out;
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

  private static void write(Store store, Layer layer, List<LayerRecord> records) {
    try (LayerWriter w = store.openWriter(WS, layer)) {
      records.forEach(w::write);
      w.commit();
    }
  }
}
