package se.tryggkarta.hotspot;

import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.hotspot.emerging.EmergingHotspots;
import se.tryggkarta.hotspot.emerging.TimeStep;

/**
 * Emerging hot spot parameters.
 *
 * @param cellMeters hexagon width; empty: {@link se.tryggkarta.hotspot.gistar.HexGrid#autoWidth}
 *     for the events of an average step
 * @param bandMeters distance band; empty: {@link se.tryggkarta.hotspot.gistar.HexGrid#autoBand}
 * @param step the time step (month or week, local)
 * @param timeLag k: the previous steps in each Gi* neighbourhood (sfdep's default is 1)
 * @param alpha the level for each step's Gi* and for the trend (0.05 by default)
 */
public record EmergingRequest(
    EventFilter filter,
    Optional<Double> cellMeters,
    Optional<Double> bandMeters,
    TimeStep step,
    int timeLag,
    double alpha) {
  public static final int DEFAULT_TIME_LAG = 1;

  public EmergingRequest {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(step, "step");
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
    if (timeLag < 0 || timeLag > EmergingHotspots.MAX_TIME_LAG) {
      throw DomainException.invalid(
          "lag", "lag must be 0.." + EmergingHotspots.MAX_TIME_LAG + " steps, was " + timeLag);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw DomainException.invalid("alpha", "alpha must be in (0, 1), was " + alpha);
    }
  }
}
