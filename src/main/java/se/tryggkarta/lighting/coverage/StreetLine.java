package se.tryggkarta.lighting.coverage;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.LineString;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.layer.Lit;

/**
 * One street segment in the workspace's projected CRS.
 *
 * @param id the segment's external id in the {@code streets} layer
 * @param lineMeters the centre line, coordinates in metres
 * @param highway the OSM highway class (footway, residential, primary, ...)
 * @param lit the source's {@code lit=*} tag, used where no lamp data reaches the segment
 * @param footfall pedestrians per night or another relative walking measure, when imported
 */
public record StreetLine(
    String id,
    LineString lineMeters,
    String highway,
    Lit lit,
    Optional<String> name,
    OptionalDouble footfall) {
  public StreetLine {
    Objects.requireNonNull(id, "id");
    if (lineMeters == null || lineMeters.getNumPoints() < 2) {
      throw DomainException.invalid("geometry", "street " + id + " needs a line of two points");
    }
    Objects.requireNonNull(highway, "highway");
    Objects.requireNonNull(lit, "lit");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(footfall, "footfall");
  }

  public double lengthMeters() {
    return lineMeters.getLength();
  }
}
