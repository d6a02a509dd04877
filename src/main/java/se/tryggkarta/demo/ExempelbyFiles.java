package se.tryggkarta.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.RecordProperties;
import se.tryggkarta.layer.StreetSegment;

/**
 * Writes the demo data as files planners open in QGIS and as import examples: {@code
 * incidents.csv}, {@code lamps.csv}, {@code unsafe-places.geojson}, {@code places.geojson}, {@code
 * streets.geojson} and {@code streets.osm} (OSM XML 0.6 with {@code highway}, {@code name}, {@code
 * lit} tags and {@code highway=street_lamp} nodes). All coordinates are WGS84 degrees with seven
 * decimals; files are UTF-8 with {@code \n} line ends; numbers are written from exact decimal
 * expansions, so the bytes are the same on every JVM. Property names follow the HTTP API's GeoJSON
 * ({@code occurred_at}, {@code reported_at}, {@code power_w}, ...). Stateless and thread-safe.
 */
public final class ExempelbyFiles {
  /** The files {@link #write} creates, in the order it writes them. */
  public static final List<String> FILE_NAMES =
      List.of(
          "incidents.csv",
          "lamps.csv",
          "unsafe-places.geojson",
          "places.geojson",
          "streets.geojson",
          "streets.osm");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private ExempelbyFiles() {}

  /**
   * Writes every file of {@link #FILE_NAMES} into the directory (created when missing), replacing
   * files of the same name. Throws UNAVAILABLE when the directory cannot be written.
   */
  public static void write(ExempelbyData data, Path dir) {
    try {
      Files.createDirectories(dir);
      put(dir, "incidents.csv", incidentsCsv(data.incidents()));
      put(dir, "lamps.csv", lampsCsv(data.lamps()));
      put(dir, "unsafe-places.geojson", featureCollection("unsafe-places", data.unsafePlaces()));
      put(dir, "places.geojson", featureCollection("places", data.places()));
      put(dir, "streets.geojson", featureCollection("streets", data.streets()));
      put(dir, "streets.osm", osmXml(data.streets(), data.lamps()));
    } catch (IOException e) {
      throw new DomainException(
          ErrorKind.UNAVAILABLE,
          "cannot write the demo files to " + dir + ": " + e.getMessage(),
          java.util.Optional.of("dir"),
          List.of(),
          e);
    }
  }

  private static void put(Path dir, String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  static String incidentsCsv(List<Incident> incidents) {
    StringBuilder s = new StringBuilder("id,occurred_at,category,weight,lon,lat,synthetic\n");
    for (Incident r : incidents) {
      s.append(r.externalId())
          .append(',')
          .append(r.occurredAt())
          .append(',')
          .append(r.category())
          .append(',')
          .append(number(r.weight(), 3))
          .append(',')
          .append(degrees(r.location().lon()))
          .append(',')
          .append(degrees(r.location().lat()))
          .append(',')
          .append(r.extra().get(ExempelbyGenerator.SYNTHETIC))
          .append('\n');
    }
    return s.toString();
  }

  static String lampsCsv(List<Lamp> lamps) {
    StringBuilder s =
        new StringBuilder("id,status,power_w,lumens,installed_on,source,lon,lat,synthetic\n");
    for (Lamp r : lamps) {
      s.append(r.externalId())
          .append(',')
          .append(r.status().slug())
          .append(',')
          .append(r.powerWatts().isPresent() ? number(r.powerWatts().getAsDouble(), 1) : "")
          .append(',')
          .append(r.lumens().isPresent() ? number(r.lumens().getAsDouble(), 0) : "")
          .append(',')
          .append(r.installedOn().map(Object::toString).orElse(""))
          .append(',')
          .append(r.source())
          .append(',')
          .append(degrees(r.location().lon()))
          .append(',')
          .append(degrees(r.location().lat()))
          .append(',')
          .append(r.extra().get(ExempelbyGenerator.SYNTHETIC))
          .append('\n');
    }
    return s.toString();
  }

  /** A FeatureCollection with one feature per line, so diffs stay readable. */
  static String featureCollection(String name, List<? extends LayerRecord> records) {
    StringBuilder s = new StringBuilder();
    s.append("{\"type\":\"FeatureCollection\",\"name\":\"exempelby-")
        .append(name)
        .append("\",\"features\":[\n");
    for (int k = 0; k < records.size(); k++) {
      LayerRecord r = records.get(k);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("type", "Feature");
      f.put("id", r.externalId());
      f.put("geometry", geometry(r.geometryWgs84()));
      f.put("properties", RecordProperties.of(r, true));
      try {
        s.append(JSON.writeValueAsString(f));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("demo feature is not serialisable", e);
      }
      s.append(k + 1 < records.size() ? ",\n" : "\n");
    }
    return s.append("]}\n").toString();
  }

  private static Map<String, Object> geometry(Geometry g) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (g instanceof Polygon poly) {
      m.put("type", "Polygon");
      List<Object> rings = new ArrayList<>();
      rings.add(positions(poly.getExteriorRing().getCoordinates()));
      for (int k = 0; k < poly.getNumInteriorRing(); k++) {
        rings.add(positions(poly.getInteriorRingN(k).getCoordinates()));
      }
      m.put("coordinates", rings);
    } else if (g instanceof LineString line) {
      m.put("type", "LineString");
      m.put("coordinates", positions(line.getCoordinates()));
    } else {
      Coordinate c = g.getCoordinate();
      m.put("type", "Point");
      m.put("coordinates", position(c));
    }
    return m;
  }

