package se.tryggkarta.layer.context;

import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * A named place of the map context (a park, a square, the travel centre, water).
 *
 * @param geometryWgs84 a point or (multi)polygon, simplified for the zoom it was asked for
 * @param name the place's name
 * @param kind what sort of place it is ({@code park}, {@code water}, ...), when the source says
 */
public record ContextPlace(Geometry geometryWgs84, String name, Optional<String> kind) {
  public ContextPlace {
    Objects.requireNonNull(geometryWgs84, "geometryWgs84");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
