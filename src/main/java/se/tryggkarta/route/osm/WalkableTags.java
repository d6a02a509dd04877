package se.tryggkarta.route.osm;

import java.util.Map;
import java.util.Set;

/**
 * Which OpenStreetMap ways a pedestrian may walk, from their tags:
 *
 * <ul>
 *   <li>{@code highway} is one of footway, path, pedestrian, steps, living_street, residential,
 *       service, unclassified, tertiary, secondary, primary; or cycleway with explicit foot access
 *       ({@code foot=yes|designated|permissive}); the non-standard {@code highway=trail} is read as
 *       path (the Helsinki extract has 159 such park paths);
 *   <li>and not {@code foot=no}, not {@code area=yes};
 *   <li>and not {@code access=private|no} unless foot access is explicitly granted.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class WalkableTags {
  static final Set<String> WALKABLE =
      Set.of(
          "footway",
          "path",
          "pedestrian",
          "steps",
          "living_street",
          "residential",
          "service",
          "unclassified",
          "tertiary",
          "secondary",
          "primary",
          "trail");
  private static final Set<String> FOOT_ALLOWED = Set.of("yes", "designated", "permissive");

  private WalkableTags() {}

  /** Whether a way with these tags is part of the walkable network. */
  public static boolean isWalkable(Map<String, String> tags) {
    String highway = tags.get("highway");
    if (highway == null) {
      return false;
    }
    if ("yes".equals(tags.get("area"))) {
      return false;
    }
    String foot = tags.get("foot");
    if ("no".equals(foot)) {
      return false;
    }
    boolean footAllowed = foot != null && FOOT_ALLOWED.contains(foot);
    String access = tags.get("access");
    if (("private".equals(access) || "no".equals(access)) && !footAllowed) {
      return false;
    }
    if (highway.equals("cycleway")) {
      return footAllowed;
    }
    return WALKABLE.contains(highway);
  }

  /** Whether a node with these tags is a street lamp. */
  public static boolean isStreetLamp(Map<String, String> tags) {
    return "street_lamp".equals(tags.get("highway"));
  }
}
