package se.tryggkarta.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * A safety walk kept so that it can be walked on a phone and followed up: the stops of its plan,
 * its line, and when it was held.
 *
 * @param id the walk's id
 * @param name a short Swedish name, for example {@code Trygghetsvandring Parken hösten 2025}
 * @param plannedFor the day it is planned for, when set
 * @param heldOn the day it was held; empty while it has not been held
 * @param start the meeting point, WGS84
 * @param stops the stops in walking order
 * @param route the line along the streets, WGS84, in walking order
 * @param lengthMeters the line's length, metres
 * @param createdAt when it was stored
 */
public record Walk(
    String id,
    String name,
    Optional<LocalDate> plannedFor,
    Optional<LocalDate> heldOn,
    LonLat start,
    List<Stop> stops,
    List<LonLat> route,
    double lengthMeters,
    Instant createdAt) {
  /** Stops a walk may have; a planned walk has far fewer. */
  public static final int MAX_STOPS = 200;

  public Walk {
    RecordIds.check("id", id);
    name = RecordIds.requireText("name", name, 200);
    Objects.requireNonNull(plannedFor, "plannedFor");
    Objects.requireNonNull(heldOn, "heldOn");
    Objects.requireNonNull(start, "start");
    stops = List.copyOf(stops);
    route = List.copyOf(route);
    if (stops.size() > MAX_STOPS) {
      throw DomainException.invalid(
          "stops", "at most " + MAX_STOPS + " stops, was " + stops.size());
    }
    if (!(lengthMeters >= 0) || !Double.isFinite(lengthMeters)) {
      throw DomainException.invalid("lengthMeters", "lengthMeters must be >= 0");
    }
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * One stop of the walk.
   *
   * @param number 1-based position in walking order
   * @param id the priority point it was chosen for
   * @param location where to stand, WGS84
   * @param reason why it was chosen (Swedish)
   */
  public record Stop(int number, String id, LonLat location, String reason) {
    public Stop {
      if (number < 1) {
        throw DomainException.invalid("number", "stop numbers start at 1, was " + number);
      }
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(location, "location");
      reason = reason == null ? "" : reason;
    }
  }

  public boolean held() {
    return heldOn.isPresent();
  }

  public Walk withHeldOn(Optional<LocalDate> day) {
    return new Walk(id, name, plannedFor, day, start, stops, route, lengthMeters, createdAt);
  }

  /** The stop with this number. */
  public Optional<Stop> stop(int number) {
    return stops.stream().filter(s -> s.number() == number).findFirst();
  }
}
