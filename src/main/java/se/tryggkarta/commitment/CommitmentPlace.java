package se.tryggkarta.commitment;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import se.tryggkarta.common.DomainException;

/**
 * One promised place: either a geometry given inline, or a reference by name (or by the external id
 * {@code placeId}) to a record of the workspace's {@code places} layer, which {@link
 * CommitmentService} resolves to its geometry when the commitment is saved. The promised area is
 * the geometry grown by {@code bufferMeters} in the workspace's projected CRS.
 *
 * @param name the place's display name, also the key activities are attributed to
 * @param placeId the external id of a {@code places} record, when referenced that way
 * @param geometryWgs84 the geometry in WGS84; empty only before resolution
 * @param bufferMeters how far around the geometry still counts as the place, 0..5000 m
 * @param target an optional share of the commitment's target promised for this place
 */
public record CommitmentPlace(
    String name,
    Optional<String> placeId,
    Optional<Geometry> geometryWgs84,
    double bufferMeters,
    OptionalLong target) {
  public static final double MAX_BUFFER_METERS = 5000;

  public CommitmentPlace {
    if (name == null || name.isBlank()) {
      throw DomainException.invalid("name", "a place needs a name");
    }
    name = name.strip();
    if (name.length() > 200) {
      throw DomainException.invalid("name", "place name is longer than 200 characters");
    }
    Objects.requireNonNull(placeId, "placeId");
    Objects.requireNonNull(geometryWgs84, "geometryWgs84");
    Objects.requireNonNull(target, "target");
    geometryWgs84.ifPresent(
        g -> {
          if (g.isEmpty()
              || (g instanceof GeometryCollection
                  && !(g instanceof MultiPolygon
                      || g instanceof MultiPoint
                      || g instanceof MultiLineString))) {
            throw DomainException.invalid(
                "geometry",
                "a place needs a non-empty point, line or polygon, was " + g.getGeometryType());
          }
        });
    if (!(bufferMeters >= 0 && bufferMeters <= MAX_BUFFER_METERS)) {
      throw DomainException.invalid(
          "bufferMeters", "bufferMeters must be 0.." + MAX_BUFFER_METERS + ", was " + bufferMeters);
    }
    if (target.isPresent() && target.getAsLong() < 0) {
      throw DomainException.invalid("target", "target must be >= 0, was " + target.getAsLong());
    }
  }

  /** A place given by its geometry. */
  public static CommitmentPlace of(String name, Geometry geometryWgs84, double bufferMeters) {
    return new CommitmentPlace(
        name, Optional.empty(), Optional.of(geometryWgs84), bufferMeters, OptionalLong.empty());
  }

  /** A reference by name to a record of the places layer, resolved on save. */
  public static CommitmentPlace named(String name, double bufferMeters) {
    return new CommitmentPlace(
        name, Optional.empty(), Optional.empty(), bufferMeters, OptionalLong.empty());
  }
}
