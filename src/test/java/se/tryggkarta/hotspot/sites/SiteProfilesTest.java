package se.tryggkarta.hotspot.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.index.EventColumns;
import se.tryggkarta.hotspot.index.EventQuery;
import se.tryggkarta.hotspot.index.EventSelection;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.workspace.Workspace;

class SiteProfilesTest {
  static final Workspace W = Workspace.of("kungalv", "Kungälv");
  static final LonLat CENTRE = new LonLat(11.98, 57.87);

  /** A point {@code eastMeters} east of the centre, in WGS84 (about 59 000 m per degree here). */
  static LonLat east(double eastMeters) {
    XY c = W.crs().toXY(CENTRE);
    return W.crs().toLonLat(new XY(c.x() + eastMeters, c.y()));
  }

  static EventColumns columns() {
    EventColumns.Builder b = EventColumns.builder(W, Layer.INCIDENTS);
    // Inside a 100 m site: Friday 2025-01-10 23:30 local (22:30Z, winter, UTC+1) → fri 22–24;
    // Saturday 2025-07-12 00:30 local (22:30Z on the 11th, summer, UTC+2) → sat 00–02;
    // Monday 2025-03-31 01:59 local (23:59Z on the 30th, just after the spring change) → mon 00–02.
    add(b, east(10), "2025-01-10T22:30:00Z", "theft");
    add(b, east(50), "2025-07-11T22:30:00Z", "violence");
    add(b, east(99), "2025-03-30T23:59:00Z", "theft");
    // Outside the radius (101 m), in the analysed period: counted nowhere.
    add(b, east(101), "2025-02-01T12:00:00Z", "theft");
    // The previous period (2024): two inside, one outside.
    add(b, east(0), "2024-05-01T10:00:00Z", "theft");
    add(b, east(-80), "2024-09-01T10:00:00Z", "drugs");
    add(b, east(-150), "2024-09-02T10:00:00Z", "drugs");
    return b.build(1);
  }

  static void add(EventColumns.Builder b, LonLat at, String time, String category) {
    b.accept(at.lon(), at.lat(), Instant.parse(time).toEpochMilli(), category, 1);
  }

  @Test
  void countsTheSitesEventsByLocalWeekdayAndTwoHourBlockAcrossDaylightSaving() {
    EventColumns c = columns();
    Instant from = Instant.parse("2024-12-31T23:00:00Z");
    Instant to = Instant.parse("2025-12-31T23:00:00Z");
    Instant previousFrom = Instant.parse("2023-12-31T23:00:00Z");
    EventSelection current = c.select(EventQuery.ALL.withPeriod(TimeRange.of(from, to)));
    EventSelection previous = c.select(EventQuery.ALL.withPeriod(TimeRange.of(previousFrom, from)));
    PatrolSite site = new PatrolSite(1, "site-1", W.crs().toXY(CENTRE), 100, 3.0, 3);

    SiteProfile p =
        SiteProfiles.of(List.of(site), current, previous, previousFrom, from, true, W.timeZone())
            .get(0);

    assertThat(p.siteId()).isEqualTo("site-1");
    assertThat(p.events()).isEqualTo(3).isEqualTo(site.eventsCovered());
    assertThat(p.count(DayOfWeek.FRIDAY, 22)).isEqualTo(1);
    assertThat(p.count(DayOfWeek.SATURDAY, 0)).isEqualTo(1);
    assertThat(p.count(DayOfWeek.MONDAY, 0)).isEqualTo(1);
    assertThat(p.count(DayOfWeek.SUNDAY, 22)).isZero();
    assertThat(p.categories()).containsExactly(entry("theft", 2), entry("violence", 1));
    assertThat(p.previous().events()).isEqualTo(2);
    assertThat(p.previous().from()).isEqualTo(previousFrom);
    assertThat(p.previous().to()).isEqualTo(from);
    assertThat(p.change()).isEqualTo(1);
    assertThat(p.busiestBlocks(2))
        .containsExactly(
            new SiteProfile.Block(DayOfWeek.MONDAY, 0, 1),
            new SiteProfile.Block(DayOfWeek.FRIDAY, 22, 1));
    assertThat(p.spaceTimeClass()).isEmpty();
  }

  @Test
  void theHourOfWeekCountsAreACopy() {
    int[] counts = new int[84];
    counts[0] = 5;
    SiteProfile p =
        new SiteProfile(
            "s",
            counts,
            java.util.Map.of("theft", 5),
            new SiteProfile.Comparison(Instant.EPOCH, Instant.EPOCH.plusSeconds(1), 0, false),
            java.util.Optional.empty());
    counts[0] = 99;
    p.hourOfWeek()[0] = 99;
    assertThat(p.count(DayOfWeek.MONDAY, 0)).isEqualTo(5);
  }

  private static java.util.Map.Entry<String, Integer> entry(String k, int v) {
    return java.util.Map.entry(k, v);
  }
}
