package se.tryggkarta.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.FieldError;

/**
 * One record as a reader found it, before validation.
 *
 * @param number the 1-based record number errors are reported under (feature index, or CSV line
 *     number counting the header)
 * @param id the format's own record id (a GeoJSON Feature's {@code id}), when it has one
 * @param geometry the geometry in the source CRS, when the format carries one (CSV does not: its
 *     coordinates are columns)
 * @param properties the attributes by source name, in file order (strings for CSV)
 * @param problems what the reader already found wrong with this record (a malformed geometry, a
 *     wrong number of CSV columns); such a record is rejected
 */
public record SourceRecord(
    long number,
    Optional<String> id,
    Optional<Geometry> geometry,
    Map<String, Object> properties,
    List<FieldError> problems) {
  public SourceRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(properties, "properties");
    problems = List.copyOf(problems);
  }
}
