package se.tryggkarta.lighting.priority;

import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.Text;

/**
 * One ranked piece of lighting work with its score and the numbers behind it.
 *
 * @param id stable id: {@code repair-<lamp id>} or the dark stretch's id
 * @param targetMeters the lamp (point) or the dark stretch (line), projected CRS
 * @param litGainMeters street length the work would light, metres
 * @param nightIncidents N, kernel-weighted night-time incidents around the target
 * @param darknessReports D, darkness reports within the report radius
 * @param otherReports U, other unsafe-place reports within the report radius
 * @param walk W with its basis
 * @param supportingEvents incidents within the bandwidth plus reports within the radius, unweighted
 *     (public outputs leave out entries with fewer than the workspace's k)
 * @param streetName the street it concerns, when known
 * @param place where it is in the words of the workspace's own map (a named place or street), when
 *     known
 * @param explanation the score in words and numbers, in Swedish and English
 */
public record Priority(
    String id,
    PriorityKind kind,
    double score,
    Geometry targetMeters,
    double litGainMeters,
    double nightIncidents,
    int darknessReports,
    int otherReports,
    WalkFactor walk,
    int supportingEvents,
    Optional<String> segmentId,
    Optional<String> lampId,
    Optional<String> streetName,
    Optional<String> place,
    Text explanation) {
  public Priority {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(targetMeters, "targetMeters");
    Objects.requireNonNull(walk, "walk");
    Objects.requireNonNull(segmentId, "segmentId");
    Objects.requireNonNull(lampId, "lampId");
    Objects.requireNonNull(streetName, "streetName");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(explanation, "explanation");
  }
}
