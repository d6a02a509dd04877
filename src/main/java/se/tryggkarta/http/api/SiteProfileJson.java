package se.tryggkarta.http.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.tryggkarta.hotspot.sites.SiteProfile;

/**
 * A members' site profile as JSON: {@code hourOfWeek} (7 rows Monday..Sunday of 12 two-hour blocks
 * 00–02..22–24, local time), {@code categories} (code → count, most first), {@code previous} (the
 * previous comparable period: from, to, events, covered), {@code change} (null when the previous
 * period is not covered by data) and {@code spaceTimeClass} (the emerging hot spot class slug of
 * the site's hexagon; null when the period is too short for a trend). Stateless.
 */
final class SiteProfileJson {
  private SiteProfileJson() {}

  static Map<String, Object> profile(SiteProfile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", p.events());
    int[] counts = p.hourOfWeek();
    List<int[]> rows = new ArrayList<>();
    for (int d = 0; d < SiteProfile.WEEKDAYS; d++) {
      int[] row = new int[SiteProfile.BLOCKS];
      System.arraycopy(counts, d * SiteProfile.BLOCKS, row, 0, SiteProfile.BLOCKS);
      rows.add(row);
    }
    m.put("hourOfWeek", rows);
    m.put("categories", p.categories());
    Map<String, Object> previous = new LinkedHashMap<>();
    previous.put("from", p.previous().from().toString());
    previous.put("to", p.previous().to().toString());
    previous.put("events", p.previous().events());
    previous.put("covered", p.previous().covered());
    m.put("previous", previous);
    m.put("change", p.previous().covered() ? p.change() : null);
    m.put("spaceTimeClass", p.spaceTimeClass().orElse(null));
    return m;
  }
}
