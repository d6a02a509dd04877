package se.tryggkarta.lighting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.lighting.coverage.CoverageResult;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.coverage.CoverageSummary;
import se.tryggkarta.lighting.coverage.LampCoverage;
import se.tryggkarta.lighting.coverage.LampPoint;
import se.tryggkarta.lighting.coverage.SegmentCoverage;
import se.tryggkarta.lighting.coverage.StreetLine;
import se.tryggkarta.lighting.priority.IncidentPoint;
import se.tryggkarta.lighting.priority.KernelNightDensity;
import se.tryggkarta.lighting.priority.NightDensity;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.lighting.priority.PriorityRanking;
import se.tryggkarta.lighting.priority.ReportIndex;
import se.tryggkarta.lighting.priority.ReportPoint;
import se.tryggkarta.place.Address;
import se.tryggkarta.place.PlaceIndex;
import se.tryggkarta.place.PlaceService;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Lighting coverage, priorities and what-if for a workspace. Reads the streets, lamps, incidents
 * and unsafe-places layers through the {@link LayerStore} port on every call (no cache) and
 * computes in the workspace's projected CRS. Throws NOT_FOUND for an unknown workspace and
 * UNPROCESSABLE (field {@code streets} or {@code lamps}) when the workspace has no street network
 * or no lamps. Thread-safe.
 */
public final class LightingService {
  /** Segments and candidates within this distance (metres) of a changed lamp form its area. */
  public static final double WHAT_IF_AREA_METERS = 100;

  private static final GeometryFactory GF = new GeometryFactory();
  private final WorkspaceService workspaces;
  private final LayerStore layers;
  private final OpenActions openActions;
  private final PlaceService places;

  public LightingService(WorkspaceService workspaces, LayerStore layers) {
    this(workspaces, layers, OpenActions.NONE, new PlaceService(layers));
  }

  /**
   * With the actions already open on work-list items, which the work list marks, and the
   * workspace's place names for the explanations (the nearest named place or street of the work).
   */
  public LightingService(
      WorkspaceService workspaces,
      LayerStore layers,
      OpenActions openActions,
      PlaceService places) {
    this.workspaces = workspaces;
    this.layers = layers;
    this.openActions = openActions;
    this.places = places;
  }

