package se.tryggkarta.route;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.Text;
import se.tryggkarta.place.Address;

/**
 * One stop of a planned walk: one priority point, or several that lay within {@value
 * WalkPlanner#MERGE_STOPS_M} m of each other on the street and became one stop.
 *
 * @param number 1-based position in walking order
 * @param id the (first) priority point's id, for {@code mustVisit}; never shown to people
 * @param kind the kind of evidence of the (first) point
 * @param location the stop on the street, WGS84
 * @param weight the priority it covers (the sum over merged points)
 * @param reasons why it was chosen, one line per point
 * @param evidence the hours and categories behind it, one line per point that has any
 * @param hotspotRank the rank of the hotspot it stands for, when it stands for one (the sites API's
 *     rank)
 * @param address the nearest named street or place
 * @param mandatory whether it was asked for in {@code mustVisit}
 * @param distanceFromStartMeters walking distance from the start to here, metres
 * @param memberIds the ids of every priority point merged into it
 */
public record WalkStop(
    int number,
    String id,
    PriorityPoint.Kind kind,
    LonLat location,
    double weight,
    List<Text> reasons,
    List<Text> evidence,
    OptionalInt hotspotRank,
    Address address,
    boolean mandatory,
    double distanceFromStartMeters,
    List<String> memberIds) {
  public WalkStop {
    reasons = List.copyOf(reasons);
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(hotspotRank, "hotspotRank");
    Objects.requireNonNull(address, "address");
    memberIds = List.copyOf(memberIds);
  }

  /** The reasons as one line ("; " between merged points). */
  public String reason(Lang lang) {
    return String.join("; ", reasons.stream().map(r -> r.in(lang)).toList());
  }

  /** The evidence as one line ("; " between merged points); empty when none. */
  public String evidence(Lang lang) {
    return String.join(
        "; ", evidence.stream().map(r -> r.in(lang)).filter(t -> !t.isEmpty()).toList());
  }

  /**
   * What a person calls the stop: its address, else its position ("60,16900° N 24,94450° Ö"). A
   * hotspot's rank is in its reason.
   */
  public String name(Lang lang) {
    return address.isEmpty() ? lang.position(location) : address.label();
  }
}
