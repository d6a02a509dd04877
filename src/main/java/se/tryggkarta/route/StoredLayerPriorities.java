package se.tryggkarta.route;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.Text;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.route.graph.LocalProjection;
import se.tryggkarta.route.graph.PointGrid;
import se.tryggkarta.route.graph.StreetGraph;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceSettings;

/**
 * Priority points from the stored layers:
 *
 * <ul>
 *   <li>clusters of unsafe-place reports: leader clustering in density order (each report, densest
 *       first, gathers the unassigned reports within {@value #CLUSTER_RADIUS_M} m);
 *   <li>clusters of at least {@value #MIN_INCIDENTS} incidents, clustered the same way, unless an
 *       unsafe-place cluster already lies within the radius;
 *   <li>dark stretches: edges of at least {@value #MIN_DARK_M} m tagged {@code lit=no}, or untagged
 *       with no working lamp within reach (when the workspace has lamps at all), not on a fragment
 *       of network and not in a road tunnel.
 * </ul>
 *
 * The weight is an explicit, tunable score: {@code w = reports + 0.5·night incidents + 0.2·other
 * incidents + 0.5·dark metres/100}, incidents counted within {@value #CLUSTER_RADIUS_M} m of the
 * point, night being the workspace's night hours ({@link WorkspaceSettings#night}, default 18–06)
 * in its time zone. Reasons and evidence name counts, hours and categories (by their display names)
 * only, never comments, in Swedish and English. Thread-safe.
 */
public final class StoredLayerPriorities implements PriorityPointSource {
  public static final double CLUSTER_RADIUS_M = 75;
  public static final int MIN_INCIDENTS = 5;
  public static final double MIN_DARK_M = 40;
  static final int MAX_DARK_STRETCHES = 20;

  /**
   * Street classes people walk on. An unlit one underground is a pedestrian underpass, a classic
   * unsafe place; an unlit road tunnel (a service tunnel for lorries) is no place for a safety
   * walk.
   */
  static final Set<String> PEDESTRIAN_WAYS =
      Set.of("footway", "path", "pedestrian", "steps", "cycleway", "trail", "living_street");

  private final LayerStore layers;
  private final NetworkService networks;

  public StoredLayerPriorities(LayerStore layers, NetworkService networks) {
    this.layers = layers;
    this.networks = networks;
  }

  @Override
  public List<PriorityPoint> priorityPoints(Workspace workspace) {
    String ws = workspace.id();
    WorkspaceSettings settings = workspace.settings();
    List<UnsafePlace> reports = new ArrayList<>();
    layers.scan(ws, Layer.UNSAFE_PLACES, LayerQuery.ALL, r -> reports.add((UnsafePlace) r));
    reports.sort(Comparator.comparing(UnsafePlace::externalId));
    List<Incident> incidents = new ArrayList<>();
    layers.scan(ws, Layer.INCIDENTS, LayerQuery.ALL, r -> incidents.add((Incident) r));
    incidents.sort(Comparator.comparing(Incident::externalId));
    StreetNetwork net = networks.network(ws);
    LocalProjection p =
        net.isEmpty()
            ? new LocalProjection(
                reports.isEmpty()
                    ? (incidents.isEmpty() ? new LonLat(0, 0) : incidents.get(0).location())
                    : reports.get(0).location())
            : net.graph().projection();
    ZoneId zone = workspace.timeZone();
    List<LonLat> reportLocations = reports.stream().map(UnsafePlace::location).toList();
    List<LonLat> incidentLocations = incidents.stream().map(Incident::location).toList();
    PointGrid incidentGrid = new PointGrid(p, CLUSTER_RADIUS_M, incidentLocations);
    boolean[] night = new boolean[incidents.size()];
    for (int i = 0; i < incidents.size(); i++) {
      night[i] = settings.night().contains(incidents.get(i).occurredAt().atZone(zone).getHour());
    }
    Near nearby = new Near(incidentGrid, incidents, night);
    List<PriorityPoint> out = new ArrayList<>();
    List<LonLat> taken = new ArrayList<>();
    for (List<Integer> c : cluster(p, reportLocations)) {
      LonLat centre = centre(reportLocations, c);
      EventCounts near = nearby.counts(centre);
      EventCounts reported =
          EventCounts.of(c.stream().map(i -> reports.get(i).category()).toList(), 0);
      Set<String> members = new LinkedHashSet<>();
      c.forEach(i -> members.add(reports.get(i).externalId()));
      out.add(
          new PriorityPoint(
              "unsafe-" + reports.get(c.get(0)).externalId(),
              centre,
              c.size() + 0.5 * near.night() + 0.2 * (near.total() - near.night()),
              reported.reports(settings),
              near.incidents(settings, CLUSTER_RADIUS_M),
              PriorityPoint.Kind.UNSAFE_PLACES,
              c.size() + near.total(),
              members,
              OptionalInt.empty()));
      taken.add(centre);
    }
    for (List<Integer> c : cluster(p, incidentLocations)) {
      if (c.size() < MIN_INCIDENTS) {
        continue;
      }
      LonLat centre = centre(incidentLocations, c);
      if (near(p, taken, centre, CLUSTER_RADIUS_M)) {
        continue;
      }
      EventCounts n = nearby.counts(centre);
      out.add(
          new PriorityPoint(
              "incidents-" + incidents.get(c.get(0)).externalId(),
              centre,
              0.5 * n.night() + 0.2 * (n.total() - n.night()),
              Text.of("Samling av polisens händelser", "A cluster of police incidents"),
              n.incidents(settings, CLUSTER_RADIUS_M),
              PriorityPoint.Kind.INCIDENT_CLUSTER,
              n.total(),
              Set.of(),
              OptionalInt.empty()));
      taken.add(centre);
    }
    out.addAll(darkStretches(net, nearby, settings, taken));
    return out;
  }

