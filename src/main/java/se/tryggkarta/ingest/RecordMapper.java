package se.tryggkarta.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.workspace.Workspace;

/**
 * Turns one {@link SourceRecord} into a validated {@link LayerRecord} of one layer, or the list of
 * everything wrong with it. Fields are found by the {@code column.<field>} mapping, else by a few
 * common names (case-insensitive, English and Swedish: {@code occurred_at}, {@code datetime},
 * {@code tidpunkt}, ...). Properties no field consumed are kept in {@code extra}. CSV points come
 * from lon/lat columns (x/y when the CRS is projected); other CSV shapes from a WKT column. Not
 * thread-safe (one per import).
 */
final class RecordMapper {
  private static final Map<String, List<String>> ALIASES =
      Map.ofEntries(
          Map.entry("id", List.of("id", "external_id", "externalid", "ext_id")),
          Map.entry("lon", List.of("lon", "lng", "long", "longitude")),
          Map.entry("lat", List.of("lat", "latitude")),
          Map.entry("x", List.of("x", "easting", "east", "e")),
          Map.entry("y", List.of("y", "northing", "north", "n")),
          Map.entry("wkt", List.of("wkt", "geometry", "geom", "the_geom")),
          Map.entry(
              "occurred_at",
              List.of(
                  "occurred_at",
                  "occurred",
                  "datetime",
                  "time",
                  "timestamp",
                  "date",
                  "tidpunkt",
                  "datum")),
          Map.entry(
              "reported_at",
              List.of("reported_at", "reported", "datetime", "time", "timestamp", "date", "datum")),
          Map.entry("category", List.of("category", "type", "kategori", "typ")),
          Map.entry("weight", List.of("weight", "vikt")),
          Map.entry("source", List.of("source", "källa", "kalla")),
          Map.entry("comment", List.of("comment", "kommentar", "text")),
          Map.entry("status", List.of("status")),
          Map.entry("power_w", List.of("power_w", "power", "watt", "effekt")),
          Map.entry("lumens", List.of("lumens", "lumen")),
          Map.entry("installed_on", List.of("installed_on", "installed", "installerad")),
          Map.entry("name", List.of("name", "namn")),
          Map.entry("highway", List.of("highway", "street_class")),
          Map.entry("lit", List.of("lit", "belysning")));

  private static final GeometryFactory SOURCE = new GeometryFactory(new PrecisionModel(), 0);

  private final Layer layer;
  private final Workspace workspace;
  private final ImportOptions options;
  private final Crs crs;
  private final SpatialCheck spatial;

  RecordMapper(
      Layer layer, Workspace workspace, ImportOptions options, Crs crs, SpatialCheck spatial) {
    this.layer = layer;
    this.workspace = workspace;
    this.options = options;
    this.crs = crs;
    this.spatial = spatial;
  }

  /** The fields a record of each layer cannot do without (the geometry aside). */
  private static final Map<Layer, List<String>> REQUIRED =
      Map.of(
          Layer.INCIDENTS, List.of("id", "occurred_at", "category"),
          Layer.UNSAFE_PLACES, List.of("id", "reported_at", "category", "source"),
          Layer.LAMPS, List.of("id", "status"),
          Layer.PLACES, List.of("id", "name"),
          Layer.STREETS, List.of("id", "highway"));

