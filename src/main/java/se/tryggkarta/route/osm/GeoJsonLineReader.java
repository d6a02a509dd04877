package se.tryggkarta.route.osm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;

/**
 * Reads street lines from a GeoJSON FeatureCollection (RFC 7946, WGS84) with an {@link
 * AttributeMapping}. Each LineString becomes a segment; a MultiLineString one segment per part
 * ({@code <id>-<k>}). Features of other geometry types, or with fewer than two positions, are
 * skipped with a warning. Stateless; thread-safe.
 */
public final class GeoJsonLineReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private GeoJsonLineReader() {}

  public static NetworkData read(Path file, AttributeMapping mapping) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw DomainException.invalid("body", "not valid JSON: " + e.getMessage());
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
      throw DomainException.invalid("body", "expected a GeoJSON FeatureCollection");
    }
    List<StreetSegment> streets = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int skipped = 0;
    int index = 0;
    for (JsonNode f : root.path("features")) {
      index++;
      JsonNode props = f.path("properties");
      String id =
          text(props, mapping.idProperty())
              .orElse(f.hasNonNull("id") ? f.get("id").asText() : "f" + index);
      String highway = text(props, mapping.highwayProperty()).orElse(mapping.defaultHighway());
      Lit lit = Lit.fromTag(litValue(text(props, mapping.litProperty()).orElse(null)));
      Optional<String> name = text(props, mapping.nameProperty());
      JsonNode g = f.path("geometry");
      List<JsonNode> parts = new ArrayList<>();
      switch (g.path("type").asText()) {
        case "LineString" -> parts.add(g.path("coordinates"));
        case "MultiLineString" -> g.path("coordinates").forEach(parts::add);
        default -> {
          skipped++;
          continue;
        }
      }
      for (int k = 0; k < parts.size(); k++) {
        List<Coordinate> coords = new ArrayList<>();
        for (JsonNode pos : parts.get(k)) {
          if (pos.size() >= 2 && pos.get(0).isNumber() && pos.get(1).isNumber()) {
            double lon = pos.get(0).asDouble();
            double lat = pos.get(1).asDouble();
            if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
              throw DomainException.invalid(
                  "geometry",
                  "feature " + id + ": position " + lon + ", " + lat + " is not WGS84 lon/lat");
            }
            coords.add(new Coordinate(lon, lat));
          }
        }
        if (coords.size() < 2) {
          skipped++;
          continue;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String kept : OsmNetworkReader.KEPT_TAGS) {
          text(props, kept).ifPresent(v -> extra.put(kept, v));
        }
        String segId = parts.size() > 1 ? id + "-" + (k + 1) : id;
        streets.add(
            new StreetSegment(
                segId,
                WGS84.createLineString(coords.toArray(Coordinate[]::new)),
                highway,
                lit,
                name,
                extra));
      }
    }
    if (skipped > 0) {
      warnings.add(skipped + " features were not lines of at least two positions and were skipped");
    }
    return new NetworkData(streets, List.of(), warnings);
  }

  private static Optional<String> text(JsonNode props, String name) {
    JsonNode v = props.get(name);
    return v == null || v.isNull() || v.asText().isBlank()
        ? Optional.empty()
        : Optional.of(v.asText().strip());
  }

  /** Municipal lit values (ja/nej, 1/0, belyst/obelyst) in OSM's words; others as they are. */
  static String litValue(String v) {
    if (v == null) {
      return null;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "ja", "j", "1", "belyst" -> "yes";
      case "nej", "n", "0", "obelyst" -> "no";
      default -> v;
    };
  }
}
