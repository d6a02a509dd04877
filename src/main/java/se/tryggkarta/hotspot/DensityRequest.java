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

  /** The same request with {@code bandwidth=auto}. */
  public DensityRequest withoutBandwidth() {
    return new DensityRequest(filter, cellMeters, Optional.empty(), kernel, edgeCorrection);
  }

  public DensityRequest withCell(double cell) {
    return new DensityRequest(filter, cell, bandwidthMeters, kernel, edgeCorrection);
  }
}
