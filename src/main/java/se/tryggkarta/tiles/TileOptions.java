package se.tryggkarta.tiles;

import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.EventFilter;

/**
 * What a density tile shows: the hotspot engine's density options (the filter's bbox is dropped:
 * tiles always cut from the whole workspace's surface) and the colour scale's top, in events per
 * km² (empty: the surface's maximum).
 */
public record TileOptions(DensityRequest density, Optional<Double> maxPerKm2) {
  public TileOptions {
    EventFilter f = density.filter();
    density =
        new DensityRequest(
            new EventFilter(
                f.layer(),
                f.time(),
                f.categories(),
                f.hours(),
                f.weekdays(),
                f.categoryWeights(),
                f.halfLife(),
                Optional.empty()),
            density.cellMeters(),
            density.bandwidthMeters(),
            density.kernel(),
            density.edgeCorrection());
    maxPerKm2.ifPresent(TileOptions::requireMax);
  }

  /** A colour scale's top must be a positive number of events per km². */
  static void requireMax(double m) {
    if (!(m > 0) || !Double.isFinite(m)) {
      throw DomainException.invalid("max", "max must be a positive number, was " + m);
    }
  }

  /**
   * A canonical text of the surface options (sets and maps sorted), the same in every JVM: part of
   * cache keys and ETags.
   */
  public String normalisedSurface() {
    EventFilter f = density.filter();
    return String.join(
        "|",
        f.layer().slug(),
        f.time().from().map(Object::toString).orElse(""),
        f.time().to().map(Object::toString).orElse(""),
        new TreeSet<>(f.categories()).toString(),
        f.hours().map(h -> h.fromHour() + "-" + h.toHour()).orElse(""),
        new TreeSet<>(f.weekdays()).toString(),
        new TreeMap<>(f.categoryWeights()).toString(),
        f.halfLife().map(Object::toString).orElse(""),
        Double.toString(density.cellMeters()),
        density.bandwidthMeters().map(Object::toString).orElse("auto"),
        density.kernel().slug(),
        Boolean.toString(density.edgeCorrection()));
  }

  /** {@link #normalisedSurface} plus the colour scale. */
  public String normalised() {
    return normalisedSurface() + "|max=" + maxPerKm2.map(Object::toString).orElse("auto");
  }
}