  /**
   * Refuses a header (CSV) that lacks a usable geometry or a field the layer requires, before any
   * row is read, so that a file with the wrong columns is an error even when it has no rows. The
   * geometry is a WKT column, else lon/lat (x/y in a projected CRS). Columns are found as rows find
   * them: by {@code column.<field>}, else by the field's common names.
   *
   * @throws DomainException INVALID_INPUT with one error per missing field, at record 1 (the
   *     header)
   */
  void requireColumns(List<String> columns) {
    List<FieldError> missing = new ArrayList<>();
    boolean projected = !crs.isGeographic();
    String xField = projected ? "x" : "lon";
    String yField = projected ? "y" : "lat";
    if (!hasColumn(columns, "wkt") && !(hasColumn(columns, xField) && hasColumn(columns, yField))) {
      missing.add(
          FieldError.ofRecord(
              1,
              "geometry",
              "no geometry columns: expected "
                  + xField
                  + " and "
                  + yField
                  + (projected ? "" : " (or x and y with crs=EPSG:NNNN)")
                  + ", or wkt; name them with column."
                  + xField
                  + "=..."));
    }
    for (String field : REQUIRED.get(layer)) {
      if (!hasColumn(columns, field)) {
        missing.add(
            FieldError.ofRecord(
                1,
                field,
                "no "
                    + field
                    + " column (looked for "
                    + String.join(", ", ALIASES.getOrDefault(field, List.of(field)))
                    + "); name it with column."
                    + field
                    + "=..."));
      }
    }
    if (!missing.isEmpty()) {
      throw new DomainException(
          se.tryggkarta.common.ErrorKind.INVALID_INPUT,
          "the header lacks columns a "
              + layer.slug()
              + " file needs: "
              + String.join(", ", missing.stream().map(FieldError::field).toList())
              + "; nothing was stored",
          Optional.of(missing.get(0).field()),
          missing,
          null);
    }
  }

  private boolean hasColumn(List<String> columns, String field) {
    String mapped = options.columns().get(field);
    if (mapped != null) {
      return columns.contains(mapped);
    }
    List<String> aliases = ALIASES.getOrDefault(field, List.of(field));
    return columns.stream().anyMatch(c -> aliases.contains(c.toLowerCase(Locale.ROOT)));
  }

  /**
   * Property names in lower case, computed once per name: every row of a CSV file has the same
   * names, and the alias search asks for them a few dozen times a row.
   */
  private final Map<String, String> lowerCaseNames = new HashMap<>();

  private String lowerCase(String name) {
    String lower = lowerCaseNames.get(name);
    if (lower == null) {
      lower = name.toLowerCase(Locale.ROOT);
      if (lowerCaseNames.size() < 10_000) {
        lowerCaseNames.put(name, lower);
      }
    }
    return lower;
  }

  /** Either a record or the problems that keep it from being one (never both, never neither). */
  record Result(Optional<LayerRecord> record, List<FieldError> errors) {}

  Result map(SourceRecord s) {
    if (!s.problems().isEmpty()) {
      return new Result(Optional.empty(), s.problems());
    }
    Fields f = new Fields(s);
    Optional<String> id = s.id();
    Optional<String> propertyId = f.text("id");
    if (id.isEmpty()) {
      id = propertyId;
    }
    Geometry wgs84 = f.guard("geometry", () -> spatial.toWgs84(checkType(geometry(s, f))));
    LayerRecord r =
        switch (layer) {
          case INCIDENTS -> incident(f, id, wgs84);
          case UNSAFE_PLACES -> unsafePlace(f, id, wgs84);
          case LAMPS -> lamp(f, id, wgs84);
          case PLACES -> place(f, id, wgs84);
          case STREETS -> street(f, id, wgs84);
        };
    if (!f.errors.isEmpty() || r == null) {
      return new Result(Optional.empty(), f.errors);
    }
    return new Result(Optional.of(r), List.of());
  }

  private LayerRecord incident(Fields f, Optional<String> id, Geometry g) {
    var at =
        f.parse("occurred_at", v -> TimeParser.instant("occurred_at", v, workspace.timeZone()));
    Optional<String> category = f.text("category");
    OptionalDouble weight = f.number("weight");
    return f.build(
        () ->
            new Incident(
                id.orElse(null),
                lonLat(g),
                at.orElse(null),
                category.orElse(null),
                weight.orElse(1),
                f.extra()));
  }

