package se.tryggkarta.route;

import se.tryggkarta.common.LonLat;

/**
 * One stop of a planned walk.
 *
 * @param number 1-based position in walking order
 * @param id the priority point's id
 * @param location the stop on the street, WGS84
 * @param weight the priority it covers
 * @param reason why it was chosen (counts and categories, Swedish)
 * @param mandatory whether it was asked for in {@code mustVisit}
 * @param distanceFromStartMeters walking distance from the start to here, metres
 */
public record WalkStop(
    int number,
    String id,
    PriorityPoint.Kind kind,
    LonLat location,
    double weight,
    String reason,
    boolean mandatory,
    double distanceFromStartMeters) {}
