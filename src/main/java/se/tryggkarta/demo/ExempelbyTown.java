package se.tryggkarta.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;

/**
 * The layout and the random draws behind {@link ExempelbyGenerator}: positions are planned in
 * metres east and north of {@link #ORIGIN} on a {@link LocalPlane} and converted to WGS84 at the
 * end. One instance is one run over one {@link Random}; the order of the draws is the order of the
 * code, so any change here changes the output (and must be followed by regenerating {@code
 * geodata/exempelby}). Not thread-safe; {@link #generate()} makes a fresh instance each call.
 */
final class ExempelbyTown {
  // ---- layout, in metres east/north of ORIGIN ----
  static final double BLOCK_METERS = 150;
  static final int COLUMNS = 17; // vertical street lines i = 0..16 at x = -1200 + 150 i
  static final int ROWS = 13; // horizontal street lines j = 0..12 at y = -900 + 150 j
  static final double WEST = -1200;
  static final double SOUTH = -900;
  static final double EAST = WEST + BLOCK_METERS * (COLUMNS - 1);
  static final double NORTH = SOUTH + BLOCK_METERS * (ROWS - 1);

  /** The main roads: Storgatan (x = 0), Stationsgatan (y = −600) and Kungsgatan (y = 0). */
  private static final int STORGATAN_I = 8;

  private static final int STATIONSGATAN_J = 2;
  private static final int KUNGSGATAN_J = 6;

  /** The park covers blocks i 11..12, j 7..8: x 450..750, y 150..450. */
  private static final int PARK_I = 11;

  private static final int PARK_J = 7;

  /** Resecentrum covers block i 5, j 2: x −450..−300, y −600..−450. */
  private static final int STATION_I = 5;

  private static final int STATION_J = 2;

  /** The middles of Resecentrum and Parken, where the night hotspots are planted. */
  static final double[] RESECENTRUM_XY = {-375, -525};

  /** Where the forecourt lamps stand, metres east and north of the travel centre's middle. */
  static final double[][] FORECOURT_LAMP_OFFSETS = {{-25, -20}, {25, -20}, {-25, 20}, {25, 20}};

  static final double[] PARKEN_XY = {600, 300};

  /** The middle of Dammstigen's middle leg. */
  static final double[] DARK_STRETCH_MIDDLE_XY = {517.5, 225};

  /** Dammstigen: from Parkgatan (450, 300) curving south-east to Parkvägen (600, 150). */
  private static final double[][] DAMMSTIGEN = {{450, 300}, {490, 245}, {545, 205}, {600, 150}};

  /** Lamps closer than this to Dammstigen (local metres) are never working. */
  private static final double DARK_MARGIN_METERS = 35;

  static final LonLat ORIGIN = new LonLat(12.30, 58.00);
  static final LocalPlane PLANE = new LocalPlane(ORIGIN);
  private static final ZoneId ZONE = Workspace.DEFAULT_ZONE;
  private static final String[] VERTICAL_NAMES = {
    "Ekgatan",
    "Björkgatan",
    "Lindgatan",
    "Lönngatan",
    "Askgatan",
    "Almgatan",
    "Rönngatan",
    "Granvägen",
    "Storgatan",
    "Tallvägen",
    "Hasselgatan",
    "Parkgatan",
    "Poppelgatan",
    "Östra Parkgatan",
    "Aspgatan",
    "Sälgvägen",
    "Videgatan"
  };
  private static final String[] HORIZONTAL_NAMES = {
    "Södra Ringvägen",
    "Skolgatan",
    "Stationsgatan",
    "Bruksgatan",
    "Torggatan",
    "Kyrkogatan",
    "Kungsgatan",
    "Parkvägen",
    "Dammgatan",
    "Norra Parkvägen",
    "Skogsgatan",
    "Åsgatan",
    "Norra Ringvägen"
  };