  private LayerRecord unsafePlace(Fields f, Optional<String> id, Geometry g) {
    var at =
        f.parse("reported_at", v -> TimeParser.instant("reported_at", v, workspace.timeZone()));
    Optional<String> category = f.text("category");
    Optional<String> source = f.text("source");
    Optional<String> comment = f.text("comment");
    return f.build(
        () ->
            new UnsafePlace(
                id.orElse(null),
                lonLat(g),
                at.orElse(null),
                category.orElse(null),
                source.orElse(null),
                comment,
                f.extra()));
  }

  private LayerRecord lamp(Fields f, Optional<String> id, Geometry g) {
    var status = f.parse("status", v -> LampStatus.parse("status", v));
    OptionalDouble power = f.number("power_w");
    OptionalDouble lumens = f.number("lumens");
    var installed = f.parse("installed_on", v -> TimeParser.date("installed_on", v));
    String source = f.text("source").orElse("inventory");
    return f.build(
        () ->
            new Lamp(
                id.orElse(null),
                lonLat(g),
                status.orElse(null),
                power,
                lumens,
                installed,
                source,
                f.extra()));
  }

  private LayerRecord place(Fields f, Optional<String> id, Geometry g) {
    Optional<String> name = f.text("name");
    return f.build(() -> new Place(id.orElse(null), name.orElse(null), g, f.extra()));
  }

  private LayerRecord street(Fields f, Optional<String> id, Geometry g) {
    Optional<String> highway = f.text("highway");
    Lit lit = f.text("lit").map(Lit::fromTag).orElse(Lit.UNKNOWN);
    Optional<String> name = f.text("name");
    return f.build(
        () ->
            new StreetSegment(
                id.orElse(null), (LineString) g, highway.orElse(null), lit, name, f.extra()));
  }

  private static LonLat lonLat(Geometry g) {
    if (g == null) {
      return null;
    }
    Point p = (Point) g;
    return new LonLat(p.getX(), p.getY());
  }

  private Geometry geometry(SourceRecord s, Fields f) {
    if (s.geometry().isPresent()) {
      return s.geometry().get();
    }
    Optional<String> wkt = f.text("wkt");
    if (wkt.isPresent()) {
      try {
        return new WKTReader(SOURCE).read(wkt.get());
      } catch (ParseException e) {
        throw DomainException.invalid("wkt", "malformed WKT: " + e.getMessage());
      }
    }
    boolean projected = !crs.isGeographic();
    String xField = projected ? "x" : "lon";
    String yField = projected ? "y" : "lat";
    Optional<String> xText = f.text(xField);
    Optional<String> yText = f.text(yField);
    if (xText.isEmpty() && yText.isEmpty()) {
      throw DomainException.invalid(
          "geometry",
          "the record has no geometry (no geometry member, "
              + xField
              + "/"
              + yField
              + " columns or WKT column)");
    }
    double x = coordinate(xField, xText);
    double y = coordinate(yField, yText);
    return SOURCE.createPoint(new Coordinate(x, y));
  }

