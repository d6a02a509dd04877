package se.tryggkarta.hotspot.contour;

import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * The area of a density map at or above one level.
 *
 * @param massFraction the share of the map's mass the area holds (0..1), when the band was asked
 *     for by mass
 * @param levelPerKm2 the density threshold, events per km²
 * @param area the (multi)polygon, in the projected CRS of the map (the service hands out WGS84
 *     copies); empty when no cell reaches the level
 */
public record ContourBand(Optional<Double> massFraction, double levelPerKm2, Geometry area) {
  public ContourBand {
    Objects.requireNonNull(massFraction, "massFraction");
    Objects.requireNonNull(area, "area");
  }
}