  private static final Map<String, List<String>> COMMENTS =
      Map.of(
          "darkness",
          List.of(
              "Mörkt på gångvägen, lamporna är trasiga.",
              "Ingen belysning alls efter parken.",
              "Man ser inte vem som kommer emot en.",
              "Undviker stigen när det är mörkt.",
              "Buskarna skymmer och det är svart."),
          "drugs",
          List.of(
              "Langning vid bänkarna på kvällarna.",
              "Sprutor och folk som säljer vid cykelstället.",
              "Ofta påverkade personer här sent.",
              "Obehagligt gäng som verkar sälja något."),
          "traffic",
          List.of(
              "Bilarna kör för fort förbi övergångsstället.",
              "Svårt att korsa med barnvagn.",
              "Mopeder på gångbanan.",
              "Saknas säker passage till skolan."),
          "deserted",
          List.of(
              "Helt folktomt efter klockan åtta.",
              "Ingen ser en om något händer.",
              "Känns öde när butikerna stängt.",
              "Långt till närmaste hus."),
          "harassment",
          List.of(
              "Blev utsatt för tillrop när jag väntade på bussen.",
              "Grupper som trakasserar förbipasserande.",
              "Min dotter har blivit förföljd härifrån.",
              "Otrevliga kommentarer nästan varje helg."));

  private static final GeometryFactory LOCAL = new GeometryFactory(new PrecisionModel(), 0);
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  /** A point given in local metres, in WGS84. */
  static LonLat lonLat(double[] xy) {
    return PLANE.toLonLat(xy[0], xy[1]);
  }

  /** One generation with the fixed seed. */
  static ExempelbyData generate() {
    return new ExempelbyTown(new Random(ExempelbyGenerator.SEED)).build();
  }

  /** The workspace boundary in WGS84: the town plus 200 m on every side, corners cut by 300 m. */
  static Geometry boundaryWgs84() {
    double w = WEST - 200;
    double e = EAST + 200;
    double s = SOUTH - 200;
    double n = NORTH + 200;
    double c = 300;
    double[][] ring = {
      {w + c, s},
      {e - c, s},
      {e, s + c},
      {e, n - c},
      {e - c, n},
      {w + c, n},
      {w, n - c},
      {w, s + c},
      {w + c, s}
    };
    return WGS84.createPolygon(wgs84(ring));
  }

  private static Coordinate[] wgs84(double[][] localPoints) {
    Coordinate[] cs = new Coordinate[localPoints.length];
    for (int k = 0; k < localPoints.length; k++) {
      LonLat p = PLANE.toLonLat(localPoints[k][0], localPoints[k][1]);
      cs[k] = new Coordinate(p.lon(), p.lat());
    }
    return cs;
  }

  private static double x(int i) {
    return WEST + BLOCK_METERS * i;
  }

  private static double y(int j) {
    return SOUTH + BLOCK_METERS * j;
  }

  /** One street line in local metres before it gets its id; an empty name means unnamed. */
  private record Line(String name, String highway, Lit lit, double[][] points) {}

  private static LineString local(double[][] points) {
    Coordinate[] cs = new Coordinate[points.length];
    for (int k = 0; k < points.length; k++) {
      cs[k] = new Coordinate(points[k][0], points[k][1]);
    }
    return LOCAL.createLineString(cs);
  }

  private final Random rnd;
  private final List<Line> lines = new ArrayList<>();
  private final List<Line> mainRoads = new ArrayList<>();
  private final List<Line> unlit = new ArrayList<>();
  private final LineString dammstigen = local(DAMMSTIGEN);

  private ExempelbyTown(Random rnd) {
    this.rnd = rnd;
  }

  private ExempelbyData build() {
    Workspace ws =
        new Workspace(
            ExempelbyGenerator.WORKSPACE_ID,
            ExempelbyGenerator.WORKSPACE_NAME,
            Crs.sweref99tm(),
            Optional.of(boundaryWgs84()),
            Workspace.DEFAULT_ZONE,
            true,
            PublicPrivacy.DEFAULT);
    layOutStreets();
    List<StreetSegment> streets = streetSegments();
    List<Place> places = places();
    List<Lamp> lamps = lamps();
    List<Incident> incidents = incidents();
    List<UnsafePlace> reports = unsafePlaces();
    return new ExempelbyData(ws, streets, places, lamps, incidents, reports);
  }

  // ---- streets ----

