package se.tryggkarta.layer;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * A street lamp.
 *
 * @param powerWatts electrical power, when the register has it
 * @param lumens light output, when the register has it
 * @param source where the record came from: {@code inventory} for an imported register, {@code osm}
 *     for OpenStreetMap street_lamp nodes
 */
public record Lamp(
    String externalId,
    LonLat location,
    LampStatus status,
    OptionalDouble powerWatts,
    OptionalDouble lumens,
    Optional<LocalDate> installedOn,
    String source,
    Map<String, Object> extra)
    implements LayerRecord {
  public Lamp {
    externalId = Records.requireId(externalId);
    Objects.requireNonNull(location, "location");
    if (status == null) {
      throw DomainException.invalid("status", "status is required (working, broken or planned)");
    }
    requirePositive("power", powerWatts, 100_000);
    requirePositive("lumen", lumens, 1_000_000);
    Objects.requireNonNull(installedOn, "installedOn");
    source = Records.requireText("source", source);
    extra = Records.extra(extra);
  }

  private static void requirePositive(String field, OptionalDouble v, double max) {
    Objects.requireNonNull(v, field);
    if (v.isPresent() && !(v.getAsDouble() > 0 && v.getAsDouble() <= max)) {
      throw DomainException.invalid(
          field, field + " must be in (0, " + max + "], was " + v.getAsDouble());
    }
  }

  @Override
  public Layer layer() {
    return Layer.LAMPS;
  }

  @Override
  public Geometry geometryWgs84() {
    return Records.point(location);
  }

  @Override
  public Optional<String> filterCategory() {
    return Optional.of(status.slug());
  }
}
