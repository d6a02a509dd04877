package se.tryggkarta.layer.context;

import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.LineString;
import se.tryggkarta.layer.Lit;

/**
 * A street line of the map context.
 *
 * @param geometryWgs84 the line, simplified for the zoom it was asked for
 * @param highway the OSM street class (residential, footway, ...)
 * @param name the street name, when it has one
 * @param lit the lighting tag
 */
public record ContextStreet(
    LineString geometryWgs84, String highway, Optional<String> name, Lit lit) {
  public ContextStreet {
    Objects.requireNonNull(geometryWgs84, "geometryWgs84");
    Objects.requireNonNull(highway, "highway");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lit, "lit");
  }
}