  private void layOutStreets() {
    for (int i = 0; i < COLUMNS; i++) {
      String name = VERTICAL_NAMES[i];
      String highway = i == STORGATAN_I ? "secondary" : "residential";
      Lit lit = streetLit(highway, i == 0 || i == COLUMNS - 1, parkEdgeColumn(i));
      for (int j = 0; j < ROWS - 1; j++) {
        if (i == PARK_I + 1 && (j == PARK_J || j == PARK_J + 1)) {
          continue; // inside the park: a footpath instead
        }
        add(new Line(name, highway, lit, new double[][] {{x(i), y(j)}, {x(i), y(j + 1)}}));
      }
    }
    for (int j = 0; j < ROWS; j++) {
      String name = HORIZONTAL_NAMES[j];
      String highway = j == STATIONSGATAN_J || j == KUNGSGATAN_J ? "secondary" : "residential";
      Lit lit = streetLit(highway, j == 0 || j == ROWS - 1, j == PARK_J || j == PARK_J + 2);
      for (int i = 0; i < COLUMNS - 1; i++) {
        if (j == PARK_J + 1 && (i == PARK_I || i == PARK_I + 1)) {
          continue;
        }
        add(new Line(name, highway, lit, new double[][] {{x(i), y(j)}, {x(i + 1), y(j)}}));
      }
    }
    // Parkstigen: the park's lit cross of footpaths where the grid streets would run.
    double cx = x(PARK_I + 1);
    double cy = y(PARK_J + 1);
    add(new Line("Parkstigen", "footway", Lit.YES, new double[][] {{cx, y(PARK_J)}, {cx, cy}}));
    add(new Line("Parkstigen", "footway", Lit.YES, new double[][] {{cx, cy}, {cx, y(PARK_J + 2)}}));
    add(new Line("Parkstigen", "footway", Lit.YES, new double[][] {{x(PARK_I), cy}, {cx, cy}}));
    add(new Line("Parkstigen", "footway", Lit.YES, new double[][] {{cx, cy}, {x(PARK_I + 2), cy}}));
    add(new Line("Dammstigen", "footway", Lit.NO, DAMMSTIGEN));
    // Unnamed footpaths cutting diagonally through fourteen blocks.
    boolean[][] taken = new boolean[COLUMNS - 1][ROWS - 1];
    taken[PARK_I][PARK_J] = true;
    taken[PARK_I + 1][PARK_J] = true;
    taken[PARK_I][PARK_J + 1] = true;
    taken[PARK_I + 1][PARK_J + 1] = true;
    taken[STATION_I][STATION_J] = true;
    int made = 0;
    while (made < 14) {
      int i = rnd.nextInt(COLUMNS - 1);
      int j = rnd.nextInt(ROWS - 1);
      if (taken[i][j]) {
        continue;
      }
      taken[i][j] = true;
      double[][] pts =
          rnd.nextBoolean()
              ? new double[][] {{x(i), y(j)}, {x(i + 1), y(j + 1)}}
              : new double[][] {{x(i + 1), y(j)}, {x(i), y(j + 1)}};
      add(new Line("", "footway", pick(new Lit[] {Lit.YES, Lit.NO, Lit.UNKNOWN}, 5, 3, 2), pts));
      made++;
    }
  }

  private static boolean parkEdgeColumn(int i) {
    return i == PARK_I || i == PARK_I + 2;
  }

  private Lit streetLit(String highway, boolean outskirts, boolean parkEdge) {
    if (!highway.equals("residential") || parkEdge) {
      return Lit.YES;
    }
    if (outskirts) {
      return pick(new Lit[] {Lit.YES, Lit.NO, Lit.UNKNOWN}, 5, 3, 2);
    }
    return pick(new Lit[] {Lit.YES, Lit.UNKNOWN}, 23, 2);
  }

  private void add(Line line) {
    lines.add(line);
    if (line.highway().equals("secondary")) {
      mainRoads.add(line);
    }
    if (line.lit() == Lit.NO) {
      unlit.add(line);
    }
  }

  private List<StreetSegment> streetSegments() {
    Map<String, Integer> counters = new TreeMap<>();
    List<StreetSegment> out = new ArrayList<>(lines.size());
    for (Line l : lines) {
      String base = l.name().isEmpty() ? "gangvag" : slug(l.name());
      int n = counters.merge(base, 1, Integer::sum);
      String id = String.format(Locale.ROOT, "%s-%02d", base, n);
      out.add(
          new StreetSegment(
              id,
              WGS84.createLineString(wgs84(l.points())),
              l.highway(),
              l.lit(),
              l.name().isEmpty() ? Optional.empty() : Optional.of(l.name()),
              synthetic()));
    }
    return out;
  }

  // ---- places ----

