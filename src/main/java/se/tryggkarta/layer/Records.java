package se.tryggkarta.layer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/** Validation shared by the record types' compact constructors. */
final class Records {
  static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
  static final int MAX_ID_LENGTH = 200;
  static final int MAX_TEXT_LENGTH = 10_000;

  private Records() {}

  static String requireId(String externalId) {
    if (externalId == null || externalId.isBlank()) {
      throw DomainException.invalid("id", "external id is required");
    }
    if (externalId.length() > MAX_ID_LENGTH) {
      throw DomainException.invalid(
          "id", "external id is longer than " + MAX_ID_LENGTH + " characters");
    }
    return externalId;
  }

  static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, field + " is required");
    }
    return limit(field, value.strip());
  }

  static String limit(String field, String value) {
    if (value.length() > MAX_TEXT_LENGTH) {
      throw DomainException.invalid(
          field, field + " is longer than " + MAX_TEXT_LENGTH + " characters");
    }
    return value;
  }

  /** Categories compare case-insensitively, so they are stored in lower case. */
  static String category(String value) {
    return requireText("category", value).toLowerCase(java.util.Locale.ROOT);
  }

  static Map<String, Object> extra(Map<String, Object> extra) {
    if (extra == null || extra.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  static Point point(LonLat p) {
    return WGS84.createPoint(new Coordinate(p.lon(), p.lat()));
  }
}
