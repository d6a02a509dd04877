package se.tryggkarta.hotspot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.hotspot.kde.Kernel;

/**
 * A forecast evaluation: the methods are fitted on {@code train} and scored on {@code test}, which
 * must both be bounded and test must not start before train ends.
 */
public record EvaluateRequest(
    EventFilter filter,
    TimeRange train,
    TimeRange test,
    double cellMeters,
    Optional<Double> bandwidthMeters,
    Kernel kernel,
    Optional<Double> hexMeters,
    double alpha,
    List<Double> coverages) {
  public EvaluateRequest {
    Objects.requireNonNull(filter, "filter");
    if (train.from().isEmpty() || train.to().isEmpty()) {
      throw DomainException.invalid("train", "train must be a bounded period 'from/to'");
    }
    if (test.from().isEmpty() || test.to().isEmpty()) {
      throw DomainException.invalid("test", "test must be a bounded period 'from/to'");
    }
    if (test.from().get().isBefore(train.to().get())) {
      throw DomainException.invalid(
          "test", "the test period must start when or after training ends");
    }
    if (!(cellMeters >= 1 && cellMeters <= 5000)) {
      throw DomainException.invalid("cell", "cell must be 1..5000 m, was " + cellMeters);
    }
    coverages = List.copyOf(coverages);
  }
}