  private List<PriorityPoint> darkStretches(
      StreetNetwork net, Near nearby, WorkspaceSettings settings, List<LonLat> taken) {
    StreetGraph g = net.graph();
    List<Integer> dark = new ArrayList<>();
    for (int e = 0; e < g.edgeCount(); e++) {
      boolean unlit = g.isLightingKnown(e) && g.litFraction(e) == 0;
      if (unlit
          && !g.isInSubnetwork(e)
          && !(g.isUnderground(e) && !PEDESTRIAN_WAYS.contains(g.highway(e)))
          && g.lengthMeters(e) >= MIN_DARK_M) {
        dark.add(e);
      }
    }
    dark.sort(Comparator.comparingDouble((Integer e) -> -g.lengthMeters(e)).thenComparing(e -> e));
    List<PriorityPoint> out = new ArrayList<>();
    for (int e : dark) {
      if (out.size() >= MAX_DARK_STRETCHES) {
        break;
      }
      LonLat mid = g.slice(e, 0.5, 0.5).get(0);
      if (near(g.projection(), taken, mid, CLUSTER_RADIUS_M)) {
        continue;
      }
      EventCounts n = nearby.counts(mid);
      double len = g.lengthMeters(e);
      boolean taggedUnlit = g.lit(e) == Lit.NO;
      Optional<String> street = g.name(e);
      Text reason =
          lang ->
              (lang == Lang.SV
                      ? (taggedUnlit ? "Obelyst sträcka, " : "Sträcka som ingen lampa når, ")
                      : (taggedUnlit ? "Unlit stretch, " : "Stretch no lamp reaches, "))
                  + lang.distance(len)
                  + street.map(name -> " (" + name + ")").orElse("");
      out.add(
          new PriorityPoint(
              "dark-" + g.segmentId(e) + "-" + e,
              mid,
              0.5 * len / 100 + 0.5 * n.night() + 0.2 * (n.total() - n.night()),
              reason,
              n.incidents(settings, CLUSTER_RADIUS_M),
              PriorityPoint.Kind.DARK_STRETCH,
              n.total(),
              Set.of(),
              OptionalInt.empty()));
      taken.add(mid);
    }
    return out;
  }

  /** Incidents near a point, by category and night, within the cluster radius. */
  private record Near(PointGrid grid, List<Incident> incidents, boolean[] night) {
    EventCounts counts(LonLat centre) {
      List<String> categories = new ArrayList<>();
      int atNight = 0;
      for (int i : grid.within(centre, CLUSTER_RADIUS_M)) {
        categories.add(incidents.get(i).category());
        if (night[i]) {
          atNight++;
        }
      }
      return EventCounts.of(categories, atNight);
    }
  }

  private static boolean near(LocalProjection p, List<LonLat> points, LonLat q, double r) {
    for (LonLat t : points) {
      if (Math.hypot(p.x(t.lon()) - p.x(q.lon()), p.y(t.lat()) - p.y(q.lat())) <= r) {
        return true;
      }
    }
    return false;
  }

  private static LonLat centre(List<LonLat> pts, List<Integer> members) {
    double lon = 0;
    double lat = 0;
    for (int i : members) {
      lon += pts.get(i).lon();
      lat += pts.get(i).lat();
    }
    return new LonLat(lon / members.size(), lat / members.size());
  }

  /**
   * Leader clustering in density order: points sorted by how many others lie within the radius
   * (ties by index); each unassigned point in turn gathers the unassigned points within the radius.
   * Deterministic for a given input order.
   */
  static List<List<Integer>> cluster(LocalProjection p, List<LonLat> pts) {
    PointGrid grid = new PointGrid(p, CLUSTER_RADIUS_M, pts);
    int[] density = new int[pts.size()];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pts.size(); i++) {
      density[i] = grid.within(pts.get(i), CLUSTER_RADIUS_M).size();
      order.add(i);
    }
    order.sort(Comparator.comparingInt((Integer i) -> -density[i]).thenComparingInt(i -> i));
    boolean[] assigned = new boolean[pts.size()];
    List<List<Integer>> clusters = new ArrayList<>();
    for (int seed : order) {
      if (assigned[seed]) {
        continue;
      }
      List<Integer> c = new ArrayList<>();
      c.add(seed);
      assigned[seed] = true;
      for (int j : grid.within(pts.get(seed), CLUSTER_RADIUS_M)) {
        if (!assigned[j]) {
          assigned[j] = true;
          c.add(j);
        }
      }
      clusters.add(c);
    }
    return clusters;
  }
}
