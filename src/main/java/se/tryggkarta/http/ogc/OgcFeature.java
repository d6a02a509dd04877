package se.tryggkarta.http.ogc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of an OGC collection before it is written: its id, its WGS84 geometry and its
 * properties (already shaped for the caller: no comment for a viewer, no count for the public), in
 * the order they are written.
 */
public record OgcFeature(String id, Geometry geometryWgs84, Map<String, Object> properties) {
  public OgcFeature {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(geometryWgs84, "geometryWgs84");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