  private List<Place> places() {
    double[][] station =
        rectangle(
            x(STATION_I) + 12, y(STATION_J) + 12, x(STATION_I + 1) - 12, y(STATION_J + 1) - 12);
    double[][] park = rectangle(x(PARK_I) + 8, y(PARK_J) + 8, x(PARK_I + 2) - 8, y(PARK_J + 2) - 8);
    Map<String, Object> stationExtra = new LinkedHashMap<>(synthetic());
    stationExtra.put("kind", "travel-centre");
    Map<String, Object> parkExtra = new LinkedHashMap<>(synthetic());
    parkExtra.put("kind", "park");
    return List.of(
        new Place(
            ExempelbyGenerator.PARKEN_ID, "Parken", WGS84.createPolygon(wgs84(park)), parkExtra),
        new Place(
            ExempelbyGenerator.RESECENTRUM_ID,
            "Resecentrum",
            WGS84.createPolygon(wgs84(station)),
            stationExtra));
  }

  private static double[][] rectangle(double w, double s, double e, double n) {
    return new double[][] {{w, s}, {e, s}, {e, n}, {w, n}, {w, s}};
  }

  // ---- lamps ----

  private List<Lamp> lamps() {
    List<Lamp> out = new ArrayList<>();
    for (Line l : lines) {
      boolean dark = l.name().equals("Dammstigen");
      if (l.lit() == Lit.NO && !dark) {
        continue;
      }
      if (l.lit() == Lit.UNKNOWN && rnd.nextInt(2) == 0) {
        continue;
      }
      double spacing =
          switch (l.highway()) {
            case "secondary" -> 30;
            case "footway" -> 35;
            default -> 42;
          };
      // A broken cable: every lamp on the northern half of Videgatan is out.
      boolean brokenRun = l.name().equals("Videgatan") && l.points()[0][1] >= 0;
      double[][] p = l.points();
      for (int k = 0; k + 1 < p.length; k++) {
        double dx = p[k + 1][0] - p[k][0];
        double dy = p[k + 1][1] - p[k][1];
        double len = StrictMath.hypot(dx, dy);
        double ux = dx / len;
        double uy = dy / len;
        for (double t = spacing / 2; t < len; t += spacing) {
          double along = t + (rnd.nextDouble() - 0.5) * 6;
          if (l.highway().equals("residential") && rnd.nextInt(100) < 8) {
            continue; // a gap in the row, as real registers have
          }
          // six metres to the right of the direction of travel
          double lx = p[k][0] + ux * along + uy * 6;
          double ly = p[k][1] + uy * along - ux * 6;
          LampStatus status;
          if (dark) {
            status = rnd.nextInt(3) == 0 ? LampStatus.PLANNED : LampStatus.BROKEN;
          } else if (brokenRun) {
            status = LampStatus.BROKEN;
          } else {
            status = pick(LampStatus.values(), 92, 5, 3);
            if (status == LampStatus.WORKING && nearDarkStretch(lx, ly)) {
              status = LampStatus.BROKEN;
            }
          }
          out.add(lamp(out.size() + 1, PLANE.toLonLat(lx, ly), status));
        }
      }
    }
    // The travel centre's forecourt: four pole lamps around its middle, all vandalised, where the
    // night incidents are planted. Placed without random draws so the rest of the town is as
    // before.
    for (double[] offset : FORECOURT_LAMP_OFFSETS) {
      LonLat at = PLANE.toLonLat(RESECENTRUM_XY[0] + offset[0], RESECENTRUM_XY[1] + offset[1]);
      out.add(
          new Lamp(
              String.format(Locale.ROOT, "lamp-%04d", out.size() + 1),
              at,
              LampStatus.BROKEN,
              OptionalDouble.of(56),
              OptionalDouble.of(56 * 110),
              Optional.of(LocalDate.of(2012, 5, 14)),
              "inventory",
              synthetic()));
    }
    return out;
  }

  private boolean nearDarkStretch(double lx, double ly) {
    return dammstigen.distance(LOCAL.createPoint(new Coordinate(lx, ly))) < DARK_MARGIN_METERS;
  }

