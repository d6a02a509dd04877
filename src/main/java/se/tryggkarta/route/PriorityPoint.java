package se.tryggkarta.route;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.Text;

/**
 * A place that needs a look on a safety walk.
 *
 * @param id stable within one workspace data version, used for {@code mustVisit}; never shown to
 *     people
 * @param location where to stop, WGS84
 * @param weight how much it needs a look, finite and &gt; 0 (the planner maximises the sum)
 * @param reason why, one line for the protocol ("Hotspot 3 …", "3 trygghetsrapporter …"), from
 *     aggregated counts only, never comments
 * @param evidence the hours and categories behind it ("12 händelser inom 75 m, varav 9 kl. 18–06:
 *     Stöld 5, …"); empty text when nothing is counted
 * @param kind what kind of evidence it rests on
 * @param events how many reports and incidents support it (for k-anonymity checks)
 * @param memberIds the external ids of the unsafe-place reports it gathers (so a report id can be
 *     asked for in {@code mustVisit})
 * @param hotspotRank for a hotspot, its rank among the patrol sites, the rank the sites API gives
 *     for the same data and parameters
 */
public record PriorityPoint(
    String id,
    LonLat location,
    double weight,
    Text reason,
    Text evidence,
    Kind kind,
    int events,
    Set<String> memberIds,
    OptionalInt hotspotRank) {

  /** The kinds of evidence a stop rests on. */
  public enum Kind {
    UNSAFE_PLACES,
    INCIDENT_CLUSTER,
    DARK_STRETCH,
    HOTSPOT;

    public String slug() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public PriorityPoint {
    if (id == null || id.isBlank()) {
      throw DomainException.invalid("id", "a priority point needs an id");
    }
    Objects.requireNonNull(location, "location");
    if (!(Double.isFinite(weight) && weight > 0)) {
      throw DomainException.invalid("weight", "weight must be finite and > 0, was " + weight);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(kind, "kind");
    if (events < 0) {
      throw DomainException.invalid("events", "events must be >= 0, was " + events);
    }
    memberIds = Set.copyOf(memberIds);
    Objects.requireNonNull(hotspotRank, "hotspotRank");
  }
}
