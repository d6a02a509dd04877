package se.tryggkarta.layer;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * A police event or other incident.
 *
 * @param weight how much the event counts in weighted analyses (1 by default; finite, ≥ 0)
 */
public record Incident(
    String externalId,
    LonLat location,
    Instant occurredAt,
    String category,
    double weight,
    Map<String, Object> extra)
    implements LayerRecord {
  public Incident {
    externalId = Records.requireId(externalId);
    Objects.requireNonNull(location, "location");
    if (occurredAt == null) {
      throw DomainException.invalid("occurred_at", "occurred_at is required");
    }
    category = Records.category(category);
    if (!Double.isFinite(weight) || weight < 0) {
      throw DomainException.invalid("weight", "weight must be a finite number >= 0, was " + weight);
    }
    extra = Records.extra(extra);
  }

  @Override
  public Layer layer() {
    return Layer.INCIDENTS;
  }

  @Override
  public Geometry geometryWgs84() {
    return Records.point(location);
  }

  @Override
  public Optional<Instant> time() {
    return Optional.of(occurredAt);
  }

  @Override
  public Optional<String> filterCategory() {
    return Optional.of(category);
  }
}
