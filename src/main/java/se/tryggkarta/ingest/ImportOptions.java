package se.tryggkarta.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;

/**
 * How to read one import file. Built from a string map ({@link #parse(Map)}) so HTTP query
 * parameters and CLI flags share one vocabulary:
 *
 * <ul>
 *   <li>{@code format}: geojson, csv or gpkg (default: from Content-Type, file name, or the first
 *       bytes)
 *   <li>{@code crs}: {@code EPSG:NNNN} of the coordinates (default: EPSG:4326, or what the file
 *       declares)
 *   <li>{@code onInvalid}: reject (default, atomic) or skip
 *   <li>{@code delimiter}: the CSV separator, one character (default: ',' or ';' from the header)
 *   <li>{@code table}: the GeoPackage feature table (default: the only or the layer's table)
 *   <li>{@code boundaryTolerance}: metres a record may lie outside the workspace boundary (default
 *       {@value #DEFAULT_BOUNDARY_TOLERANCE_METERS})
 *   <li>{@code column.<field>=<source column>}: where a schema field is in the file
 * </ul>
 *
 * @param contentType the request's Content-Type, when known (format detection only)
 * @param fileName the uploaded file's name, when known (format detection only)
 */
public record ImportOptions(
    Optional<ImportFormat> format,
    Optional<Crs> crs,
    OnInvalid onInvalid,
    Optional<Character> delimiter,
    Optional<String> table,
    double boundaryToleranceMeters,
    Map<String, String> columns,
    Optional<String> contentType,
    Optional<String> fileName) {

  public static final double DEFAULT_BOUNDARY_TOLERANCE_METERS = 1000;
  public static final double MAX_BOUNDARY_TOLERANCE_METERS = 100_000;

  /** The schema fields a {@code column.<field>} mapping may name. */
  public static final Set<String> FIELDS =
      Set.of(
          "id",
          "lon",
          "lat",
          "x",
          "y",
          "wkt",
          "occurred_at",
          "reported_at",
          "category",
          "weight",
          "source",
          "comment",
          "status",
          "power_w",
          "lumens",
          "installed_on",
          "name",
          "highway",
          "lit");

  public static final ImportOptions DEFAULTS = parse(Map.of());

  public ImportOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(crs, "crs");
    Objects.requireNonNull(onInvalid, "onInvalid");
    Objects.requireNonNull(delimiter, "delimiter");
    Objects.requireNonNull(table, "table");
    if (!(boundaryToleranceMeters >= 0
        && boundaryToleranceMeters <= MAX_BOUNDARY_TOLERANCE_METERS)) {
      throw DomainException.invalid(
          "boundaryTolerance",
          "boundaryTolerance must be 0.."
              + MAX_BOUNDARY_TOLERANCE_METERS
              + " metres, was "
              + boundaryToleranceMeters);
    }
    columns = Map.copyOf(columns);
    columns.forEach(
        (field, column) -> {
          if (!FIELDS.contains(field)) {
            throw DomainException.invalid(
                "column." + field, "unknown field '" + field + "' in a column mapping");
          }
          if (column.isBlank()) {
            throw DomainException.invalid("column." + field, "the source column name is empty");
          }
        });
    delimiter.ifPresent(
        d -> {
          if (d == '"' || d == '\n' || d == '\r') {
            throw DomainException.invalid("delimiter", "delimiter cannot be " + (int) d);
          }
        });
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(fileName, "fileName");
  }

  /** Reads the options from a string map; unknown keys are errors. */
  public static ImportOptions parse(Map<String, String> params) {
    Optional<ImportFormat> format = Optional.empty();
    Optional<Crs> crs = Optional.empty();
    OnInvalid onInvalid = OnInvalid.REJECT;
    Optional<Character> delimiter = Optional.empty();
    Optional<String> table = Optional.empty();
    double tolerance = DEFAULT_BOUNDARY_TOLERANCE_METERS;
    Map<String, String> columns = new LinkedHashMap<>();
    for (var e : params.entrySet()) {
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue().strip();
      if (value.isEmpty()) {
        continue;
      }
      if (key.startsWith("column.")) {
        columns.put(key.substring("column.".length()), value);
        continue;
      }
      switch (key) {
        case "format" -> format = Optional.of(ImportFormat.parse("format", value));
        case "crs" -> crs = Optional.of(Crs.parse("crs", value));
        case "onInvalid", "on-invalid", "oninvalid" -> onInvalid = OnInvalid.parse(key, value);
        case "delimiter" -> delimiter = Optional.of(delimiter(value));
        case "table" -> table = Optional.of(value);
        case "boundaryTolerance", "boundary-tolerance" -> tolerance = number(key, value);
        default -> throw DomainException.invalid(key, "unknown import option '" + key + "'");
      }
    }
    return new ImportOptions(
        format,
        crs,
        onInvalid,
        delimiter,
        table,
        tolerance,
        columns,
        Optional.empty(),
        Optional.empty());
  }

  /** The same options with the request's Content-Type and file name, for format detection. */
  public ImportOptions withSource(Optional<String> contentType, Optional<String> fileName) {
    return new ImportOptions(
        format,
        crs,
        onInvalid,
        delimiter,
        table,
        boundaryToleranceMeters,
        columns,
        contentType,
        fileName);
  }

  public ImportOptions withOnInvalid(OnInvalid mode) {
    return new ImportOptions(
        format,
        crs,
        mode,
        delimiter,
        table,
        boundaryToleranceMeters,
        columns,
        contentType,
        fileName);
  }

  private static char delimiter(String value) {
    String v = value.equals("\\t") || value.equalsIgnoreCase("tab") ? "\t" : value;
    if (v.length() != 1) {
      throw DomainException.invalid(
          "delimiter", "delimiter must be one character, was '" + value + "'");
    }
    return v.charAt(0);
  }

  private static double number(String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(key, key + " must be a number, was '" + value + "'");
    }
  }
}
