package se.tryggkarta.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.Text;
import se.tryggkarta.place.Address;
import se.tryggkarta.place.PlaceIndex;
import se.tryggkarta.place.PlaceService;
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

  /**
   * Priority points whose street positions lie closer than this, in metres, become one stop: two
   * markers that close cannot be told apart on a printed map, and a group stands at both anyway.
   */
  public static final double MERGE_STOPS_M = 30;

  private final NetworkService networks;
  private final WorkspaceService workspaces;
  private final List<PriorityPointSource> sources;
  private final PlaceService places;

  public WalkPlanner(
      NetworkService networks,
      WorkspaceService workspaces,
      List<PriorityPointSource> sources,
      PlaceService places) {
    this.networks = networks;
    this.workspaces = workspaces;
    this.sources = List.copyOf(sources);
    this.places = places;
  }

  /** A priority point, or several merged, with where it snapped and whether it must be visited. */
  private record Candidate(PriorityPoint point, List<PriorityPoint> members, Location location) {
    boolean mandatory(List<PriorityPoint> must) {
      return members.stream().anyMatch(must::contains);
    }

    double weight() {
      return members.stream().mapToDouble(PriorityPoint::weight).sum();
    }
  }

  /**
   * Plans a walk. Throws INVALID_INPUT for unknown ids, UNPROCESSABLE when the start or a
   * must-visit stop is off the network or the must-visit stops alone need more than the budget.
   */
  public WalkPlan plan(String workspaceId, WalkRequest request) {
    Workspace ws = workspaces.getWorkspace(workspaceId);
    StreetNetwork net = networks.network(ws.id());
    PlaceIndex names = places.index(ws.id());
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
    List<Candidate> candidates = new ArrayList<>();
    for (PriorityPoint p : must) {
      Location l = net.snapper().snap("mustVisit", p.location(), Snapper.DEFAULT_MAX_DISTANCE_M);
      SnapNotes.skipped(
              net,
              l,
              lang ->
                  (lang == Lang.SV ? "Det obligatoriska stoppet " : "The must-visit stop ")
                      + label(names, p, lang))
          .ifPresent(warnings::add);
      if (net.graph().component(l.edge()) != net.graph().component(start.edge())) {
        throw new DomainException(
            ErrorKind.UNPROCESSABLE,
            "mustVisit",
            "must-visit stop '"
                + p.id()
                + "' lies on streets not connected to the meeting point's ("
                + Lang.EN.position(p.location())
                + ")");
      }
      addOrMerge(candidates, p, l);
    }
    int unconnected = 0;
    Optional<PriorityPoint> firstUnconnected = Optional.empty();
    int considered = must.size();
    for (PriorityPoint p : pool) {
      if (considered >= Math.max(request.maxCandidates(), must.size())) {
        break;
      }
      Optional<Location> l = net.snapper().nearest(p.location());
      if (l.isEmpty() || l.get().distanceMeters() > Snapper.DEFAULT_MAX_DISTANCE_M) {
        warnings.add(
            lang ->
                label(names, p, lang)
                    + (lang == Lang.SV
                        ? " ligger mer än 300 m från gatunätet och togs inte med"
                        : " lies more than 300 m from the street network; left out"));
        continue;
      }
      if (net.graph().component(l.get().edge()) != net.graph().component(start.edge())) {
        unconnected++;
        firstUnconnected = firstUnconnected.or(() -> Optional.of(p));
        continue;
      }
      considered++;
      addOrMerge(candidates, p, l.get());
    }
    if (unconnected > 0) {
      PriorityPoint p = firstUnconnected.orElseThrow();
      int count = unconnected;
      warnings.add(
          lang ->
              lang == Lang.SV
                  ? lang.integer(count)
                      + " prioriterade platser ligger på gator som inte hänger ihop med"
                      + " samlingsplatsens, till exempel "
                      + label(names, p, lang)
                      + "; vandringen kan inte nå dem"
                  : lang.integer(count)
                      + " priority points lie on streets not connected to the meeting point's,"
                      + " for example "
                      + label(names, p, lang)
                      + "; the walk cannot reach them");
    }
    List<Location> locations = new ArrayList<>();
    locations.add(start);
    candidates.forEach(c -> locations.add(c.location()));
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
      prize[i] = candidates.get(i - 1).weight();
      available += prize[i];
    }
    List<Integer> mandatory = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      Candidate c = candidates.get(i - 1);
      if (!c.mandatory(must)) {
        continue;
      }
      if (!(d[0][i] < Double.POSITIVE_INFINITY)) {
        throw new DomainException(
            ErrorKind.UNPROCESSABLE,
            "mustVisit",
            "must-visit stop '" + c.point().id() + "' cannot be reached from the start");
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
    shortWalkNote(request, tour, d, candidates, names, outOfStraightReach).ifPresent(warnings::add);
    return assemble(ws, request, start, names, candidates, trees, tour, available, warnings, must);
  }

  /**
   * Adds a point as a candidate, or merges it into the first candidate whose street position lies
   * within {@value #MERGE_STOPS_M} m (candidates come heaviest first, must-visit stops before all):
   * the merged stop keeps the first point's position and sums the weights.
   */
  private static void addOrMerge(List<Candidate> candidates, PriorityPoint p, Location at) {
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      LonLat a = c.location().snapped();
      LonLat b = at.snapped();
      if (LocalProjection.haversineMeters(a.lon(), a.lat(), b.lon(), b.lat()) < MERGE_STOPS_M) {
        List<PriorityPoint> members = new ArrayList<>(c.members());
        members.add(p);
        candidates.set(i, new Candidate(c.point(), members, c.location()));
        return;
      }
    }
    candidates.add(new Candidate(p, List.of(p), at));
  }

  /**
   * How a warning names a priority point: "Hotspot 3 (Storgatan)", "Storgatan/Kyrkogatan", else its
   * position; never its id.
   */
  private static String label(PlaceIndex names, PriorityPoint p, Lang lang) {
    Address a = names.addressOf(p.location());
    String where = a.isEmpty() ? lang.position(p.location()) : a.label();
    return p.hotspotRank().isPresent()
        ? "Hotspot " + p.hotspotRank().getAsInt() + " (" + where + ")"
        : where;
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
      List<Candidate> candidates,
      PlaceIndex names,
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
    PriorityPoint nearest = best > 0 ? candidates.get(best - 1).point() : null;
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
                        + lang.integer(remaining)
                        + " prioriterade platser som inte kom med skulle den närmaste, "
                        + label(names, nearest, lang)
                        + ", förlänga den med "
                        + lang.distance(add)
                        + " längs gatorna"
                    : "of the "
                        + lang.integer(remaining)
                        + " priority points not on it, the nearest, "
                        + label(names, nearest, lang)
                        + ", would add "
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
      Workspace ws,
      WalkRequest request,
      Location start,
      PlaceIndex names,
      List<Candidate> candidates,
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
      Location target = next == 0 ? start : candidates.get(next - 1).location();
      StreetPath leg = trees.get(prev).pathTo(target).orElseThrow();
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
        Candidate c = candidates.get(next - 1);
        LonLat at = c.location().snapped();
        stops.add(
            new WalkStop(
                stops.size() + 1,
                c.point().id(),
                c.point().kind(),
                at,
                c.weight(),
                c.members().stream().map(PriorityPoint::reason).toList(),
                c.members().stream().map(PriorityPoint::evidence).toList(),
                c.members().stream()
                    .map(PriorityPoint::hotspotRank)
                    .filter(OptionalInt::isPresent)
                    .findFirst()
                    .orElse(OptionalInt.empty()),
                names.addressOf(at),
                c.mandatory(must),
                length,
                c.members().stream().map(PriorityPoint::id).toList()));
      }
      prev = next;
    }
    StreetPath route = new StreetPath(coords, length, lit, cost, edges);
    return new WalkPlan(
        start.snapped(),
        names.addressOf(start.snapped()),
        stops,
        route,
        request.loop(),
        request.maxLengthMeters(),
        tour.prize(),
        available,
        candidates.stream().mapToInt(c -> c.members().size()).sum(),
        request.stopMinutes(),
        ws.settings().night(),
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