  private static double coordinate(String field, Optional<String> text) {
    String t =
        text.orElseThrow(
            () ->
                DomainException.invalid(
                    field,
                    field
                        + " is required (name the column with column."
                        + field
                        + "=..., or give a WKT column)"));
    String normal = t.indexOf('.') < 0 ? t.replace(',', '.') : t;
    try {
      return Double.parseDouble(normal);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, field + " must be a number, was '" + t + "'");
    }
  }

  private Geometry checkType(Geometry g) {
    if (g == null) {
      throw DomainException.invalid("geometry", "the record has no geometry");
    }
    boolean ok =
        switch (layer) {
          case INCIDENTS, UNSAFE_PLACES, LAMPS -> g instanceof Point;
          case PLACES -> g instanceof Polygonal || g instanceof Point;
          case STREETS -> g instanceof LineString;
        };
    if (!ok) {
      String expected =
          switch (layer) {
            case INCIDENTS, UNSAFE_PLACES, LAMPS -> "a Point";
            case PLACES -> "a Polygon, MultiPolygon or Point";
            case STREETS -> "a LineString";
          };
      throw DomainException.invalid(
          "geometry",
          layer.slug() + " records need " + expected + ", found a " + g.getGeometryType());
    }
    if (g.isEmpty()) {
      throw DomainException.invalid("geometry", "the geometry is empty");
    }
    if (g instanceof Polygonal) {
      TopologyValidationError invalid = new IsValidOp(g).getValidationError();
      if (invalid != null) {
        throw DomainException.invalid("geometry", "the polygon is not valid: " + invalid);
      }
    }
    return g;
  }

  /** One record's properties being consumed field by field, collecting errors. */
  private final class Fields {
    private final long number;
    private final Map<String, Object> rest;
    private final List<FieldError> errors = new ArrayList<>();

    Fields(SourceRecord s) {
      this.number = s.number();
      this.rest = new LinkedHashMap<>(s.properties());
    }

    /** Removes and returns the field's value as text; blank counts as absent. */
    Optional<String> text(String field) {
      Optional<Object> v = take(field);
      return v.map(o -> o instanceof String str ? str.strip() : String.valueOf(o))
          .filter(t -> !t.isEmpty());
    }

    private Optional<Object> take(String field) {
      String mapped = options.columns().get(field);
      if (mapped != null) {
        return Optional.ofNullable(rest.remove(mapped));
      }
      for (String alias : ALIASES.getOrDefault(field, List.of(field))) {
        for (String key : rest.keySet()) {
          if (lowerCase(key).equals(alias)) {
            Object v = rest.remove(key);
            if (v != null) {
              return Optional.of(v);
            }
            break;
          }
        }
      }
      return Optional.empty();
    }

    OptionalDouble number(String field) {
      Optional<Object> v = take(field);
      if (v.isEmpty() || (v.get() instanceof String s && s.isBlank())) {
        return OptionalDouble.empty();
      }
      if (v.get() instanceof Number n) {
        return OptionalDouble.of(n.doubleValue());
      }
      String t = String.valueOf(v.get()).strip();
      try {
        double d = Double.parseDouble(t.indexOf('.') < 0 ? t.replace(',', '.') : t);
        if (!Double.isFinite(d)) {
          errors.add(FieldError.ofRecord(number, field, field + " must be finite, was " + t));
          return OptionalDouble.empty();
        }
        return OptionalDouble.of(d);
      } catch (NumberFormatException e) {
        errors.add(
            FieldError.ofRecord(number, field, field + " must be a number, was '" + t + "'"));
        return OptionalDouble.empty();
      }
    }

    <T> Optional<T> parse(String field, java.util.function.Function<String, T> parser) {
      Optional<String> t = text(field);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(parser.apply(t.get()));
      } catch (DomainException e) {
        errors.add(FieldError.ofRecord(number, e.field().orElse(field), e.getMessage()));
        return Optional.empty();
      }
    }

    <T> T guard(String field, java.util.function.Supplier<T> work) {
      try {
        return work.get();
      } catch (DomainException e) {
        errors.add(FieldError.ofRecord(number, e.field().orElse(field), e.getMessage()));
        return null;
      }
    }

    LayerRecord build(java.util.function.Supplier<LayerRecord> make) {
      if (!errors.isEmpty()) {
        return null;
      }
      try {
        return make.get();
      } catch (DomainException e) {
        errors.add(FieldError.ofRecord(number, e.field().orElse("record"), e.getMessage()));
        return null;
      } catch (NullPointerException e) {
        errors.add(FieldError.ofRecord(number, "geometry", "the record has no geometry"));
        return null;
      }
    }

    Map<String, Object> extra() {
      rest.values().removeIf(java.util.Objects::isNull);
      return rest;
    }
  }
}
