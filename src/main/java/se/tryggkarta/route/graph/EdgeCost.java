package se.tryggkarta.route.graph;

/**
 * The cost of walking one whole edge, the role every router's weighting plays. Contract: the result
 * is ≥ 0 and never NaN; an impassable edge costs {@link Double#POSITIVE_INFINITY}; the method never
 * throws, because it runs inside the search loop. Cost along part of an edge is taken as
 * proportional to the part's length. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface EdgeCost {
  /** The cost of edge {@code edge} of {@code graph}, in the implementation's unit. */
  double cost(StreetGraph graph, int edge);

  /** Plain length in metres: the shortest-path weighting. */
  EdgeCost LENGTH = (g, e) -> g.lengthMeters(e);
}
