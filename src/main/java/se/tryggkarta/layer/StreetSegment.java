package se.tryggkarta.layer;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.LineString;
import se.tryggkarta.common.DomainException;

/**
 * A walkable street line (an OSM way or a municipal road segment) in WGS84. Lines are joined into a
 * network where their vertices coincide exactly.
 *
 * @param highway the street class in OSM terms (footway, residential, primary, ...)
 * @param lit the lighting tag, {@link Lit#UNKNOWN} when the source says nothing
 * @param name the street name, when it has one
 */
public record StreetSegment(
    String externalId,
    LineString geometryWgs84,
    String highway,
    Lit lit,
    Optional<String> name,
    Map<String, Object> extra)
    implements LayerRecord {
  public StreetSegment {
    externalId = Records.requireId(externalId);
    if (geometryWgs84 == null || geometryWgs84.isEmpty() || geometryWgs84.getNumPoints() < 2) {
      throw DomainException.invalid("geometry", "a street needs a line of at least two points");
    }
    geometryWgs84 = (LineString) geometryWgs84.copy();
    geometryWgs84.setSRID(4326);
    highway = Records.requireText("highway", highway);
    Objects.requireNonNull(lit, "lit");
    name = Objects.requireNonNull(name, "name").filter(n -> !n.isBlank());
    extra = Records.extra(extra);
  }

  @Override
  public Layer layer() {
    return Layer.STREETS;
  }

  @Override
  public Optional<String> filterCategory() {
    return Optional.of(highway);
  }
}
