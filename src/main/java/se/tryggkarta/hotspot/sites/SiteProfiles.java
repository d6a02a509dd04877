package se.tryggkarta.hotspot.sites;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.hotspot.index.EventSelection;

/**
 * Profiles of ranked patrol sites ({@link SiteProfile}): for each site the events of the analysed
 * selection within its radius (distance ≤ r, as {@link PatrolSites} counts {@code eventsCovered}),
 * binned by local weekday and two-hour block and by category, and the count of the same selection
 * in the previous period. Stateless and thread-safe.
 */
public final class SiteProfiles {
  private SiteProfiles() {}

  /**
   * @param current the analysed events (timed)
   * @param previous the same selection over the previous period {@code [from, to)}
   * @param covered whether the layer holds data from the previous period's start on
   * @param zone the workspace's time zone (Europe/Stockholm for Swedish workspaces)
   */
  public static List<SiteProfile> of(
      List<PatrolSite> sites,
      EventSelection current,
      EventSelection previous,
      Instant from,
      Instant to,
      boolean covered,
      ZoneId zone) {
    List<SiteProfile> out = new ArrayList<>();
    for (PatrolSite s : sites) {
      int[] hourOfWeek = new int[SiteProfile.WEEKDAYS * SiteProfile.BLOCKS];
      Map<String, Integer> categories = new HashMap<>();
      for (int i = 0; i < current.size(); i++) {
        if (!within(s, current.x(i), current.y(i))) {
          continue;
        }
        Optional<Instant> t = current.time(i);
        if (t.isEmpty()) {
          continue;
        }
        ZonedDateTime local = t.get().atZone(zone);
        hourOfWeek[
            (local.getDayOfWeek().getValue() - 1) * SiteProfile.BLOCKS
                + local.getHour() / SiteProfile.BLOCK_HOURS]++;
        categories.merge(current.category(i), 1, Integer::sum);
      }
      int before = 0;
      for (int i = 0; i < previous.size(); i++) {
        if (within(s, previous.x(i), previous.y(i))) {
          before++;
        }
      }
      out.add(
          new SiteProfile(
              s.id(),
              hourOfWeek,
              categories,
              new SiteProfile.Comparison(from, to, before, covered),
              Optional.empty()));
    }
    return List.copyOf(out);
  }

  private static boolean within(PatrolSite s, double x, double y) {
    double dx = x - s.centre().x();
    double dy = y - s.centre().y();
    return dx * dx + dy * dy <= s.radiusMeters() * s.radiusMeters();
  }
}
