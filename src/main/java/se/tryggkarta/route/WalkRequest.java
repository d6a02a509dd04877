package se.tryggkarta.route;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * What a safety walk should be.
 *
 * @param start the meeting point, WGS84
 * @param maxLengthMeters the longest walk, metres, {@value #MIN_LENGTH_M}..{@value #MAX_LENGTH_M}
 * @param mustVisit ids of priority points or unsafe-place reports the walk must pass
 * @param candidates the ids to choose from; empty means every priority point the sources give
 * @param loop whether the walk ends where it started
 * @param stopMinutes minutes spent at each stop, 0..120
 * @param maxCandidates how many of the highest-weighted reachable candidates to consider, 1..100
 */
public record WalkRequest(
    LonLat start,
    double maxLengthMeters,
    List<String> mustVisit,
    Optional<List<String>> candidates,
    boolean loop,
    double stopMinutes,
    int maxCandidates) {
  public static final double MIN_LENGTH_M = 200;
  public static final double MAX_LENGTH_M = 20_000;
  public static final int DEFAULT_MAX_CANDIDATES = 40;
  public static final double DEFAULT_STOP_MINUTES = 5;

  public WalkRequest {
    if (start == null) {
      throw DomainException.invalid("start", "start (lon, lat) is required");
    }
    if (!(maxLengthMeters >= MIN_LENGTH_M && maxLengthMeters <= MAX_LENGTH_M)) {
      throw DomainException.invalid(
          "maxLengthM",
          "maxLengthM must be "
              + (int) MIN_LENGTH_M
              + ".."
              + (int) MAX_LENGTH_M
              + " metres, was "
              + maxLengthMeters);
    }
    mustVisit = List.copyOf(Objects.requireNonNull(mustVisit, "mustVisit"));
    if (mustVisit.size() > 30) {
      throw DomainException.invalid(
          "mustVisit", "at most 30 must-visit stops, was " + mustVisit.size());
    }
    candidates = Objects.requireNonNull(candidates, "candidates").map(List::copyOf);
    if (!(stopMinutes >= 0 && stopMinutes <= 120)) {
      throw DomainException.invalid(
          "stopMinutes", "stopMinutes must be 0..120, was " + stopMinutes);
    }
    if (maxCandidates < 1 || maxCandidates > 100) {
      throw DomainException.invalid(
          "maxCandidates", "maxCandidates must be 1..100, was " + maxCandidates);
    }
  }

  /** A loop from {@code start} with the defaults: automatic candidates, 5 minutes a stop. */
  public static WalkRequest of(LonLat start, double maxLengthMeters) {
    return new WalkRequest(
        start,
        maxLengthMeters,
        List.of(),
        Optional.empty(),
        true,
        DEFAULT_STOP_MINUTES,
        DEFAULT_MAX_CANDIDATES);
  }

  public WalkRequest withMustVisit(List<String> ids) {
    return new WalkRequest(
        start, maxLengthMeters, ids, candidates, loop, stopMinutes, maxCandidates);
  }
}