  /** Coverage of the workspace's street network by its working lamps. */
  public NetworkCoverage coverage(String workspaceId, CoverageSettings settings) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    List<StreetLine> streets = streets(w);
    List<LampPoint> lamps = lamps(w, settings);
    return new NetworkCoverage(w, LampCoverage.compute(streets, lamps, settings));
  }

  /**
   * The lit intervals of every street segment of the workspace under its working lamps at the
   * default radius ({@link CoverageSettings#DEFAULT}), lamps beating {@code lit} tags: the same
   * figures as {@link #coverage} without parameters, which the lighting map shows. Unlike {@link
   * #coverage} it does not refuse a workspace without lamps or streets: the street graph of the
   * safe route and the walks asks for it on every rebuild, and a network without lamps is lit by
   * its tags alone (no streets: no segments).
   */
  public CoverageResult litStreets(String workspaceId) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    CoverageSettings settings = CoverageSettings.DEFAULT;
    return LampCoverage.compute(readStreets(w), readLamps(w, settings), settings);
  }

  /**
   * What a ranking weighs besides the lamps: night incidents (weighted points) and unsafe-place
   * reports, in the workspace's CRS. Members' evidence is the raw records; the public's comes from
   * a release's protected counts ({@link PublishedEvidence}).
   */
  public record Evidence(
      List<IncidentPoint> nightIncidents, List<ReportPoint> reports, int nightIncidentCount) {
    public Evidence {
      nightIncidents = List.copyOf(nightIncidents);
      reports = List.copyOf(reports);
    }

    /** Raw records: one point per night incident. */
    public static Evidence of(List<IncidentPoint> nightIncidents, List<ReportPoint> reports) {
      return new Evidence(nightIncidents, reports, nightIncidents.size());
    }
  }

  /** The evidence indexed for ranking. */
  private record Indexed(Evidence evidence, NightDensity night, ReportIndex reports) {}

  private static Indexed index(Evidence e, LightingRequest request) {
    return new Indexed(
        e,
        new KernelNightDensity(e.nightIncidents(), request.weights().bandwidthMeters()),
        new ReportIndex(e.reports()));
  }

  private Indexed evidence(Workspace w, LightingRequest request) {
    return index(Evidence.of(nightIncidents(w, request), reports(w, request)), request);
  }

  /** Every repair and new-light candidate, ranked best first, on the raw records (members). */
  public PriorityList priorities(String workspaceId, LightingRequest request) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    return priorities(w, request, evidence(w, request));
  }

  /**
   * Every repair and new-light candidate ranked on the given evidence (the public's: a release's
   * protected counts); the request's time and night window describe that evidence.
   */
  public PriorityList priorities(String workspaceId, LightingRequest request, Evidence evidence) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    return priorities(w, request, index(evidence, request));
  }

  private PriorityList priorities(Workspace w, LightingRequest request, Indexed e) {
    List<StreetLine> streets = streets(w);
    List<LampPoint> lamps = lamps(w, request.coverage());
    CoverageResult coverage = LampCoverage.compute(streets, lamps, request.coverage());
    PlaceIndex names = places.index(w.id());
    List<Priority> ranked =
        PriorityRanking.rank(
            coverage,
            lamps,
            e.night(),
            e.reports(),
            request.weights(),
            request.night(),
            xy -> {
              Address a = names.addressOf(w.crs().toLonLat(xy));
              return a.isEmpty() ? Optional.empty() : Optional.of(a.label());
            });
    return new PriorityList(
        w,
        request,
        coverage.summary(),
        ranked,
        e.evidence().nightIncidentCount(),
        openActions.byItem(w.id()));
  }

  /** How coverage and the area's priority score change with a planned repair or new lamps. */
  public WhatIfResult whatIf(String workspaceId, LightingRequest request, PlannedChange change) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    List<StreetLine> streets = streets(w);
    List<LampPoint> before = lamps(w, request.coverage());
    Map<String, LampPoint> byId = new HashMap<>();
    before.forEach(l -> byId.put(l.id(), l));
    Set<String> repair = new HashSet<>();
    List<Point> changed = new ArrayList<>();
    for (String id : change.repairLampIds()) {
      LampPoint l = byId.get(id);
      if (l == null) {
        throw DomainException.invalid("repair", "no lamp with id '" + id + "' in " + w.id());
      }
      if (l.status() == LampStatus.WORKING) {
        throw DomainException.invalid("repair", "lamp '" + id + "' is already working");
      }
      repair.add(id);
      changed.add(point(l.position()));
    }
    List<LampPoint> after = new ArrayList<>(before.size() + change.newLamps().size());
    for (LampPoint l : before) {
      after.add(repair.contains(l.id()) ? l.withStatus(LampStatus.WORKING) : l);
    }
    int i = 0;
    for (LonLat p : change.newLamps()) {
      XY xy = w.crs().toXY(p);
      after.add(
          new LampPoint(
              "planned-" + (++i),
              xy,
              LampStatus.WORKING,
              request.coverage().defaultRadiusMeters()));
      changed.add(point(xy));
    }
    Indexed e = evidence(w, request);
    CoverageResult cb = LampCoverage.compute(streets, before, request.coverage());
    CoverageResult ca = LampCoverage.compute(streets, after, request.coverage());
    List<Priority> pb =
        PriorityRanking.rank(
            cb, before, e.night(), e.reports(), request.weights(), request.night());
    List<Priority> pa =
        PriorityRanking.rank(ca, after, e.night(), e.reports(), request.weights(), request.night());
    Geometry area = GF.buildGeometry(changed);
    Set<String> afterIds = new HashSet<>();
    double scoreAfter = 0;
    for (Priority p : pa) {
      afterIds.add(p.id());
      if (p.targetMeters().isWithinDistance(area, WHAT_IF_AREA_METERS)) {
        scoreAfter += p.score();
      }
    }
    double scoreBefore = 0;
    List<String> resolved = new ArrayList<>();
    for (Priority p : pb) {
      if (p.targetMeters().isWithinDistance(area, WHAT_IF_AREA_METERS)) {
        scoreBefore += p.score();
        if (!afterIds.contains(p.id())) {
          resolved.add(p.id());
        }
      }
    }
    return new WhatIfResult(
        cb.summary(),
        ca.summary(),
        areaSummary(cb, area, before),
        areaSummary(ca, area, after),
        scoreBefore,
        scoreAfter,
        resolved);
  }

  private static CoverageSummary areaSummary(
      CoverageResult r, Geometry area, List<LampPoint> lamps) {
    List<SegmentCoverage> in = new ArrayList<>();
    for (SegmentCoverage s : r.segments()) {
      if (s.street().lineMeters().isWithinDistance(area, WHAT_IF_AREA_METERS)) {
        in.add(s);
      }
    }
    double total = 0;
    double litLamps = 0;
    double litTag = 0;
    double darkBroken = 0;
    double darkMissing = 0;
    double untagged = 0;
    int stretches = 0;
    for (SegmentCoverage s : in) {
      total += s.lengthMeters();
      switch (s.source()) {
        case LAMPS -> litLamps += s.litMeters();
        case TAG -> litTag += s.litMeters();
        case NONE -> untagged += s.darkMissingMeters();
      }
      darkBroken += s.darkBrokenMeters();
      darkMissing += s.darkMissingMeters();
      stretches += s.stretches().size();
    }
    int[] counts = new int[3];
    for (LampPoint l : lamps) {
      if (point(l.position()).isWithinDistance(area, WHAT_IF_AREA_METERS)) {
        counts[l.status().ordinal()]++;
      }
    }
    return new CoverageSummary(
        in.size(),
        total,
        litLamps,
        litTag,
        darkBroken,
        darkMissing,
        untagged,
        counts[LampStatus.WORKING.ordinal()],
        counts[LampStatus.BROKEN.ordinal()],
        counts[LampStatus.PLANNED.ordinal()],
        stretches);
  }

  private static Point point(XY xy) {
    return GF.createPoint(new Coordinate(xy.x(), xy.y()));
  }

  private List<StreetLine> streets(Workspace w) {
    List<StreetLine> out = readStreets(w);
    if (out.isEmpty()) {
      throw new DomainException(
          ErrorKind.UNPROCESSABLE,
          "streets",
          "workspace '"
              + w.id()
              + "' has no street network: import the streets layer before asking for lighting");
    }
    return out;
  }

  private List<StreetLine> readStreets(Workspace w) {
    Crs crs = w.crs();
    List<StreetLine> out = new ArrayList<>();
    layers.scan(
        w.id(),
        Layer.STREETS,
        LayerQuery.ALL,
        r -> {
          StreetSegment s = (StreetSegment) r;
          out.add(
              new StreetLine(
                  s.externalId(),
                  (LineString) crs.fromWgs84(s.geometryWgs84()),
                  s.highway(),
                  s.lit(),
                  s.name(),
                  footfall(s.extra().get("footfall"))));
        });
    return out;
  }

  private static OptionalDouble footfall(Object v) {
    if (v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
      return OptionalDouble.of(n.doubleValue());
    }
    if (v instanceof String s) {
      try {
        double d = Double.parseDouble(s.strip());
        return Double.isFinite(d) && d >= 0 ? OptionalDouble.of(d) : OptionalDouble.empty();
      } catch (NumberFormatException e) {
        return OptionalDouble.empty();
      }
    }
    return OptionalDouble.empty();
  }

  private List<LampPoint> lamps(Workspace w, CoverageSettings settings) {
    List<LampPoint> out = readLamps(w, settings);
    if (out.isEmpty()) {
      throw new DomainException(
          ErrorKind.UNPROCESSABLE,
          "lamps",
          "workspace '"
              + w.id()
              + "' has no lamps: import the lamps layer before asking for"
              + " lighting");
    }
    return out;
  }

  private List<LampPoint> readLamps(Workspace w, CoverageSettings settings) {
    Crs crs = w.crs();
    List<LampPoint> out = new ArrayList<>();
    layers.scan(
        w.id(),
        Layer.LAMPS,
        LayerQuery.ALL,
        r -> {
          Lamp l = (Lamp) r;
          out.add(
              new LampPoint(
                  l.externalId(),
                  crs.toXY(l.location()),
                  l.status(),
                  settings.radiusMeters(l.powerWatts(), l.lumens())));
        });
    return out;
  }

  private List<IncidentPoint> nightIncidents(Workspace w, LightingRequest request) {
    Crs crs = w.crs();
    List<IncidentPoint> out = new ArrayList<>();
    layers.scan(
        w.id(),
        Layer.INCIDENTS,
        LayerQuery.ALL.withTime(request.time()),
        r -> {
          Incident i = (Incident) r;
          if (request.night().contains(i.occurredAt(), w.timeZone())) {
            out.add(new IncidentPoint(crs.toXY(i.location()), i.weight()));
          }
        });
    return out;
  }

  private List<ReportPoint> reports(Workspace w, LightingRequest request) {
    Crs crs = w.crs();
    List<ReportPoint> out = new ArrayList<>();
    layers.scan(
        w.id(),
        Layer.UNSAFE_PLACES,
        LayerQuery.ALL.withTime(request.time()),
        r -> {
          UnsafePlace u = (UnsafePlace) r;
          out.add(new ReportPoint(crs.toXY(u.location()), ReportPoint.isDarkness(u.category())));
        });
    return out;
  }
}
