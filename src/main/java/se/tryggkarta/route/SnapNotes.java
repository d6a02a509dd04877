package se.tryggkarta.route;

import java.util.Optional;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.Text;
import se.tryggkarta.route.graph.Location;
import se.tryggkarta.route.graph.Snapper;

/**
 * Warnings about where {@link Snapper} put a point, shared by the walk planner and the safe router.
 * Stateless; thread-safe.
 */
final class SnapNotes {
  /**
   * A point put on a street farther than the fragment or tunnel nearest to it is worth a warning
   * when it moved this much farther, metres: less is within the accuracy of a click on a map.
   */
  static final double MOVED_NOTE_M = 25;

  private SnapNotes() {}

  /**
   * Why a point was not put on the street nearest to it (a fragment of network or a tunnel), when
   * the street it was put on is more than {@value #MOVED_NOTE_M} m farther.
   */
  static Optional<Text> skipped(StreetNetwork net, Location l, Text what) {
    return net.snapper()
        .skipped(l)
        .filter(s -> l.distanceMeters() - s.distanceMeters() > MOVED_NOTE_M)
        .map(s -> skippedText(s, l, what));
  }

  private static Text skippedText(Snapper.Skipped s, Location l, Text what) {
    return lang -> {
      String head = what.in(lang) + " (" + lang.position(l.original()) + ") ";
      String near = lang.distance(s.distanceMeters());
      String got = lang.distance(l.distanceMeters());
      if (s.reason() == Snapper.SkipReason.FRAGMENT) {
        String piece = lang.distance(s.componentLengthMeters());
        return lang == Lang.SV
            ? head
                + "ligger "
                + near
                + " från en gatustump på "
                + piece
                + " som inte hänger ihop med resten av nätet; den lades på närmaste"
                + " sammanhängande gata, "
                + got
                + " bort"
            : head
                + "lies "
                + near
                + " from a "
                + piece
                + " fragment of street cut off from the rest of the network; it was put on the"
                + " nearest connected street, "
                + got
                + " away";
      }
      return lang == Lang.SV
          ? head
              + "ligger "
              + near
              + " från en tunnel; den lades på närmaste gata i marknivå, "
              + got
              + " bort"
          : head
              + "lies "
              + near
              + " from a tunnel; it was put on the nearest street at ground level, "
              + got
              + " away";
    };
  }
}
