package se.tryggkarta;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.commitment.link.HotspotSite;
import se.tryggkarta.commitment.link.PublishedCounts;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.DensityMap;
import se.tryggkarta.hotspot.SitesResult;
import se.tryggkarta.hotspot.grid.PointSet;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.lighting.LightingService;
import se.tryggkarta.lighting.PublishedEvidence;
import se.tryggkarta.lighting.priority.IncidentPoint;
import se.tryggkarta.lighting.priority.ReportPoint;
import se.tryggkarta.release.CategoryGroup;
import se.tryggkarta.release.ReleasePeriod;
import se.tryggkarta.release.ReleaseSelection;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.release.ReleaseSettings;
import se.tryggkarta.release.Slice;
import se.tryggkarta.route.RiskSurface;
import se.tryggkarta.workspace.Workspace;

/**
 * Adapters that give lighting, commitments and the safe router the public's evidence: a release's
 * protected counts, through the ports those features declare ({@link PublishedEvidence}, {@link
 * PublishedCounts}, {@link RiskSurface}). They live beside {@link Wiring} because only the
 * composition root may know two features at once. Thread-safe.
 */
final class ReleasePorts {
  private static final GeometryFactory GF = new GeometryFactory();

  private ReleasePorts() {}

  /**
   * Lighting's public evidence for a release period: the night slice of all incidents as weighted
   * points, and every unsafe-place group's counts as reports (darkness when the group's categories
   * are darkness categories).
   */
  static PublishedEvidence lighting(ReleaseService releases) {
    return (workspaceId, version, period) -> {
      ReleaseSettings s = releases.settings(workspaceId);
      List<IncidentPoint> night = new ArrayList<>();
      int nightCount = 0;
      if (s.layers().contains(Layer.INCIDENTS)) {
        PointSet p =
            releases.points(
                select(
                    releases, workspaceId, period, Layer.INCIDENTS, CategoryGroup.ALL, Slice.NIGHT),
                version);
        for (int i = 0; i < p.size(); i++) {
          night.add(new IncidentPoint(p.xy(i), p.weight(i), (int) p.weight(i)));
          nightCount += (int) p.weight(i);
        }
      }
      List<ReportPoint> reports = new ArrayList<>();
      if (s.layers().contains(Layer.UNSAFE_PLACES)) {
        List<CategoryGroup> groups = s.groupsOf(Layer.UNSAFE_PLACES);
        List<String> ids = new ArrayList<>();
        groups.forEach(g -> ids.add(g.id()));
        ids.add(groups.isEmpty() ? CategoryGroup.ALL : CategoryGroup.OTHER);
        for (String id : ids) {
          boolean darkness =
              groups.stream()
                  .filter(g -> g.id().equals(id))
                  .anyMatch(g -> g.categories().stream().allMatch(ReportPoint::isDarkness));
          PointSet p =
              releases.points(
                  select(releases, workspaceId, period, Layer.UNSAFE_PLACES, id, Slice.ALL),
                  version);
          for (int i = 0; i < p.size(); i++) {
            for (int k = 0; k < (int) p.weight(i); k++) {
              reports.add(new ReportPoint(p.xy(i), darkness));
            }
          }
        }
      }
      return new LightingService.Evidence(night, reports, nightCount);
    };
  }

  /** Commitments' public figures: release sites and protected monthly counts in areas. */
  static PublishedCounts commitments(ReleaseService releases, LayerStore versions) {
    return new PublishedCounts() {
      @Override
      public TimeRange period(Workspace w, Optional<String> releasePeriod) {
        return sel(w, releasePeriod).period().timeRange(w.timeZone());
      }

      @Override
      public List<HotspotSite> topSites(Workspace w, Optional<String> releasePeriod, int n) {
        SitesResult r = releases.sites(sel(w, releasePeriod), versions.dataVersion(w.id()), n);
        List<HotspotSite> out = new ArrayList<>();
        for (SitesResult.PublicCell c : r.publicCells()) {
          var b = c.cellXY();
          Geometry cell = GF.toGeometry(new Envelope(b.minX(), b.maxX(), b.minY(), b.maxY()));
          out.add(
              new HotspotSite(
                  c.rank(),
                  "cell-" + Math.round(b.minX()) + "-" + Math.round(b.minY()),
                  w.crs().toWgs84(cell),
                  c.events()));
        }
        return out;
      }

      @Override
      public Optional<YearMonth> lastMonth(Workspace w) {
        return releases.catalog(w.id()).periods().stream()
            .filter(p -> p.kind() == ReleasePeriod.Kind.MONTH)
            .map(ReleasePeriod::last)
            .max(YearMonth::compareTo);
      }

      @Override
      public MonthlyCounts monthly(
          Workspace w, Set<String> categories, Geometry areaXY, YearMonth from, YearMonth to) {
        ReleaseSettings s = releases.settings(w.id());
        Optional<CategoryGroup> exact =
            s.groupsOf(Layer.INCIDENTS).stream()
                .filter(g -> g.categories().equals(Set.copyOf(lower(categories))))
                .findFirst();
        String group =
            categories.isEmpty()
                ? CategoryGroup.ALL
                : exact.map(CategoryGroup::id).orElse(CategoryGroup.ALL);
        ReleaseService.AreaCounts counts =
            releases.monthlyCountsIn(
                w.id(), versions.dataVersion(w.id()), Layer.INCIDENTS, group, areaXY, from, to);
        return new MonthlyCounts(
            counts.counts(),
            counts.noiseVariancePerMonth(),
            !categories.isEmpty() && exact.isEmpty(),
            w.privacy().minEvents());
      }

      private ReleaseSelection sel(Workspace w, Optional<String> releasePeriod) {
        return releases.select(
            w.id(),
            releasePeriod,
            Optional.of(Layer.INCIDENTS.slug()),
            Optional.empty(),
            Optional.empty());
      }
    };
  }

  /**
   * The safe router's public risk: the density of the night slice of all incidents in the default
   * release, read at a point (events per km²; the router makes it relative).
   */
  static RiskSurface.Source risk(ReleaseService releases, LayerStore versions) {
    return workspace -> {
      ReleaseSelection sel =
          releases.select(
              workspace.id(),
              Optional.empty(),
              Optional.of(Layer.INCIDENTS.slug()),
              Optional.empty(),
              Optional.of(Slice.NIGHT.slug()));
      DensityMap m = releases.density(sel, versions.dataVersion(workspace.id()));
      return (LonLat p) -> {
        XY xy = workspace.crs().toXY(p);
        return m.density().valueAt(xy);
      };
    };
  }

  private static List<String> lower(Set<String> categories) {
    return categories.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private static ReleaseSelection select(
      ReleaseService releases, String ws, String period, Layer layer, String group, Slice slice) {
    return releases.select(
        ws,
        Optional.of(period),
        Optional.of(layer.slug()),
        Optional.of(group),
        Optional.of(slice.slug()));
  }
}