  private Lamp lamp(int n, LonLat at, LampStatus status) {
    OptionalDouble watts = OptionalDouble.empty();
    OptionalDouble lumens = OptionalDouble.empty();
    Optional<LocalDate> installed = Optional.empty();
    int w = new int[] {28, 42, 56}[rnd.nextInt(3)];
    int year = 1985 + rnd.nextInt(40);
    int dayOfYear = 1 + rnd.nextInt(365);
    if (status != LampStatus.PLANNED) {
      watts = OptionalDouble.of(w);
      lumens = OptionalDouble.of(w * 110);
      installed = Optional.of(LocalDate.ofYearDay(year, dayOfYear));
    }
    return new Lamp(
        String.format(Locale.ROOT, "lamp-%04d", n),
        at,
        status,
        watts,
        lumens,
        installed,
        "inventory",
        synthetic());
  }

  // ---- incidents ----

  private List<Incident> incidents() {
    List<Incident> out = new ArrayList<>(6000);
    // Background: anywhere in town, any hour weighted towards the evening.
    for (int k = 0; k < 3300; k++) {
      String cat =
          pick(
              new String[] {"theft", "vandalism", "violence", "traffic", "drugs"},
              30,
              25,
              15,
              20,
              10);
      double[] at = cat.equals("traffic") ? alongMainRoad(8) : uniformInTown();
      out.add(incident(out.size() + 1, at, cat, backgroundHour()));
    }
    // Resecentrum: thefts and violence at night around the travel centre.
    for (int k = 0; k < 1300; k++) {
      String cat = pick(new String[] {"theft", "violence", "drugs", "vandalism"}, 35, 35, 20, 10);
      out.add(incident(out.size() + 1, gaussian(RESECENTRUM_XY, 45), cat, hotspotHour(85)));
    }
    // Parken: drugs, violence and vandalism at night in the park.
    for (int k = 0; k < 1100; k++) {
      String cat = pick(new String[] {"drugs", "violence", "vandalism", "theft"}, 40, 25, 25, 10);
      out.add(incident(out.size() + 1, gaussian(PARKEN_XY, 55), cat, hotspotHour(85)));
    }
    // Dammstigen: assaults and robberies on the dark path.
    for (int k = 0; k < 300; k++) {
      String cat = pick(new String[] {"violence", "theft", "drugs"}, 50, 30, 20);
      out.add(incident(out.size() + 1, nearLine(DAMMSTIGEN, 10), cat, hotspotHour(90)));
    }
    return out;
  }

  private Incident incident(int n, double[] at, String category, int hour) {
    return new Incident(
        String.format(Locale.ROOT, "inc-%05d", n),
        PLANE.toLonLat(at[0], at[1]),
        localTime(hour),
        category,
        1.0,
        synthetic());
  }

  /** A random day of 2023–2025 at the given local hour and a random minute. */
  private Instant localTime(int hour) {
    LocalDate first = LocalDate.of(2023, 1, 1);
    int days = (int) (LocalDate.of(2026, 1, 1).toEpochDay() - first.toEpochDay());
    LocalDate day = first.plusDays(rnd.nextInt(days));
    LocalTime time = LocalTime.of(hour, rnd.nextInt(60));
    return ZonedDateTime.of(day, time, ZONE).toInstant();
  }

  private int backgroundHour() {
    int[] weights = {4, 3, 2, 2, 1, 1, 2, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 7, 8, 8, 8, 8, 7, 6};
    return weightedIndex(weights);
  }

  /** Night (18:00–04:59) with the given percentage, otherwise a daytime hour. */
  private int hotspotHour(int nightPercent) {
    if (rnd.nextInt(100) < nightPercent) {
      int[] nightHours = {18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4};
      int[] weights = {3, 5, 7, 9, 10, 10, 9, 8, 6, 4, 2};
      return nightHours[weightedIndex(weights)];
    }
    return 5 + rnd.nextInt(13);
  }

  // ---- unsafe places ----

  private List<UnsafePlace> unsafePlaces() {
    List<UnsafePlace> out = new ArrayList<>(300);
    addReports(out, "darkness", 50, () -> nearLine(DAMMSTIGEN, 15));
    addReports(
        out, "darkness", 40, () -> nearLine(unlit.get(rnd.nextInt(unlit.size())).points(), 10));
    addReports(out, "drugs", 35, () -> gaussian(PARKEN_XY, 50));
    addReports(out, "drugs", 25, () -> gaussian(RESECENTRUM_XY, 40));
    addReports(out, "traffic", 50, () -> alongMainRoad(10));
    addReports(out, "deserted", 30, this::uniformInTown);
    addReports(out, "deserted", 20, () -> gaussian(PARKEN_XY, 70));
    addReports(out, "harassment", 35, () -> gaussian(RESECENTRUM_XY, 40));
    addReports(out, "harassment", 15, this::uniformInTown);
    return out;
  }

