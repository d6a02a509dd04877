package se.tryggkarta.hotspot;

import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.kde.Kernel;

/**
 * A density map's parameters.
 *
 * @param filter which events, and their weights
 * @param cellMeters the grid's cell size, 1..5000 m (public maps are never finer than the
 *     workspace's minimum)
 * @param bandwidthMeters the kernel bandwidth in metres; empty means {@code auto} (see {@link
 *     se.tryggkarta.hotspot.kde.Bandwidth})
 * @param kernel the kernel (quartic by default)
 * @param edgeCorrection whether to renormalise by the kernel mass inside the extent (see {@link
 *     se.tryggkarta.hotspot.kde.KernelDensity#estimate(se.tryggkarta.hotspot.grid.PointSet,
 *     se.tryggkarta.hotspot.grid.GridSpec, Kernel, double, boolean)}); off by default
 */
public record DensityRequest(
    EventFilter filter,
    double cellMeters,
    Optional<Double> bandwidthMeters,
    Kernel kernel,
    boolean edgeCorrection) {
  public static final double DEFAULT_CELL_METERS = 25;

  public DensityRequest {
    Objects.requireNonNull(filter, "filter");
    if (!(cellMeters >= 1 && cellMeters <= 5000)) {
      throw DomainException.invalid("cell", "cell must be 1..5000 m, was " + cellMeters);
    }
    Objects.requireNonNull(bandwidthMeters, "bandwidthMeters");
    bandwidthMeters.ifPresent(
        h -> {
          if (!(h > 0) || h > 50_000) {
            throw DomainException.invalid(
                "bandwidth", "bandwidth must be > 0 and at most 50 000 m, was " + h);
          }
        });
    Objects.requireNonNull(kernel, "kernel");
  }

  /**
   * The bandwidth as the HTTP parameter and the command line's option both take it: metres, or
   * {@code auto} (any case), null or blank for the automatic choice. Throws INVALID_INPUT naming
   * {@code field} for anything else, including NaN and infinities; the range is the constructor's.
   */
  public static Optional<Double> parseBandwidth(String field, String text) {
    if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("auto")) {
      return Optional.empty();
    }
    String t = text.strip();
    try {
      double h = Double.parseDouble(t);
      if (Double.isFinite(h)) {
        return Optional.of(h);
      }
    } catch (NumberFormatException e) {
      // refused below, with the same message as a non-finite number
    }
    throw DomainException.invalid(field, field + " must be metres or auto, was '" + t + "'");
  }

  /** The same request with {@code bandwidth=auto}. */
  public DensityRequest withoutBandwidth() {
    return new DensityRequest(filter, cellMeters, Optional.empty(), kernel, edgeCorrection);
  }

  public DensityRequest withCell(double cell) {
    return new DensityRequest(filter, cell, bandwidthMeters, kernel, edgeCorrection);
  }
}
