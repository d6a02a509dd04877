package se.tryggkarta.layer;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * A place a citizen reported as unsafe.
 *
 * @param category what makes it unsafe: darkness, drugs, traffic, deserted, harassment, ...
 * @param source where the report came from: dialogue-2024, survey, walk, ...
 * @param comment the citizen's free text; personal data, shown to analysts only
 */
public record UnsafePlace(
    String externalId,
    LonLat location,
    Instant reportedAt,
    String category,
    String source,
    Optional<String> comment,
    Map<String, Object> extra)
    implements LayerRecord {
  public UnsafePlace {
    externalId = Records.requireId(externalId);
    Objects.requireNonNull(location, "location");
    if (reportedAt == null) {
      throw DomainException.invalid("reported_at", "reported_at is required");
    }
    category = Records.category(category);
    source = Records.requireText("source", source);
    comment =
        Objects.requireNonNull(comment, "comment")
            .filter(c -> !c.isBlank())
            .map(c -> Records.limit("comment", c));
    extra = Records.extra(extra);
  }

  @Override
  public Layer layer() {
    return Layer.UNSAFE_PLACES;
  }

  @Override
  public Geometry geometryWgs84() {
    return Records.point(location);
  }

  @Override
  public Optional<Instant> time() {
    return Optional.of(reportedAt);
  }

  @Override
  public Optional<String> filterCategory() {
    return Optional.of(category);
  }

  /** The same report without its free-text comment, for viewers and the public. */
  public UnsafePlace withoutComment() {
    return new UnsafePlace(
        externalId, location, reportedAt, category, source, Optional.empty(), extra);
  }
}
