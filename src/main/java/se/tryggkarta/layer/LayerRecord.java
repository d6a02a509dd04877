package se.tryggkarta.layer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/** One stored record of one layer. Implementations are immutable records. */
public sealed interface LayerRecord permits Incident, UnsafePlace, Lamp, Place, StreetSegment {
  /** The id the record had in its source system; unique per workspace and layer. */
  String externalId();

  Layer layer();

  /** The record's geometry in WGS84 (SRID 4326). */
  Geometry geometryWgs84();

  /** When it happened or was reported, for timed layers. */
  default Optional<Instant> time() {
    return Optional.empty();
  }

  /** The value category filters match: the category, a lamp's status or a street's class. */
  default Optional<String> filterCategory() {
    return Optional.empty();
  }

  /**
   * Properties the layer's schema does not define, kept as they came (strings, numbers, booleans).
   */
  Map<String, Object> extra();
}
