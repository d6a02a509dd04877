package se.tryggkarta.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.Text;
import se.tryggkarta.route.graph.Dijkstra;
import se.tryggkarta.route.graph.EdgeCost;
import se.tryggkarta.route.graph.LocalProjection;
import se.tryggkarta.route.graph.Location;
import se.tryggkarta.route.graph.ShortestPathTree;
import se.tryggkarta.route.graph.Snapper;
import se.tryggkarta.route.graph.StreetPath;
import se.tryggkarta.route.walk.Orienteering;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Plans a safety walk (trygghetsvandring): from a meeting point, within a length budget, through
 * the priority points that matter most.
 *
 * <ol>
 *   <li>Collect priority points from every {@link PriorityPointSource}; resolve {@code mustVisit}
 *       and explicit {@code candidates} (by point id or by an unsafe-place report id it gathers).
 *   <li>Keep the {@code maxCandidates} heaviest points whose straight-line distance fits the budget
 *       (there and back for a loop), and snap them to the street.
 *   <li>One Dijkstra by length from the start and from every candidate gives the many-to-many
 *       walking distance matrix.
 *   <li>{@link Orienteering} chooses and orders the stops; the legs are then read off the same
 *       shortest-path trees.
 * </ol>
 *
 * <p>Real, cut networks: points never snap to fragments or into tunnels ({@link Snapper}); a point
 * that had a nearer street of that kind, candidates on streets the start is not connected to, and a
 * walk that uses less than {@value #SHORT_WALK_SHARE} of its budget are explained in the plan's
 * warnings, naming the point.
 *
 * <p>Thread-safe.
 */
public final class WalkPlanner {
  /** Below this share of the length budget a plan says why it is not longer. */
  public static final double SHORT_WALK_SHARE = 0.8;

  private final NetworkService networks;
  private final WorkspaceService workspaces;
  private final List<PriorityPointSource> sources;

  public WalkPlanner(
      NetworkService networks, WorkspaceService workspaces, List<PriorityPointSource> sources) {
    this.networks = networks;
    this.workspaces = workspaces;
    this.sources = List.copyOf(sources);
  }

  /**
   * Plans a walk. Throws INVALID_INPUT for unknown ids, UNPROCESSABLE when the start or a
   * must-visit stop is off the network or the must-visit stops alone need more than the budget.
   */
  public WalkPlan plan(String workspaceId, WalkRequest request) {
    Workspace ws = workspaces.getWorkspace(workspaceId);
    StreetNetwork net = networks.network(ws.id());
    Location start = net.snapper().snap("start", request.start(), Snapper.DEFAULT_MAX_DISTANCE_M);
    List<Text> warnings = new ArrayList<>();
    SnapNotes.skipped(net, start, Text.of("Samlingsplatsen", "The meeting point"))
        .ifPresent(warnings::add);
    Map<String, PriorityPoint> all = new LinkedHashMap<>();
    for (PriorityPointSource s : sources) {
      for (PriorityPoint p : s.priorityPoints(ws)) {
        all.putIfAbsent(p.id(), p);
      }
    }
    List<PriorityPoint> must = new ArrayList<>();
    for (String id : request.mustVisit()) {
      PriorityPoint p = resolve(all, "mustVisit", id);
      if (!must.contains(p)) {
        must.add(p);
      }
    }
    List<PriorityPoint> pool = new ArrayList<>();
    if (request.candidates().isPresent()) {
      for (String id : request.candidates().get()) {
        PriorityPoint p = resolve(all, "candidates", id);
        if (!pool.contains(p)) {
          pool.add(p);
        }
      }
    } else {
      pool.addAll(all.values());
    }
    pool.removeAll(must);
    LocalProjection proj = net.graph().projection();
    double reachFactor = request.loop() ? 2 : 1;
    int beforeReach = pool.size();
    pool.removeIf(
        p ->
            reachFactor * straight(proj, request.start(), p.location())
                > request.maxLengthMeters());
    int outOfStraightReach = beforeReach - pool.size();
    pool.sort(
        Comparator.comparingDouble((PriorityPoint p) -> -p.weight())
            .thenComparing(PriorityPoint::id));
    List<PriorityPoint> chosen = new ArrayList<>(must);
    List<Location> locations = new ArrayList<>();
    locations.add(start);
    for (PriorityPoint p : must) {
      Location l = net.snapper().snap("mustVisit", p.location(), Snapper.DEFAULT_MAX_DISTANCE_M);
      SnapNotes.skipped(
              net,
              l,
              Text.of(
                  "Det obligatoriska stoppet '" + p.id() + "'",
                  "The must-visit stop '" + p.id() + "'"))
          .ifPresent(warnings::add);
      if (net.graph().component(l.edge()) != net.graph().component(start.edge())) {
        throw new DomainException(
            ErrorKind.UNPROCESSABLE,
            "mustVisit",
            "must-visit stop '"
                + p.id()
                + "' lies on streets not connected to the meeting point's ("
                + position(p.location())
                + ")");
      }
      locations.add(l);
    }
    int unconnected = 0;
    Optional<PriorityPoint> firstUnconnected = Optional.empty();
    for (PriorityPoint p : pool) {
      if (chosen.size() >= Math.max(request.maxCandidates(), must.size())) {
        break;
      }
      Optional<Location> l = net.snapper().nearest(p.location());
      if (l.isEmpty() || l.get().distanceMeters() > Snapper.DEFAULT_MAX_DISTANCE_M) {
        warnings.add(
            Text.of(
                "'" + p.id() + "' ligger mer än 300 m från gatunätet och togs inte med",
                "'" + p.id() + "' lies more than 300 m from the street network; left out"));
        continue;
      }
      if (net.graph().component(l.get().edge()) != net.graph().component(start.edge())) {
        unconnected++;
        firstUnconnected = firstUnconnected.or(() -> Optional.of(p));
        continue;
      }
      chosen.add(p);
      locations.add(l.get());
    }
    if (unconnected > 0) {
      PriorityPoint p = firstUnconnected.orElseThrow();
      int n = unconnected;
      warnings.add(
          lang ->
              lang == Lang.SV
                  ? n
                      + " prioriterade platser ligger på gator som inte hänger ihop med"
                      + " samlingsplatsens, till exempel '"
                      + p.id()
                      + "' ("
                      + position(lang, p.location())
                      + "); vandringen kan inte nå dem"
                  : n
                      + " priority points lie on streets not connected to the meeting point's,"
                      + " for example '"
                      + p.id()
                      + "' ("
                      + position(lang, p.location())
                      + "); the walk cannot reach them");
    }
    int n = locations.size();
    Dijkstra dijkstra = new Dijkstra(net.graph(), EdgeCost.LENGTH);
    List<ShortestPathTree> trees = new ArrayList<>(n);
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      ShortestPathTree t = dijkstra.from(locations.get(i));
      trees.add(t);
      for (int j = 0; j < n; j++) {
        d[i][j] = i == j ? 0 : t.costTo(locations.get(j));
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        d[i][j] = d[j][i] = Math.max(d[i][j], d[j][i]);
      }
    }
    double[] prize = new double[n];
    double available = 0;
    for (int i = 1; i < n; i++) {
      prize[i] = chosen.get(i - 1).weight();
      available += prize[i];
    }
    List<Integer> mandatory = new ArrayList<>();
    for (int i = 1; i <= must.size(); i++) {
      if (!(d[0][i] < Double.POSITIVE_INFINITY)) {
        throw new DomainException(
            ErrorKind.UNPROCESSABLE,
            "mustVisit",
            "must-visit stop '" + must.get(i - 1).id() + "' cannot be reached from the start");
      }
      mandatory.add(i);
    }
    Orienteering o = new Orienteering(d, prize, request.maxLengthMeters(), request.loop());
    Orienteering.Tour tour =
        o.solve(mandatory)
            .orElseThrow(
                () ->
                    new DomainException(
                        ErrorKind.UNPROCESSABLE,
                        "mustVisit",
                        String.format(
                            Locale.ROOT,
                            "the must-visit stops need a walk of at least %.0f m, more than"
                                + " maxLengthM %.0f m",
                            o.mandatoryTour(mandatory).length(),
                            request.maxLengthMeters())));
    shortWalkNote(request, tour, d, chosen, outOfStraightReach).ifPresent(warnings::add);
    return assemble(request, start, chosen, locations, trees, tour, available, warnings, must);
  }

  /**
   * When the tour uses less than {@value #SHORT_WALK_SHARE} of the budget: either every candidate
   * is on it, or the cheapest candidate left would lengthen it past the budget (its cheapest
   * insertion, the same measure the solver uses), or candidates lie too far even in a straight
   * line.
   */
  private static Optional<Text> shortWalkNote(
      WalkRequest request,
      Orienteering.Tour tour,
      double[][] d,
      List<PriorityPoint> chosen,
      int leftOutOfReach) {
    double budget = request.maxLengthMeters();
    if (tour.length() >= SHORT_WALK_SHARE * budget) {
      return Optional.empty();
    }
    List<Integer> order = tour.order();
    double bestAdd = Double.POSITIVE_INFINITY;
    int best = -1;
    int left = 0;
    for (int c = 1; c < d.length; c++) {
      if (order.contains(c)) {
        continue;
      }
      left++;
      for (int i = 0; i <= order.size(); i++) {
        int prev = i == 0 ? 0 : order.get(i - 1);
        int next = i < order.size() ? order.get(i) : (request.loop() ? 0 : -1);
        double add = next < 0 ? d[prev][c] : d[prev][c] + d[c][next] - d[prev][next];
        if (add < bestAdd) {
          bestAdd = add;
          best = c;
        }
      }
    }
    double used = tour.length();
    int remaining = left;
    PriorityPoint nearest = best > 0 ? chosen.get(best - 1) : null;
    double add = bestAdd;
    int outOfReach = Math.max(0, leftOutOfReach);
    return Optional.of(
        lang -> {
          String head =
              lang == Lang.SV
                  ? "Vandringen är "
                      + lang.distance(used)
                      + " av "
                      + lang.distance(budget)
                      + " möjliga: "
                  : "The walk is "
                      + lang.distance(used)
                      + " of the "
                      + lang.distance(budget)
                      + " allowed: ";
          if (nearest != null && Double.isFinite(add)) {
            return head
                + (lang == Lang.SV
                    ? "av de "
                        + remaining
                        + " prioriterade platser som inte kom med skulle den närmaste, '"
                        + nearest.id()
                        + "', förlänga den med "
                        + lang.distance(add)
                        + " längs gatorna"
                    : "of the "
                        + remaining
                        + " priority points not on it, the nearest, '"
                        + nearest.id()
                        + "', would add "
                        + lang.distance(add)
                        + " along the streets");
          }
          if (outOfReach > 0) {
            return head
                + (lang == Lang.SV
                    ? "alla prioriterade platser inom räckhåll är med; övriga ligger för långt"
                        + " bort även fågelvägen"
                    : "every priority point within reach is on it; the others lie too far even as"
                        + " the crow flies");
          }
          return head
              + (lang == Lang.SV
                  ? "alla prioriterade platser i området är med"
                  : "every priority point in the area is on it");
        });
  }

  private static String position(Lang lang, LonLat p) {
    return lang.position(p);
  }

  private static String position(LonLat p) {
    return Lang.EN.position(p);
  }

  private static WalkPlan assemble(
      WalkRequest request,
      Location start,
      List<PriorityPoint> chosen,
      List<Location> locations,
      List<ShortestPathTree> trees,
      Orienteering.Tour tour,
      double available,
      List<Text> warnings,
      List<PriorityPoint> must) {
    List<Integer> seq = new ArrayList<>(tour.order());
    List<LonLat> coords = new ArrayList<>();
    coords.add(start.snapped());
    double length = 0;
    double lit = 0;
    double cost = 0;
    List<Integer> edges = new ArrayList<>();
    List<WalkStop> stops = new ArrayList<>();
    int prev = 0;
    List<Integer> legsTo = new ArrayList<>(seq);
    if (request.loop() && !seq.isEmpty()) {
      legsTo.add(0);
    }
    for (int k = 0; k < legsTo.size(); k++) {
      int next = legsTo.get(k);
      StreetPath leg = trees.get(prev).pathTo(locations.get(next)).orElseThrow();
      for (LonLat p : leg.coordinates()) {
        if (!coords.get(coords.size() - 1).equals(p)) {
          coords.add(p);
        }
      }
      length += leg.lengthMeters();
      lit += leg.litMeters();
      cost += leg.cost();
      edges.addAll(leg.edges());
      if (next != 0) {
        PriorityPoint p = chosen.get(next - 1);
        stops.add(
            new WalkStop(
                stops.size() + 1,
                p.id(),
                p.kind(),
                locations.get(next).snapped(),
                p.weight(),
                p.reason(),
                must.contains(p),
                length));
      }
      prev = next;
    }
    StreetPath route = new StreetPath(coords, length, lit, cost, edges);
    return new WalkPlan(
        start.snapped(),
        stops,
        route,
        request.loop(),
        request.maxLengthMeters(),
        tour.prize(),
        available,
        chosen.size(),
        request.stopMinutes(),
        warnings);
  }

  private static PriorityPoint resolve(Map<String, PriorityPoint> all, String field, String id) {
    PriorityPoint p = all.get(id);
    if (p != null) {
      return p;
    }
    for (PriorityPoint q : all.values()) {
      if (q.memberIds().contains(id)) {
        return q;
      }
    }
    throw DomainException.invalid(
        field, "'" + id + "' is neither a priority point nor an unsafe-place report here");
  }

  private static double straight(LocalProjection p, LonLat a, LonLat b) {
    return Math.hypot(p.x(a.lon()) - p.x(b.lon()), p.y(a.lat()) - p.y(b.lat()));
  }
}
