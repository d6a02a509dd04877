package se.tryggkarta.route.osm;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;

/** The street file formats the network import reads. */
public enum NetworkFormat {
  /** OpenStreetMap protocol-buffer binary ({@code .osm.pbf}). */
  OSM_PBF,
  /** OpenStreetMap XML ({@code .osm}). */
  OSM_XML,
  /** A GeoJSON FeatureCollection of LineStrings or MultiLineStrings. */
  GEOJSON,
  /** An OGC GeoPackage whose feature table holds LineStrings or MultiLineStrings. */
  GEOPACKAGE;

  /**
   * Recognises the format from the first bytes: a GeoPackage is an SQLite file ({@code SQLite
   * format 3}); a PBF file starts with a 4-byte header length and the blob type {@code OSMHeader};
   * XML starts with {@code <}; GeoJSON with <code>{</code>. Throws UNSUPPORTED_FORMAT otherwise.
   */
  public static NetworkFormat sniff(byte[] head, int length) {
    String text = new String(head, 0, Math.min(length, head.length), StandardCharsets.ISO_8859_1);
    if (text.startsWith("SQLite format 3\u0000")) {
      return GEOPACKAGE;
    }
    if (text.contains("OSMHeader")) {
      return OSM_PBF;
    }
    String t = text.stripLeading();
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1);
    }
    if (t.startsWith("<") || t.startsWith("\u00EF\u00BB\u00BF<")) {
      return OSM_XML;
    }
    if (t.startsWith("{") || t.startsWith("\u00EF\u00BB\u00BF{")) {
      return GEOJSON;
    }
    throw new DomainException(
        ErrorKind.UNSUPPORTED_FORMAT,
        "body",
        "expected an OpenStreetMap .osm.pbf or .osm XML file, GeoJSON or GeoPackage lines");
  }

  /** Parses {@code pbf}, {@code osm}/{@code xml}, {@code geojson} or {@code gpkg}. */
  public static NetworkFormat parse(String field, String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "pbf", "osm.pbf", "osm-pbf" -> OSM_PBF;
      case "osm", "xml", "osm-xml" -> OSM_XML;
      case "geojson", "json" -> GEOJSON;
      case "gpkg", "geopackage" -> GEOPACKAGE;
      default ->
          throw DomainException.invalid(
              field, "unknown format '" + text + "', expected pbf, osm, geojson or gpkg");
    };
  }
}
