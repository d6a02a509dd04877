package se.tryggkarta.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.n52.jackson.datatype.jts.JtsModule;
import se.tryggkarta.common.DomainException;

/**
 * A workspace's outline as the HTTP API and the command line accept it: GeoJSON in WGS84
 * longitude/latitude (RFC 7946). Invalid rings, such as the self-intersections generalised
 * municipal boundaries often have, are repaired rather than refused. Errors name the field {@code
 * boundary}. Stateless and thread-safe.
 */
public final class WorkspaceBoundary {
  private static final ObjectMapper GEOJSON =
      new ObjectMapper()
          .registerModule(new JtsModule(new GeometryFactory(new PrecisionModel(), 4326)));

  private WorkspaceBoundary() {}

  /** Which features of a collection make up the boundary: those whose property equals a value. */
  public record PropertyMatch(String property, String value) {
    public PropertyMatch {
      if (property == null || property.isBlank() || value == null) {
        throw DomainException.invalid("boundary", "expected property=value");
      }
    }

    /** Parses {@code property=value}, for example {@code name=Kungälv}. */
    public static PropertyMatch parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw DomainException.invalid("boundary", "expected property=value, was '" + text + "'");
      }
      return new PropertyMatch(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }

    boolean matches(JsonNode properties) {
      JsonNode v = properties.path(property);
      return !v.isMissingNode() && !v.isNull() && v.asText().equals(value);
    }
  }

  /**
   * The geometry repaired when invalid, with SRID 4326, checked to lie in longitude/latitude range.
   * The {@link Workspace} constructor checks that it is a (multi)polygon.
   */
  public static Geometry checked(Geometry g) {
    Geometry fixed = g.isValid() ? g : GeometryFixer.fix(g);
    fixed.setSRID(4326);
    var e = fixed.getEnvelopeInternal();
    if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
      throw DomainException.invalid(
          "boundary", "boundary must be GeoJSON in WGS84 longitude/latitude (RFC 7946)");
    }
    return fixed;
  }

  /**
   * Reads a boundary from a GeoJSON geometry, Feature or FeatureCollection. From a collection it
   * takes the union of the features {@code where} selects (all of them when empty), for example one
   * municipality out of SCB's file of 290.
   */
  public static Geometry fromGeoJson(InputStream in, Optional<PropertyMatch> where) {
    JsonNode root;
    try {
      root = GEOJSON.readTree(in);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw DomainException.invalid(
          "boundary",
          "not GeoJSON: "
              + e.getOriginalMessage()
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw DomainException.invalid("boundary", "cannot read the boundary: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw DomainException.invalid("boundary", "not GeoJSON: expected an object");
    }
    String type = root.path("type").asText();
    List<JsonNode> geometries = new ArrayList<>();
    switch (type) {
      case "FeatureCollection" -> {
        TreeSet<String> seen = new TreeSet<>();
        for (JsonNode f : root.path("features")) {
          if (where.isEmpty() || where.get().matches(f.path("properties"))) {
            geometries.add(f.path("geometry"));
          } else if (seen.size() < 5) {
            seen.add(f.path("properties").path(where.get().property()).asText());
          }
        }
        if (geometries.isEmpty()) {
          throw DomainException.invalid(
              "boundary",
              where.isPresent()
                  ? "no feature has "
                      + where.get().property()
                      + "="
                      + where.get().value()
                      + (seen.isEmpty() ? "" : " (values there: " + String.join(", ", seen) + ")")
                  : "the FeatureCollection has no features");
        }
      }
      case "Feature" -> geometries.add(root.path("geometry"));
      default -> geometries.add(root);
    }
    List<Geometry> parts = new ArrayList<>();
    for (JsonNode g : geometries) {
      parts.add(checked(geometry(g)));
    }
    Geometry union = parts.size() == 1 ? parts.get(0) : UnaryUnionOp.union(parts);
    return checked(union);
  }

  private static Geometry geometry(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      throw DomainException.invalid("boundary", "a feature has no geometry");
    }
    try {
      return GEOJSON.treeToValue(node, Geometry.class);
    } catch (JsonProcessingException e) {
      throw DomainException.invalid(
          "boundary", "not a GeoJSON geometry: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("boundary", "not a GeoJSON geometry: " + e.getMessage());
    }
  }
}