  private static List<Object> positions(Coordinate[] cs) {
    List<Object> out = new ArrayList<>(cs.length);
    for (Coordinate c : cs) {
      out.add(position(c));
    }
    return out;
  }

  private static List<BigDecimal> position(Coordinate c) {
    return List.of(degreesDecimal(c.x), degreesDecimal(c.y));
  }

  /**
   * OSM XML 0.6: street vertices as nodes (shared where streets meet), one way per street segment,
   * then lamps that exist (working or broken) as {@code highway=street_lamp} nodes. Marked {@code
   * upload="never"} so that editors refuse to upload the made-up data to OpenStreetMap.
   */
  static String osmXml(List<StreetSegment> streets, List<Lamp> lamps) {
    Map<LonLat, Long> nodeIds = new LinkedHashMap<>();
    Envelope bounds = new Envelope();
    for (StreetSegment st : streets) {
      for (Coordinate c : st.geometryWgs84().getCoordinates()) {
        nodeIds.putIfAbsent(new LonLat(c.x, c.y), (long) nodeIds.size() + 1);
        bounds.expandToInclude(c);
      }
    }
    for (Lamp l : lamps) {
      bounds.expandToInclude(l.location().lon(), l.location().lat());
    }
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<osm version=\"0.6\" generator=\"Tryggkarta ExempelbyGenerator seed ")
        .append(ExempelbyGenerator.SEED)
        .append(" (synthetic demo data, CC0)\" upload=\"never\">\n");
    s.append("  <bounds minlat=\"")
        .append(degrees(bounds.getMinY()))
        .append("\" minlon=\"")
        .append(degrees(bounds.getMinX()))
        .append("\" maxlat=\"")
        .append(degrees(bounds.getMaxY()))
        .append("\" maxlon=\"")
        .append(degrees(bounds.getMaxX()))
        .append("\"/>\n");
    for (Map.Entry<LonLat, Long> n : nodeIds.entrySet()) {
      node(s, n.getValue(), n.getKey()).append("/>\n");
    }
    long nextNode = nodeIds.size() + 1L;
    for (Lamp l : lamps) {
      if (l.status() == LampStatus.PLANNED) {
        continue; // not built yet, so not on the map
      }
      node(s, nextNode++, l.location()).append(">\n");
      tag(s, "highway", "street_lamp");
      tag(s, "ref", l.externalId());
      s.append("  </node>\n");
    }
    long wayId = 1;
    for (StreetSegment st : streets) {
      s.append("  <way id=\"").append(wayId++).append("\" version=\"1\">\n");
      for (Coordinate c : st.geometryWgs84().getCoordinates()) {
        s.append("    <nd ref=\"").append(nodeIds.get(new LonLat(c.x, c.y))).append("\"/>\n");
      }
      tag(s, "highway", st.highway());
      st.name().ifPresent(n -> tag(s, "name", n));
      if (st.lit() != Lit.UNKNOWN) {
        tag(s, "lit", st.lit().slug());
      }
      tag(s, "ref:tryggkarta", st.externalId());
      s.append("  </way>\n");
    }
    return s.append("</osm>\n").toString();
  }

  private static StringBuilder node(StringBuilder s, long id, LonLat at) {
    return s.append("  <node id=\"")
        .append(id)
        .append("\" version=\"1\" lat=\"")
        .append(degrees(at.lat()))
        .append("\" lon=\"")
        .append(degrees(at.lon()))
        .append('"');
  }

  private static void tag(StringBuilder s, String k, String v) {
    s.append("    <tag k=\"").append(xml(k)).append("\" v=\"").append(xml(v)).append("\"/>\n");
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  private static String degrees(double v) {
    return degreesDecimal(v).toPlainString();
  }

  /** Seven decimals (about 1 cm) from the exact binary value: identical on every JVM. */
  private static BigDecimal degreesDecimal(double v) {
    return new BigDecimal(v).setScale(7, RoundingMode.HALF_EVEN);
  }

  private static String number(double v, int maxDecimals) {
    return new BigDecimal(v)
        .setScale(maxDecimals, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
