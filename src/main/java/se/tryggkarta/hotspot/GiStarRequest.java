package se.tryggkarta.hotspot;

import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.gistar.PermutationInference;

/**
 * Gi* parameters.
 *
 * @param cellMeters hexagon width; empty: {@link se.tryggkarta.hotspot.gistar.HexGrid#autoWidth}
 * @param bandMeters distance band; empty: {@link se.tryggkarta.hotspot.gistar.HexGrid#autoBand}
 * @param alpha the FDR level below which a hexagon is reported significant (0.05 by default)
 * @param permutation conditional permutation p-values; empty: the normal approximation
 * @param optimizedBand choose the band at the first peak of incremental spatial autocorrelation
 *     ({@link se.tryggkarta.hotspot.gistar.IncrementalAutocorrelation}); then bandMeters is empty
 */
public record GiStarRequest(
    EventFilter filter,
    Optional<Double> cellMeters,
    Optional<Double> bandMeters,
    double alpha,
    Optional<PermutationInference> permutation,
    boolean optimizedBand) {
  /** With p-values from the normal approximation. */
  public GiStarRequest(
      EventFilter filter, Optional<Double> cellMeters, Optional<Double> bandMeters, double alpha) {
    this(filter, cellMeters, bandMeters, alpha, Optional.empty(), false);
  }

  public GiStarRequest {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(permutation, "permutation");
    if (optimizedBand && bandMeters.isPresent()) {
      throw DomainException.invalid("band", "band is either metres or auto, not both");
    }
    cellMeters.ifPresent(
        c -> {
          if (!(c >= 1 && c <= 10_000)) {
            throw DomainException.invalid("cell", "cell must be 1..10000 m, was " + c);
          }
        });
    bandMeters.ifPresent(
        b -> {
          if (!(b > 0 && b <= 50_000)) {
            throw DomainException.invalid(
                "band", "band must be > 0 and at most 50 000 m, was " + b);
          }
        });
    if (!(alpha > 0 && alpha < 1)) {
      throw DomainException.invalid("alpha", "alpha must be in (0, 1), was " + alpha);
    }
  }
}
