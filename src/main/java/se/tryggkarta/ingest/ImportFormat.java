package se.tryggkarta.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;

/** The file formats layers are imported from and exported to. */
public enum ImportFormat {
  /** RFC 7946 GeoJSON FeatureCollection (a legacy {@code crs} member is honoured). */
  GEOJSON("geojson", "application/geo+json", ".geojson"),
  /** RFC 4180 CSV with a header row; points as lon/lat or x/y columns, other shapes as WKT. */
  CSV("csv", "text/csv", ".csv"),
  /** OGC GeoPackage (a SQLite file); one named feature table. */
  GPKG("gpkg", "application/geopackage+sqlite3", ".gpkg");

  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final String slug;
  private final String mediaType;
  private final String extension;

  ImportFormat(String slug, String mediaType, String extension) {
    this.slug = slug;
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String slug() {
    return slug;
  }

  /** The media type exports are served with. */
  public String mediaType() {
    return mediaType;
  }

  /** The file name extension, with its dot. */
  public String extension() {
    return extension;
  }

  /**
   * Parses {@code geojson}, {@code csv} or {@code gpkg} (also {@code json}, {@code geopackage}).
   */
  public static ImportFormat parse(String field, String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "geojson", "json" -> GEOJSON;
      case "csv" -> CSV;
      case "gpkg", "geopackage" -> GPKG;
      default ->
          throw new DomainException(
              ErrorKind.UNSUPPORTED_FORMAT,
              field,
              "unknown format '"
                  + text
                  + "', expected one of "
                  + Arrays.stream(values())
                      .map(ImportFormat::slug)
                      .collect(Collectors.joining(", ")));
    };
  }

  /**
   * The format a Content-Type names; empty for generic types ({@code application/octet-stream},
   * none) that say nothing.
   */
  public static Optional<ImportFormat> fromContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String t = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "application/geo+json", "application/json", "application/vnd.geo+json" ->
          Optional.of(GEOJSON);
      case "text/csv", "application/csv", "text/comma-separated-values" -> Optional.of(CSV);
      case "application/geopackage+sqlite3", "application/x-sqlite3", "application/vnd.sqlite3" ->
          Optional.of(GPKG);
      default -> Optional.empty();
    };
  }

  /** The format a file name's extension names, if any. */
  public static Optional<ImportFormat> fromFileName(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".geojson") || n.endsWith(".json")) {
      return Optional.of(GEOJSON);
    }
    if (n.endsWith(".csv") || n.endsWith(".txt")) {
      return Optional.of(CSV);
    }
    if (n.endsWith(".gpkg")) {
      return Optional.of(GPKG);
    }
    return Optional.empty();
  }

  /**
   * Guesses the format from the first bytes: the SQLite header means GeoPackage, a leading
   * {@code {} (after whitespace and a byte order mark) GeoJSON, printable text CSV. Empty when
   * nothing fits (binary garbage).
   */
  public static Optional<ImportFormat> sniff(byte[] head, int length) {
    if (length >= SQLITE_MAGIC.length
        && Arrays.equals(head, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
      return Optional.of(GPKG);
    }
    int i = 0;
    if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB) {
      i = 3;
    }
    while (i < length && Character.isWhitespace(head[i])) {
      i++;
    }
    if (i < length && head[i] == '{') {
      return Optional.of(GEOJSON);
    }
    int printable = 0;
    for (int j = i; j < length; j++) {
      int b = head[j] & 0xff;
      if (b >= 0x20 || b == '\n' || b == '\r' || b == '\t') {
        printable++;
      } else {
        return Optional.empty();
      }
    }
    return printable > 0 ? Optional.of(CSV) : Optional.empty();
  }
}
