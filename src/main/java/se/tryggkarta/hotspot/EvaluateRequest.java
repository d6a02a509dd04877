package se.tryggkarta.hotspot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;

/**
 * A forecast evaluation: either one explicit split ({@code train} then {@code test}, both bounded,
 * test not starting before train ends) or, without them, {@code splits} rolling-origin splits of
 * the filter's time range.
 *
 * @param bandwidthMeters an extra KDE candidate at this bandwidth, beside the standard candidates
 */
public record EvaluateRequest(
    EventFilter filter,
    Optional<TimeRange> train,
    Optional<TimeRange> test,
    int splits,
    double cellMeters,
    Optional<Double> bandwidthMeters,
    Optional<Double> hexMeters,
    double alpha,
    List<Double> coverages) {
  public EvaluateRequest {
    Objects.requireNonNull(filter, "filter");
    if (train.isPresent() != test.isPresent()) {
      throw DomainException.invalid(
          train.isPresent() ? "test" : "train", "train and test go together, or neither");
    }
    train.ifPresent(
        t -> {
          if (t.from().isEmpty() || t.to().isEmpty()) {
            throw DomainException.invalid("train", "train must be a bounded period 'from/to'");
          }
        });
    test.ifPresent(
        t -> {
          if (t.from().isEmpty() || t.to().isEmpty()) {
            throw DomainException.invalid("test", "test must be a bounded period 'from/to'");
          }
          if (t.from().get().isBefore(train.get().to().get())) {
            throw DomainException.invalid(
                "test", "the test period must start when or after training ends");
          }
        });
    if (splits < 1 || splits > 12) {
      throw DomainException.invalid("splits", "splits must be 1..12, was " + splits);
    }
    if (!(cellMeters >= 1 && cellMeters <= 5000)) {
      throw DomainException.invalid("cell", "cell must be 1..5000 m, was " + cellMeters);
    }
    bandwidthMeters.ifPresent(
        h -> {
          if (!(h > 0) || h > 50_000) {
            throw DomainException.invalid(
                "bandwidth", "bandwidth must be > 0 and at most 50 000 m, was " + h);
          }
        });
    coverages = List.copyOf(coverages);
  }
}
