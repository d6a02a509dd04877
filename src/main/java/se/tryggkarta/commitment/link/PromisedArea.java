package se.tryggkarta.commitment.link;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One commitment place as an area: its geometry grown by its buffer, in the workspace's projected
 * CRS (metres).
 *
 * @param commitmentId the commitment it belongs to
 * @param placeName the place's name within the commitment
 * @param areaXY the buffered area in projected metres
 */
public record PromisedArea(String commitmentId, String placeName, Geometry areaXY) {
  public PromisedArea {
    Objects.requireNonNull(commitmentId, "commitmentId");
    Objects.requireNonNull(placeName, "placeName");
    Objects.requireNonNull(areaXY, "areaXY");
  }
}
