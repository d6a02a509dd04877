package se.tryggkarta.route;

import java.util.List;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.Text;
import se.tryggkarta.place.Address;
import se.tryggkarta.route.graph.StreetPath;

/**
 * A planned safety walk.
 *
 * @param start the meeting point on the street, WGS84
 * @param startAddress the meeting point's nearest named street or place
 * @param stops the stops in walking order
 * @param route the line along the streets through every stop (and back, for a loop)
 * @param loop whether it ends at the start
 * @param maxLengthMeters the budget it was planned for, metres
 * @param coveredPriority the sum of the stops' weights
 * @param availablePriority the sum of the weights of all candidates considered
 * @param candidatesConsidered how many candidates the planner chose from
 * @param stopMinutes minutes per stop
 * @param night the workspace's night hours, which the stops' evidence counts by
 * @param warnings what a planner should know about the plan: points moved off fragments or tunnels,
 *     candidates it could not reach, why the walk is shorter than its budget
 */
public record WalkPlan(
    LonLat start,
    Address startAddress,
    List<WalkStop> stops,
    StreetPath route,
    boolean loop,
    double maxLengthMeters,
    double coveredPriority,
    double availablePriority,
    int candidatesConsidered,
    double stopMinutes,
    HourWindow night,
    List<Text> warnings) {
  /** Walking pace the times assume, km/h. */
  public static final double WALKING_SPEED_KMH = 4.5;

  /** What to look at at each stop (the printed protocol's checklist). */
  public static final List<Text> CHECKLIST =
      List.of(
          Text.of("Belysning", "Lighting"),
          Text.of("Vegetation och siktlinjer", "Vegetation and sight lines"),
          Text.of("Människor och aktivitet", "People and activity"),
          Text.of("Skötsel och nedskräpning", "Upkeep and litter"),
          Text.of("Skyltning och orientering", "Signs and wayfinding"),
          Text.of("Fria anteckningar", "Notes"));

  public WalkPlan {
    stops = List.copyOf(stops);
    warnings = List.copyOf(warnings);
  }

  public double lengthMeters() {
    return route.lengthMeters();
  }

  /** Walking time at {@value #WALKING_SPEED_KMH} km/h, minutes. */
  public double walkingMinutes() {
    return lengthMeters() / (WALKING_SPEED_KMH * 1000) * 60;
  }

  /** Walking time plus the time at the stops, minutes. */
  public double totalMinutes() {
    return walkingMinutes() + stops.size() * stopMinutes;
  }
}
