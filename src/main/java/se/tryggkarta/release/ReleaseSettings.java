package se.tryggkarta.release;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.workspace.CategoryName;

/**
 * What a public workspace publishes and how it protects it. Set by an admin; members' own analyses
 * are not affected.
 *
 * @param layers the point layers published (incidents, unsafe places)
 * @param cellMeters the side of the public cells that events are counted in (≥ 100 m, and never
 *     finer than the workspace's {@code privacy().minCellMeters()})
 * @param bandwidthMeters the quartic kernel's bandwidth that public density surfaces smooth the
 *     protected counts with (≥ the cell)
 * @param groups per layer, the category groups published (disjoint); every layer also has the
 *     groups {@value CategoryGroup#ALL} (everything) and, when it has groups, {@value
 *     CategoryGroup#OTHER} (the rest)
 * @param epsilonPerMonth ε of the geometric mechanism for one month's table: each event changes one
 *     cell of one month's table by one, so every month's table is ε-differentially private at the
 *     event level, and everything public is computed from those tables
 * @param maxVersionsPerMonth the budget: how many different versions of one month's table may be
 *     published (a month whose records change after it was published is published again, with fresh
 *     noise in the changed cells; past this many versions the month is withheld)
 * @param firstMonth the first month released (default: 36 months before the current month)
 * @param defaultPeriod the period the public map opens on (default: {@code last-12-months})
 */
public record ReleaseSettings(
    List<Layer> layers,
    double cellMeters,
    double bandwidthMeters,
    Map<Layer, List<CategoryGroup>> groups,
    double epsilonPerMonth,
    int maxVersionsPerMonth,
    Optional<YearMonth> firstMonth,
    Optional<String> defaultPeriod) {

  /** The layers that can be published: the personal-data point layers with a time. */
  public static final Set<Layer> PUBLISHABLE = Set.of(Layer.INCIDENTS, Layer.UNSAFE_PLACES);

  public static final double MIN_CELL_METERS = 100;
  public static final double MAX_CELL_METERS = 5000;

  /**
   * Incidents and unsafe places on 100 m cells smoothed at 300 m, ε = 2 per month, at most 12
   * published versions of a month; unsafe places publish darkness reports as a group of their own
   * (the lighting work list weighs them).
   */
  public static final ReleaseSettings DEFAULT =
      new ReleaseSettings(
          List.of(Layer.INCIDENTS, Layer.UNSAFE_PLACES),
          100,
          300,
          Map.of(
              Layer.UNSAFE_PLACES,
              List.of(
                  new CategoryGroup(
                      "morker",
                      new CategoryName("Mörker", "Darkness"),
                      Set.of("darkness", "mörker")))),
          2.0,
          12,
          Optional.empty(),
          Optional.empty());

  public ReleaseSettings {
    if (layers == null || layers.isEmpty()) {
      throw DomainException.invalid("layers", "at least one layer must be published");
    }
    layers = List.copyOf(new java.util.LinkedHashSet<>(layers));
    for (Layer l : layers) {
      if (!PUBLISHABLE.contains(l)) {
        throw DomainException.invalid(
            "layers", "only incidents and unsafe-places are released, not " + l.slug());
      }
    }
    if (!(cellMeters >= MIN_CELL_METERS && cellMeters <= MAX_CELL_METERS)) {
      throw DomainException.invalid(
          "cellMeters", "public cells must be 100..5000 m, was " + cellMeters);
    }
    if (!(bandwidthMeters >= cellMeters && bandwidthMeters <= 20 * cellMeters)) {
      throw DomainException.invalid(
          "bandwidthMeters",
          "the public bandwidth must be 1..20 cells ("
              + cellMeters
              + " m), was "
              + bandwidthMeters);
    }
    if (!(epsilonPerMonth > 0 && epsilonPerMonth <= 10)) {
      throw DomainException.invalid(
          "epsilonPerMonth", "ε per month must be in (0, 10], was " + epsilonPerMonth);
    }
    if (maxVersionsPerMonth < 1 || maxVersionsPerMonth > 100) {
      throw DomainException.invalid(
          "maxVersionsPerMonth", "must be 1..100, was " + maxVersionsPerMonth);
    }
    Map<Layer, List<CategoryGroup>> g = new EnumMap<>(Layer.class);
    for (var e : (groups == null ? Map.<Layer, List<CategoryGroup>>of() : groups).entrySet()) {
      List<CategoryGroup> list = List.copyOf(e.getValue());
      Set<String> ids = new HashSet<>();
      Map<String, String> owner = new HashMap<>();
      for (CategoryGroup cg : list) {
        if (!ids.add(cg.id())) {
          throw DomainException.invalid(
              "groups/" + e.getKey().slug(), "group id '" + cg.id() + "' is repeated");
        }
        for (String c : cg.categories()) {
          String before = owner.put(c, cg.id());
          if (before != null) {
            throw DomainException.invalid(
                "groups/" + e.getKey().slug(),
                "category '" + c + "' is in both '" + before + "' and '" + cg.id() + "'");
          }
        }
      }
      if (list.size() > 20) {
        throw DomainException.invalid(
            "groups/" + e.getKey().slug(), "at most 20 groups per layer, was " + list.size());
      }
      if (!list.isEmpty()) {
        g.put(e.getKey(), list);
      }
    }
    groups = Map.copyOf(g);
    firstMonth = firstMonth == null ? Optional.empty() : firstMonth;
    defaultPeriod = defaultPeriod == null ? Optional.empty() : defaultPeriod;
  }

  /** The layer's own groups (not {@value CategoryGroup#ALL} or {@value CategoryGroup#OTHER}). */
  public List<CategoryGroup> groupsOf(Layer layer) {
    return groups.getOrDefault(layer, List.of());
  }

  /** The public cell side for a workspace whose privacy rules ask for at least {@code minCell}. */
  public double effectiveCellMeters(double minCellMeters) {
    return Math.max(cellMeters, minCellMeters);
  }
}