  private void addReports(
      List<UnsafePlace> out, String category, int count, Supplier<double[]> at) {
    for (int k = 0; k < count; k++) {
      double[] p = at.get();
      String source = pick(new String[] {"dialogue-2024", "survey", "walk"}, 40, 35, 25);
      Instant reported =
          switch (source) {
            case "dialogue-2024" -> dayIn(LocalDate.of(2024, 3, 1), 92, 10 + rnd.nextInt(10));
            case "survey" -> dayIn(LocalDate.of(2025, 9, 1), 61, 8 + rnd.nextInt(14));
            default ->
                walkEvening(
                    new LocalDate[] {
                          LocalDate.of(2023, 10, 12),
                          LocalDate.of(2024, 10, 10),
                          LocalDate.of(2025, 10, 9)
                        }
                        [rnd.nextInt(3)]);
          };
      List<String> texts = COMMENTS.get(category);
      Optional<String> comment =
          rnd.nextInt(10) == 0
              ? Optional.empty()
              : Optional.of(texts.get(rnd.nextInt(texts.size())));
      out.add(
          new UnsafePlace(
              String.format(Locale.ROOT, "rapport-%03d", out.size() + 1),
              PLANE.toLonLat(p[0], p[1]),
              reported,
              category,
              source,
              comment,
              synthetic()));
    }
  }

  private Instant dayIn(LocalDate first, int days, int hour) {
    LocalDate day = first.plusDays(rnd.nextInt(days));
    return ZonedDateTime.of(day, LocalTime.of(hour, rnd.nextInt(60)), ZONE).toInstant();
  }

  private Instant walkEvening(LocalDate day) {
    return ZonedDateTime.of(day, LocalTime.of(18 + rnd.nextInt(3), rnd.nextInt(60)), ZONE)
        .toInstant();
  }

  // ---- sampling helpers (local metres) ----

  private double[] uniformInTown() {
    return new double[] {
      WEST + rnd.nextDouble() * (EAST - WEST), SOUTH + rnd.nextDouble() * (NORTH - SOUTH)
    };
  }

  /** Normal around a centre with the given standard deviation, redrawn until inside the town. */
  private double[] gaussian(double[] centre, double sigmaMeters) {
    while (true) {
      double px = centre[0] + rnd.nextGaussian() * sigmaMeters;
      double py = centre[1] + rnd.nextGaussian() * sigmaMeters;
      if (px >= WEST && px <= EAST && py >= SOUTH && py <= NORTH) {
        return new double[] {px, py};
      }
    }
  }

  private double[] alongMainRoad(double spreadMeters) {
    return nearLine(mainRoads.get(rnd.nextInt(mainRoads.size())).points(), spreadMeters);
  }

  /** A point on a random leg of the polyline, moved up to ± spread metres across and along. */
  private double[] nearLine(double[][] p, double spreadMeters) {
    int k = rnd.nextInt(p.length - 1);
    double t = rnd.nextDouble();
    double px = p[k][0] + t * (p[k + 1][0] - p[k][0]) + (rnd.nextDouble() * 2 - 1) * spreadMeters;
    double py = p[k][1] + t * (p[k + 1][1] - p[k][1]) + (rnd.nextDouble() * 2 - 1) * spreadMeters;
    return new double[] {Math.max(WEST, Math.min(EAST, px)), Math.max(SOUTH, Math.min(NORTH, py))};
  }

  private <T> T pick(T[] values, int... weights) {
    return values[weightedIndex(weights)];
  }

  private int weightedIndex(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = rnd.nextInt(total);
    for (int k = 0; k < weights.length; k++) {
      r -= weights[k];
      if (r < 0) {
        return k;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static Map<String, Object> synthetic() {
    return Map.of(ExempelbyGenerator.SYNTHETIC, Boolean.TRUE);
  }

  /** "Östra Parkgatan" → "ostra-parkgatan". */
  static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT);
    s = s.replace('å', 'a').replace('ä', 'a').replace('ö', 'o').replace(' ', '-');
    return s;
  }
}
