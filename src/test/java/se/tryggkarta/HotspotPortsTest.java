package se.tryggkarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.commitment.link.HotspotSite;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.hotspot.emerging.EmergingClass;
import se.tryggkarta.route.PriorityPoint;
import se.tryggkarta.route.WalkPlan;
import se.tryggkarta.route.WalkRequest;
import se.tryggkarta.workspace.Workspace;

/**
 * The hotspot engine feeds the walk planner and the commitment links on the synthetic demo town,
 * whose incidents are planted at the travel centre and the park.
 */
class HotspotPortsTest {
  /** A site "is at" a planted hotspot when its circle holds the hotspot's centre. */
  private static final GeometryFactory WGS84 = new GeometryFactory();

  @TempDir static Path dir;
  private static Wiring wiring;
  private static Workspace exempelby;

  @BeforeAll
  static void demoTown() {
    wiring =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30));
    ExempelbyGenerator.populateIfAbsent(wiring.store());
    exempelby = wiring.workspaces().getWorkspace(ExempelbyGenerator.WORKSPACE_ID);
  }

  @AfterAll
  static void close() {
    wiring.close();
  }

  @Test
  void commitmentSitesPutTheTravelCentreAndTheParkFirst() {
    List<HotspotSite> sites =
        HotspotPorts.commitmentSites(wiring.analyses(), wiring.store())
            .topSites(exempelby, TimeRange.ALL, Set.of(), 3);

    assertThat(sites).hasSize(3);
    assertThat(sites.get(0).rank()).isEqualTo(1);
    List<Geometry> topTwo = List.of(sites.get(0).areaWgs84(), sites.get(1).areaWgs84());
    assertThat(topTwo).anyMatch(a -> a.contains(point(ExempelbyGenerator.RESECENTRUM_CENTRE)));
    assertThat(topTwo).anyMatch(a -> a.contains(point(ExempelbyGenerator.PARKEN_CENTRE)));
    assertThat(sites.get(0).eventCount()).isGreaterThanOrEqualTo(sites.get(2).eventCount() / 2);
  }

  @Test
  void commitmentSitesAreEmptyForAPeriodWithoutIncidents() {
    TimeRange before =
        TimeRange.of(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("1991-01-01T00:00:00Z"));
    assertThat(
            HotspotPorts.commitmentSites(wiring.analyses(), wiring.store())
                .topSites(exempelby, before, Set.of(), 5))
        .isEmpty();
  }

  @Test
  void walkStopsOfferTheHotspotsWithTheRankTheSitesApiGivesAndTheirCounts() {
    List<PriorityPoint> stops =
        HotspotPorts.walkStops(wiring.analyses(), wiring.store()).priorityPoints(exempelby);

    assertThat(stops).isNotEmpty().allMatch(p -> p.kind() == PriorityPoint.Kind.HOTSPOT);
    assertThat(stops).allMatch(p -> p.events() > 0 && p.weight() > 0);
    var apiSites =
        HotspotPorts.apiSites(
            wiring.analyses(),
            wiring.store(),
            exempelby.id(),
            TimeRange.ALL,
            Set.of(),
            HotspotPorts.WALK_SITES);
    for (PriorityPoint p : stops) {
      int rank = p.hotspotRank().orElseThrow();
      assertThat(p.reason().in(Lang.SV)).startsWith("Hotspot " + rank + " ");
      assertThat(p.reason().in(Lang.EN)).startsWith("Hotspot " + rank + " ");
      assertThat(p.id()).isEqualTo("hotspot-" + apiSites.get(rank - 1).id());
      // what lies behind it: the workspace's night (18-06) and categories by their names
      assertThat(p.evidence().in(Lang.SV)).contains("kl. 18–06").doesNotContain("theft");
    }
  }

  @Test
  void walkStopsNameTheirSitesBusiestTwoHourBlocksInLocalTime() {
    List<PriorityPoint> stops =
        HotspotPorts.walkStops(wiring.analyses(), wiring.store()).priorityPoints(exempelby);
    var sites =
        HotspotPorts.apiSiteResult(
            wiring.analyses(),
            wiring.store(),
            exempelby.id(),
            TimeRange.ALL,
            Set.of(),
            HotspotPorts.WALK_SITES);
    assertThat(stops).isNotEmpty();
    for (PriorityPoint p : stops) {
      var site = sites.sites().get(p.hotspotRank().orElseThrow() - 1);
      var profile = sites.profile(site).orElseThrow();
      assertThat(profile.events()).isEqualTo(site.eventsCovered());
      var top = profile.busiestBlocks(1).get(0);
      String sv =
          top.weekday()
                  .getDisplayName(java.time.format.TextStyle.SHORT, Lang.SV.locale())
                  .replace(".", "")
              + String.format(
                  " %02d–%02d (%d)", top.startHour(), top.startHour() + 2, top.events());
      assertThat(p.evidence().in(Lang.SV)).contains("Flest händelser: " + sv);
      assertThat(p.evidence().in(Lang.EN)).contains("Most incidents: ");
    }
  }

  @Test
  void sitesOverThreeYearsCarryTheSpaceTimeClassOfTheirHexagonAndWalkStopsNameIt() {
    var sites =
        HotspotPorts.apiSiteResult(
            wiring.analyses(),
            wiring.store(),
            exempelby.id(),
            TimeRange.ALL,
            Set.of(),
            HotspotPorts.WALK_SITES);
    // The same selection by month on hexagons as wide as a site, asked of the emerging analysis
    // directly: 36 months of the demo, far past the ten steps a class needs.
    var first = sites.sites().get(0);
    var emerging =
        wiring
            .hotspots()
            .emerging(
                exempelby.id(),
                new se.tryggkarta.hotspot.EmergingRequest(
                    se.tryggkarta.hotspot.EventFilter.all(se.tryggkarta.layer.Layer.INCIDENTS)
                        .withTime(
                            TimeRange.of(
                                ExempelbyGenerator.PERIOD_START, ExempelbyGenerator.PERIOD_END)),
                    Optional.of(2 * first.radiusMeters()),
                    Optional.empty(),
                    se.tryggkarta.hotspot.emerging.TimeStep.MONTH,
                    1,
                    0.05));
    for (var site : sites.sites()) {
      String slug = sites.profile(site).orElseThrow().spaceTimeClass().orElseThrow();
      assertThat(slug).isEqualTo(emerging.classAt(site.centre()).orElseThrow().slug());
    }
    // The travel centre and the park are planted every month of the three years.
    var top = EmergingClass.ofSlug(sites.profile(first).orElseThrow().spaceTimeClass().get());
    assertThat(top).get().matches(EmergingClass::isHot, "a hot class");

    List<PriorityPoint> stops =
        HotspotPorts.walkStops(wiring.analyses(), wiring.store()).priorityPoints(exempelby);
    for (PriorityPoint p : stops) {
      var site = sites.sites().get(p.hotspotRank().orElseThrow() - 1);
      var c = EmergingClass.ofSlug(sites.profile(site).orElseThrow().spaceTimeClass().get()).get();
      assertThat(p.evidence().in(Lang.SV))
          .endsWith("Utveckling över tid: " + c.displayName(Lang.SV) + ".");
      assertThat(p.evidence().in(Lang.EN))
          .endsWith("Trend over time: " + c.displayName(Lang.EN) + ".");
    }
  }

  @Test
  void aWalkFromTheTravelCentreStopsAtAHotspot() {
    WalkPlan plan =
        wiring
            .walkPlanner()
            .plan(
                ExempelbyGenerator.WORKSPACE_ID,
                WalkRequest.of(ExempelbyGenerator.RESECENTRUM_CENTRE, 3000));

    assertThat(plan.stops()).anyMatch(s -> s.kind() == PriorityPoint.Kind.HOTSPOT);
  }

  private static Geometry point(LonLat p) {
    return WGS84.createPoint(new Coordinate(p.lon(), p.lat()));
  }
}
